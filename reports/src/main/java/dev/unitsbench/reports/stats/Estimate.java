package dev.unitsbench.reports.stats;

/**
 * A mean with its confidence interval, computed on fork means (see {@link Statistics}).
 *
 * @param mean       mean of the fork means (with one fork: the mean of its iterations)
 * @param low        lower end of the interval; NaN when there is none (one fork)
 * @param high       upper end of the interval; NaN when there is none
 * @param sd         standard deviation of the fork means (n - 1 in the denominator); NaN for one fork
 * @param n          number of forks: the independent replicates behind the mean
 * @param level      confidence level, e.g. 0.95
 * @param unit       the unit of the mean and the interval, e.g. {@code ms/op}
 * @param iterations measurement iterations over all forks (for display; not independent samples)
 */
public record Estimate(double mean, double low, double high, double sd, long n, double level, String unit, long iterations) {

    public Estimate(double mean, double low, double high, double sd, long n, double level, String unit) {
        this(mean, low, high, sd, n, level, unit, n);
    }

    /** Half the width of the interval: the "±" figure; NaN when there is no interval. */
    public double halfWidth() {
        return (high - low) / 2;
    }

    public boolean hasInterval() {
        return Double.isFinite(low) && Double.isFinite(high);
    }

    /** Number of forks (the unit of replication). */
    public long forks() {
        return n;
    }
}
