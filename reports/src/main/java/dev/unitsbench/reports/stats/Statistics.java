package dev.unitsbench.reports.stats;

import dev.unitsbench.reports.read.Samples;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.apache.commons.math3.stat.descriptive.moment.Variance;

import java.util.Arrays;

/**
 * The statistics of the report, computed with commons-math3 from JMH's raw data, with the
 * <em>fork</em> as the unit of replication.
 *
 * <p>Why forks and not iterations: the iterations of one fork run in one JVM. They share its
 * JIT decisions, its heap layout and GC state, the cores the OS placed it on, and whatever else
 * ran on the machine at that minute, so they are correlated. Every fork is reduced to its mean,
 * and inference is made on fork means only.
 *
 * <p>Why logarithms: times and rates are positive and their differences multiplicative (a
 * machine that runs 10% slower makes every figure 10% larger), so a result's interval is a
 * Student-t interval on the logs of its fork means, transformed back, and two results are
 * compared by the difference of their mean logs: the log of a ratio. Its interval is
 * {@code exp(d ± t·se)}, so no time has a negative bound and no ratio is unbounded, and the test
 * and the interval are one statistic ({@link Difference}). A quantity that can be zero or
 * negative (a count of lost updates, the growth of a resident set) is compared on the linear
 * scale instead, by the difference of means.
 *
 * <p>Why pairing: the suite runs fork r of every benchmark in round r ({@code ForkRounds}), a
 * block design. Both sides of a comparison then share each round's state of the machine, and the
 * per-round differences cancel it: a one-sample t on them (df = rounds - 1). Where the forks were
 * not run in rounds, or the fork counts differ, Welch's test with Satterthwaite's degrees of
 * freedom compares the two sets of fork means as independent.
 */
public final class Statistics {

    private Statistics() {
    }

    /**
     * A result's figure and interval at {@code level} on its fork means. The figure is the mean
     * of the fork means, as JMH reports a score. For positive values the interval is a t interval
     * on their logs, transformed back: never below zero, and as wide in ratio terms on either
     * side, like the ratios the claims compare (for fork means as close as a benchmark's, their
     * geometric and arithmetic means differ by well under a percent). Otherwise it is a t interval
     * on the values, its lower end held at 0 when no fork mean is negative (a count cannot be).
     * One fork: its iterations' mean and no interval.
     */
    public static Estimate estimate(Samples samples, double level, String unit) {
        double[] forkMeans = samples.forkMeans();
        long iterations = samples.size();
        if (forkMeans.length < 2) {
            return new Estimate(new Mean().evaluate(samples.values()), Double.NaN, Double.NaN, Double.NaN, 1, level, unit, iterations);
        }
        int n = forkMeans.length;
        double sd = Math.sqrt(new Variance().evaluate(forkMeans));
        double t = tQuantile(level, n - 1);
        double mean = new Mean().evaluate(forkMeans);
        if (allPositive(forkMeans)) {
            double[] logs = logs(forkMeans);
            double centre = new Mean().evaluate(logs);
            double half = t * Math.sqrt(new Variance().evaluate(logs) / n);
            return new Estimate(mean, Math.exp(centre - half), Math.exp(centre + half), sd, n, level, unit, iterations);
        }
        double half = t * sd / Math.sqrt(n);
        double low = mean - half;
        if (Arrays.stream(forkMeans).allMatch(v -> v >= 0)) {
            low = Math.max(0, low);
        }
        return new Estimate(mean, low, mean + half, sd, n, level, unit, iterations);
    }

    /**
     * {@code a} against {@code b} on their fork means: on the log scale when every fork mean of
     * both is positive, else on the linear scale; paired by round when {@code pairedByRound} and
     * both have the same number of forks (two or more), else Welch.
     */
    public static Difference compare(Samples a, Samples b, boolean pairedByRound) {
        return compare(a, b, pairedByRound ? Difference.Design.PAIRED : null);
    }

    /**
     * Two metrics of the same result: fork (or interpreter run) i of one was measured in the same
     * run as fork i of the other, so they are paired by run, whether or not the runs were made in rounds.
     */
    public static Difference compareWithinRuns(Samples a, Samples b) {
        return compare(a, b, Difference.Design.SAME_RUN);
    }

    /** {@code pairedAs}: the paired design the forks allow, or null for Welch. */
    private static Difference compare(Samples a, Samples b, Difference.Design pairedAs) {
        double[] x = a.forkMeans();
        double[] y = b.forkMeans();
        boolean log = allPositive(x) && allPositive(y);
        if (log) {
            x = logs(x);
            y = logs(y);
        }
        Difference.Scale scale = log ? Difference.Scale.LOG : Difference.Scale.LINEAR;
        if (x.length < 2 || y.length < 2) {
            double d = new Mean().evaluate(x) - new Mean().evaluate(y);
            return new Difference(scale, Difference.Design.TOO_FEW_FORKS, d, Double.NaN, Double.NaN, x.length, y.length);
        }
        if (pairedAs != null && x.length == y.length) {
            double[] d = new double[x.length];
            for (int i = 0; i < d.length; i++) {
                d[i] = x[i] - y[i];
            }
            double se = Math.sqrt(new Variance().evaluate(d) / d.length);
            return new Difference(scale, pairedAs, new Mean().evaluate(d), se, d.length - 1, x.length, y.length);
        }
        double va = new Variance().evaluate(x) / x.length;
        double vb = new Variance().evaluate(y) / y.length;
        double se = Math.sqrt(va + vb);
        double df = va + vb == 0 ? x.length + y.length - 2
                : (va + vb) * (va + vb) / (va * va / (x.length - 1) + vb * vb / (y.length - 1));
        return new Difference(scale, Difference.Design.WELCH, new Mean().evaluate(x) - new Mean().evaluate(y), se, df,
                x.length, y.length);
    }

    /** Two-sided Student quantile: the multiplier of the standard error at {@code level}. */
    public static double tQuantile(double level, double degreesOfFreedom) {
        return new TDistribution(degreesOfFreedom).inverseCumulativeProbability(1 - (1 - level) / 2);
    }

    /** Two-sided p-value of {@code t} with {@code degreesOfFreedom}. */
    static double twoSidedP(double t, double degreesOfFreedom) {
        return 2 * new TDistribution(degreesOfFreedom).cumulativeProbability(-Math.abs(t));
    }

    private static boolean allPositive(double[] values) {
        return Arrays.stream(values).allMatch(v -> v > 0);
    }

    private static double[] logs(double[] values) {
        return Arrays.stream(values).map(Math::log).toArray();
    }
}
