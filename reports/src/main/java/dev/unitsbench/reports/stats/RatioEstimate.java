package dev.unitsbench.reports.stats;

/**
 * The ratio of two results with its confidence interval, from {@link Difference#ratio}: the
 * exponential of a difference of mean logs and of its interval's ends.
 *
 * @param ratio the ratio (for a linear-scale difference, the ratio of the means)
 * @param low   lower end; NaN when there is no interval (a linear-scale difference, too few forks)
 * @param high  upper end; NaN when there is no interval
 * @param level confidence level, e.g. 0.95
 */
public record RatioEstimate(double ratio, double low, double high, double level) {

    /** True when there is an interval: the difference was on the log scale, with two forks or more a side. */
    public boolean bounded() {
        return Double.isFinite(low) && Double.isFinite(high);
    }
}
