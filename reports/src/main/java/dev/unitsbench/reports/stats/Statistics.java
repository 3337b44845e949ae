package dev.unitsbench.reports.stats;

import dev.unitsbench.reports.read.Samples;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.StatisticalSummaryValues;
import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.apache.commons.math3.stat.descriptive.moment.Variance;
import org.apache.commons.math3.stat.inference.TTest;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * The statistics of the report, computed with commons-math3 from JMH's raw data, with the
 * <em>fork</em> as the unit of replication.
 *
 * <p>Why forks and not iterations: the iterations of one fork run in one JVM. They share its
 * JIT decisions (which methods got compiled, inlined, deoptimised), its heap layout and GC
 * state, the cores and NUMA node the OS placed it on, and whatever else ran on the machine at
 * that minute. Two iterations of one fork are therefore correlated, and a second fork of the
 * same benchmark often lands on a different mean than the first by far more than the
 * iteration-to-iteration noise suggests. Treating n iterations as n independent samples gives
 * intervals that are too narrow and verdicts that flip between runs. So every fork is reduced
 * to its mean, and inference is made on fork means only:
 * <ul>
 *   <li>a result's estimate is the mean of its fork means, with a Student-t interval on the
 *       fork means (df = forks - 1); a one-fork result gets its iterations' mean and no
 *       interval;</li>
 *   <li>two results are compared by Welch's t-test on their fork means (no equal-variance
 *       assumption: a process-based benchmark is often far noisier than a thread-based
 *       one);</li>
 *   <li>the ratio of two means gets Fieller's interval on fork means, with the
 *       Welch-Satterthwaite degrees of freedom.</li>
 * </ul>
 * Fork means are close to normal (each is an average of iterations), which the t-based methods
 * need; with 3 to 5 forks the intervals are wide, and honestly so.
 */
public final class Statistics {

    private Statistics() {
    }

    /** Mean of fork means and Student-t confidence interval at {@code level} (e.g. 0.95) on them. */
    public static Estimate estimate(Samples samples, double level, String unit) {
        double[] forkMeans = samples.forkMeans();
        long iterations = samples.size();
        if (forkMeans.length < 2) {
            return new Estimate(new Mean().evaluate(samples.values()), Double.NaN, Double.NaN, Double.NaN, 1, level, unit, iterations);
        }
        Summary s = summarize(forkMeans);
        double sd = Math.sqrt(s.variance);
        double half = tQuantile(level, s.n - 1) * sd / Math.sqrt(s.n);
        return new Estimate(s.mean, s.mean - half, s.mean + half, sd, s.n, level, unit, iterations);
    }

    /**
     * Welch's two-sided t-test of equal means on the fork means of {@code a} and {@code b}, by
     * commons-math3's {@link TTest}. Undefined (p-value NaN) with fewer than two forks on a side
     * or no variance at all.
     */
    public static WelchTest welch(Samples a, Samples b) {
        return welch(a.forkMeans(), b.forkMeans());
    }

    /** Welch's two-sided t-test on two sets of independent values (here: fork means). */
    static WelchTest welch(double[] a, double[] b) {
        if (a.length < 2 || b.length < 2) {
            return new WelchTest(Double.NaN, Double.NaN, Double.NaN);
        }
        Summary sa = summarize(a);
        Summary sb = summarize(b);
        if (sa.variance == 0 && sb.variance == 0) {
            return new WelchTest(Double.NaN, Double.NaN, Double.NaN);
        }
        TTest test = new TTest();
        StatisticalSummaryValues va = sa.toCommons();
        StatisticalSummaryValues vb = sb.toCommons();
        return new WelchTest(test.t(va, vb), welchDegreesOfFreedom(sa, sb), test.tTest(va, vb));
    }

    /**
     * mean(numerator) / mean(denominator) with Fieller's confidence interval for the ratio of
     * two independent means, both taken over fork means.
     *
     * <p>With {@code a}, {@code b} the means, {@code va}, {@code vb} the squared standard
     * errors and {@code t} the Student quantile, the interval is the set of ratios {@code r}
     * for which {@code a - r b} is not significantly different from zero:
     * {@code (r0 ± (t/|b|) sqrt(va (1 - g) + r0² vb)) / (1 - g)} with {@code r0 = a/b} and
     * {@code g = t² vb / b²}. When {@code g >= 1} the denominator's own interval contains
     * zero and the interval is unbounded. Unlike the delta method, Fieller's interval is
     * asymmetric around the ratio, which matters when the denominator is noisy.
     *
     * <p>The t quantile uses the Welch-Satterthwaite degrees of freedom of the two sets of fork
     * means. With one fork on either side there is no interval (unbounded).
     */
    public static RatioEstimate ratio(Samples numerator, Samples denominator, double level) {
        double[] a = numerator.forkMeans();
        double[] b = denominator.forkMeans();
        Summary sa = summarize(a.length < 2 ? numerator.values() : a);
        Summary sb = summarize(b.length < 2 ? denominator.values() : b);
        double r0 = sa.mean / sb.mean;
        if (a.length < 2 || b.length < 2) {
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

    /**
     * Holm's step-down adjustment of {@code p}: sort ascending, multiply the i-th smallest (from
     * 0) by {@code m - i}, keep the running maximum, cap at 1. It controls the family-wise error
     * rate at alpha for any dependence between the tests, and is uniformly more powerful than
     * Bonferroni. NaN p-values (undefined tests) stay NaN and do not count in {@code m}.
     */
    public static double[] holm(double[] p) {
        int[] order = IntStream.range(0, p.length).filter(i -> !Double.isNaN(p[i])).boxed()
                .sorted(Comparator.comparingDouble(i -> p[i])).mapToInt(Integer::intValue).toArray();
        double[] adjusted = new double[p.length];
        Arrays.fill(adjusted, Double.NaN);
        int m = order.length;
        double running = 0;
        for (int rank = 0; rank < m; rank++) {
            running = Math.max(running, Math.min(1, (m - rank) * p[order[rank]]));
            adjusted[order[rank]] = running;
        }
        return adjusted;
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

    private static Summary summarize(double[] values) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        long n = values.length;
        double variance = n < 2 ? Double.NaN : new Variance().evaluate(values);
        return new Summary(new Mean().evaluate(values), variance, n, min, max);
    }
}
