package dev.unitsbench.reports.read;

import java.util.Arrays;

/**
 * The measurements behind one score, as JMH recorded them: one value per measurement
 * iteration of every fork ({@code rawData}), or, in sample mode, histogram bins with a count
 * each ({@code rawDataHistogram}). Forks are pooled: the statistics treat every iteration of
 * every fork as one sample, as JMH's own score error does.
 *
 * @param values one value per iteration, or the bin values of a histogram
 * @param counts null when every value counts once; else how often each value was seen
 */
public record Samples(double[] values, long[] counts) {

    public static Samples ofIterations(double... values) {
        return new Samples(values.clone(), null);
    }

    /** Total number of observations: iterations, or histogram counts added up. */
    public long size() {
        if (counts == null) {
            return values.length;
        }
        long n = 0;
        for (long c : counts) {
            n += c;
        }
        return n;
    }

    public boolean isWeighted() {
        return counts != null;
    }

    /** Counts as doubles, in the form commons-math3's weighted evaluations take. */
    public double[] weights() {
        double[] w = new double[values.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = counts == null ? 1 : counts[i];
        }
        return w;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Samples s && Arrays.equals(values, s.values) && Arrays.equals(counts, s.counts);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(values) + Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        return "Samples" + Arrays.toString(values) + (counts == null ? "" : " x " + Arrays.toString(counts));
    }
}
