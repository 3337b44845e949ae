package dev.unitsbench.reports.stats;

/**
 * The ratio of two means with its confidence interval (Fieller's method, see
 * {@link Statistics#ratio}).
 *
 * @param ratio mean of the numerator divided by mean of the denominator
 * @param low   lower end; {@code -Infinity} when the interval is unbounded
 * @param high  upper end; {@code +Infinity} when the interval is unbounded
 * @param level confidence level, e.g. 0.95
 */
public record RatioEstimate(double ratio, double low, double high, double level) {

    /**
     * False when the denominator's own interval reaches zero: Fieller's interval is then not
     * a finite interval, and no ratio of these means can be ruled out.
     */
    public boolean bounded() {
        return Double.isFinite(low) && Double.isFinite(high);
    }
}
