package dev.unitsbench.reports.stats;

/**
 * How two results differ, on their fork means (see {@link Statistics#compare}): the estimate, its
 * standard error and degrees of freedom, from which the interval at any level and the two-sided
 * p-value follow. The interval and the test are one statistic: the interval at {@code 1 - alpha}
 * excludes zero exactly when {@code p < alpha}.
 *
 * @param scale    {@code LOG}: the estimate is a difference of mean logs (the log of a ratio);
 *                 {@code LINEAR}: a difference of means, for quantities that can be zero or negative
 * @param design   how the forks were compared
 * @param estimate a minus b on the scale
 * @param se       its standard error; 0 when both sides are constant; NaN with too few forks
 * @param df       degrees of freedom of the t distribution; NaN with too few forks
 * @param forksA   fork means on side a
 * @param forksB   fork means on side b
 */
public record Difference(Scale scale, Design design, double estimate, double se, double df, int forksA, int forksB) {

    public enum Scale { LOG, LINEAR }

    public enum Design {
        PAIRED("paired by round"),
        SAME_RUN("paired by run (two metrics of the same forks or interpreter runs)"),
        WELCH("Welch"),
        TOO_FEW_FORKS("too few forks");

        private final String words;

        Design(String words) {
            this.words = words;
        }

        /** How the row names its test, e.g. "paired by round". */
        public String words() {
            return words;
        }
    }

    /** Whether there is a test at all: two forks or more on each side. */
    public boolean defined() {
        return design != Design.TOO_FEW_FORKS;
    }

    /**
     * Two-sided p-value of "no difference". Both sides constant (se 0): 1 when the estimate is 0,
     * 0 otherwise, so two constant but different sides are decided by their difference.
     */
    public double pValue() {
        if (!defined()) {
            return Double.NaN;
        }
        if (se == 0) {
            return estimate == 0 ? 1 : 0;
        }
        return Statistics.twoSidedP(estimate / se, df);
    }

    /** The t statistic; infinite when both sides are constant and different. */
    public double t() {
        return se == 0 ? (estimate == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, estimate)) : estimate / se;
    }

    /** The lower end of the interval at {@code level}, on the scale. */
    public double low(double level) {
        return estimate - halfWidth(level);
    }

    /** The upper end of the interval at {@code level}, on the scale. */
    public double high(double level) {
        return estimate + halfWidth(level);
    }

    private double halfWidth(double level) {
        if (!defined()) {
            return Double.POSITIVE_INFINITY;
        }
        return se == 0 ? 0 : Statistics.tQuantile(level, df) * se;
    }

    /**
     * The ratio a/b with its interval at {@code level}: {@code exp} of the log-scale estimate and
     * ends. On the linear scale, or with too few forks, only {@code pointRatio} (the ratio of the
     * means) and no interval.
     */
    public RatioEstimate ratio(double level, double pointRatio) {
        if (scale == Scale.LINEAR || !defined()) {
            return new RatioEstimate(scale == Scale.LOG ? Math.exp(estimate) : pointRatio, Double.NaN, Double.NaN, level);
        }
        return new RatioEstimate(Math.exp(estimate), Math.exp(low(level)), Math.exp(high(level)), level);
    }

    /** The same difference seen from the other side: b minus a. */
    public Difference flipped() {
        return new Difference(scale, design, -estimate, se, df, forksB, forksA);
    }
}
