package dev.unitsbench.reports.read;

import java.util.Arrays;

/**
 * The measurements behind one score, kept as JMH recorded them: per fork, one value per
 * measurement iteration. The fork structure is kept because the fork, not the iteration, is
 * the unit of replication (see {@code stats.Statistics}).
 *
 * <p>In sample mode JMH writes, per fork and iteration, a histogram of every invocation it
 * timed ({@code rawDataHistogram}). Each iteration becomes ONE value here, the count-weighted
 * mean of its histogram: tens of thousands of invocations of one iteration are not tens of
 * thousands of independent samples. The histogram of all forks pooled is kept in
 * {@link #pooled} for percentiles shown beside the mean, never for inference.
 *
 * @param forks  per fork, its measurement iterations' values; at least one fork with one value
 * @param pooled the pooled histogram of a sample-mode metric; null otherwise
 */
public record Samples(double[][] forks, Histogram pooled) {

    /**
     * Every invocation JMH timed in sample mode, all forks and iterations pooled.
     *
     * @param values bin values, ascending
     * @param counts how often each value was seen
     */
    public record Histogram(double[] values, long[] counts) {

        /** Total number of invocations. */
        public long size() {
            long n = 0;
            for (long c : counts) {
                n += c;
            }
            return n;
        }

        /** The value below which a fraction {@code p} (0 to 1) of the invocations fall. */
        public double percentile(double p) {
            long total = size();
            long rank = (long) Math.ceil(p * total);
            long seen = 0;
            for (int i = 0; i < values.length; i++) {
                seen += counts[i];
                if (seen >= Math.max(1, rank)) {
                    return values[i];
                }
            }
            return values[values.length - 1];
        }
    }

    /** One fork with these iteration values. */
    public static Samples ofIterations(double... values) {
        return new Samples(new double[][]{values.clone()}, null);
    }

    /** One single-iteration fork per value: independent replicates, such as separate CPython runs. */
    public static Samples ofReplicates(double... values) {
        double[][] forks = new double[values.length][];
        for (int i = 0; i < values.length; i++) {
            forks[i] = new double[]{values[i]};
        }
        return new Samples(forks, null);
    }

    /** Several forks, each with its iteration values. */
    public static Samples ofForks(double[]... forks) {
        double[][] copy = new double[forks.length][];
        for (int i = 0; i < forks.length; i++) {
            copy[i] = forks[i].clone();
        }
        return new Samples(copy, null);
    }

    /**
     * The first {@code n} forks (all when there are fewer), without the pooled histogram: what a
     * group-sequential look saw after {@code n} rounds.
     */
    public Samples firstForks(int n) {
        return n >= forks.length ? this : new Samples(Arrays.copyOf(forks, n), null);
    }

    /** Number of forks that measured something. */
    public int forkCount() {
        return forks.length;
    }

    /** Total number of measurement iterations over all forks. */
    public int size() {
        int n = 0;
        for (double[] f : forks) {
            n += f.length;
        }
        return n;
    }

    /** Every iteration's value, forks one after another. */
    public double[] values() {
        double[] all = new double[size()];
        int i = 0;
        for (double[] f : forks) {
            System.arraycopy(f, 0, all, i, f.length);
            i += f.length;
        }
        return all;
    }

    /** The mean of each fork's iterations: the values inference is made on. */
    public double[] forkMeans() {
        double[] means = new double[forks.length];
        for (int i = 0; i < forks.length; i++) {
            double sum = 0;
            for (double v : forks[i]) {
                sum += v;
            }
            means[i] = sum / forks[i].length;
        }
        return means;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Samples s && Arrays.deepEquals(forks, s.forks)
                && (pooled == null ? s.pooled == null : s.pooled != null
                && Arrays.equals(pooled.values, s.pooled.values) && Arrays.equals(pooled.counts, s.pooled.counts));
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(forks);
    }

    @Override
    public String toString() {
        return "Samples" + Arrays.deepToString(forks) + (pooled == null ? "" : " (histogram of " + pooled.size() + ")");
    }
}
