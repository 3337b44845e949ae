package dev.unitsbench.reports.stats;

/**
 * A mean with its confidence interval.
 *
 * @param mean   arithmetic mean of the samples
 * @param low    lower end of the interval; NaN when it cannot be computed (one sample)
 * @param high   upper end of the interval; NaN when it cannot be computed
 * @param sd     sample standard deviation (n - 1 in the denominator); NaN for one sample
 * @param n      number of samples behind the mean
 * @param level  confidence level, e.g. 0.95
 * @param unit   the unit of the mean and the interval, e.g. {@code ms/op}
 */
public record Estimate(double mean, double low, double high, double sd, long n, double level, String unit) {

    /** Half the width of the interval: the "±" figure; NaN when there is no interval. */
    public double halfWidth() {
        return (high - low) / 2;
    }

    public boolean hasInterval() {
        return Double.isFinite(low) && Double.isFinite(high);
    }
}
