package dev.unitsbench.reports.stats;

import dev.unitsbench.reports.read.Samples;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.StatisticalSummaryValues;
import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.apache.commons.math3.stat.descriptive.moment.Variance;
import org.apache.commons.math3.stat.inference.TTest;

/**
 * The statistics of the report, computed with commons-math3 from JMH's raw per-iteration
 * data rather than from its rounded summary.
 *
 * <p>Every iteration is one sample (forks pooled). In sample mode the histogram bins are
 * weighted by their counts. The interval of a mean is Student's t; two means are compared by
 * Welch's t-test, which does not assume equal variances (a process-based benchmark is often
 * far noisier than a thread-based one); the ratio of two means gets Fieller's interval.
 */
public final class Statistics {

    private Statistics() {
    }

    /** Mean and Student-t confidence interval at {@code level} (e.g. 0.95). */
    public static Estimate estimate(Samples samples, double level, String unit) {
        Summary s = summarize(samples);
        if (s.n < 2) {
            return new Estimate(s.mean, Double.NaN, Double.NaN, Double.NaN, s.n, level, unit);
        }
        double sd = Math.sqrt(s.variance);
        double half = tQuantile(level, s.n - 1) * sd / Math.sqrt(s.n);
        return new Estimate(s.mean, s.mean - half, s.mean + half, sd, s.n, level, unit);
    }

    /**
     * Welch's two-sided t-test of mean(a) = mean(b), by commons-math3's {@link TTest}. It is
     * undefined (p-value NaN) with fewer than two samples on a side or no variance at all.
     */
    public static WelchTest welch(Samples a, Samples b) {
        Summary sa = summarize(a);
        Summary sb = summarize(b);
        if (sa.n < 2 || sb.n < 2 || (sa.variance == 0 && sb.variance == 0)) {
            return new WelchTest(Double.NaN, Double.NaN, Double.NaN);
        }
        TTest test = new TTest();
        StatisticalSummaryValues va = sa.toCommons();
        StatisticalSummaryValues vb = sb.toCommons();
        return new WelchTest(test.t(va, vb), welchDegreesOfFreedom(sa, sb), test.tTest(va, vb));
    }

    /**
     * mean(numerator) / mean(denominator) with Fieller's confidence interval for the ratio of
     * two independent means.
     *
     * <p>With {@code a}, {@code b} the means, {@code va}, {@code vb} the squared standard
     * errors and {@code t} the Student quantile, the interval is the set of ratios {@code r}
     * for which {@code a - r b} is not significantly different from zero:
     * {@code (r0 ± (t/|b|) sqrt(va (1 - g) + r0² vb)) / (1 - g)} with {@code r0 = a/b} and
     * {@code g = t² vb / b²}. When {@code g >= 1} the denominator's own interval contains
     * zero and the interval is unbounded. Unlike the delta method, Fieller's interval is
     * asymmetric around the ratio, which matters when the denominator is noisy.
     *
     * <p>The t quantile uses the Welch-Satterthwaite degrees of freedom of the two samples.
     */
    public static RatioEstimate ratio(Samples numerator, Samples denominator, double level) {
        Summary sa = summarize(numerator);
        Summary sb = summarize(denominator);
        double r0 = sa.mean / sb.mean;
        if (sa.n < 2 || sb.n < 2) {
            return new RatioEstimate(r0, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, level);
        }
        double va = sa.variance / sa.n;
        double vb = sb.variance / sb.n;
        if (va == 0 && vb == 0) {
            return new RatioEstimate(r0, r0, r0, level);
        }
        double t = tQuantile(level, welchDegreesOfFreedom(sa, sb));
        double g = t * t * vb / (sb.mean * sb.mean);
        if (g >= 1) {
            return new RatioEstimate(r0, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, level);
        }
        double spread = t / Math.abs(sb.mean) * Math.sqrt(va * (1 - g) + r0 * r0 * vb);
        return new RatioEstimate(r0, (r0 - spread) / (1 - g), (r0 + spread) / (1 - g), level);
    }

    /** Two-sided Student quantile: the multiplier of the standard error at {@code level}. */
    static double tQuantile(double level, double degreesOfFreedom) {
        return new TDistribution(degreesOfFreedom).inverseCumulativeProbability(1 - (1 - level) / 2);
    }

    private static double welchDegreesOfFreedom(Summary a, Summary b) {
        double va = a.variance / a.n;
        double vb = b.variance / b.n;
        return (va + vb) * (va + vb) / (va * va / (a.n - 1) + vb * vb / (b.n - 1));
    }

    private record Summary(double mean, double variance, long n, double min, double max) {
        StatisticalSummaryValues toCommons() {
            return new StatisticalSummaryValues(mean, variance, n, max, min, mean * n);
        }
    }

    private static Summary summarize(Samples samples) {
        double[] values = samples.values();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        long n = samples.size();
        if (!samples.isWeighted()) {
            double variance = n < 2 ? Double.NaN : new Variance().evaluate(values);
            return new Summary(new Mean().evaluate(values), variance, n, min, max);
        }
        double[] weights = samples.weights();
        double variance = n < 2 ? Double.NaN : new Variance().evaluate(values, weights);
        return new Summary(new Mean().evaluate(values, weights), variance, n, min, max);
    }
}
