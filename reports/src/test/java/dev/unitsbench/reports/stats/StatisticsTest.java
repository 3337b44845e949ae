package dev.unitsbench.reports.stats;

import dev.unitsbench.reports.read.Samples;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Known answers (computed independently with SciPy 1.17: {@code ttest_rel}, {@code ttest_ind(equal_var=False)}
 * and {@code t.ppf} on the logs), the cases that used to go wrong, and seeded simulations of what
 * the tests promise: error rate under the null, coverage, and the power pairing buys.
 */
class StatisticsTest {

    private static final double EPS = 1e-9;
    private static final Samples A = Samples.ofReplicates(1.00, 1.10, 1.30);
    private static final Samples B = Samples.ofReplicates(1.20, 1.25, 1.60);

    @Test
    void aPositiveResultGetsItsMeanAndAnIntervalOnTheLogs() {
        Estimate e = Statistics.estimate(Samples.ofReplicates(1, 2, 4), 0.95, "ms/op");
        assertEquals(7.0 / 3, e.mean(), EPS);
        assertEquals(0.3574621235894746, e.low(), 1e-9);
        assertEquals(11.18999674660294, e.high(), 1e-8);
        assertEquals(3, e.n());
        assertEquals("ms/op", e.unit());
    }

    @Test
    void aTimeCloseToZeroNeverGetsANegativeBound() {
        Estimate e = Statistics.estimate(Samples.ofReplicates(0.05, 0.4, 0.7), 0.95, "us/op");
        assertTrue(e.low() > 0, "low " + e.low());
    }

    @Test
    void aCountWithZerosIsBoundedAtZeroAndAQuantityThatCanBeNegativeIsNot() {
        Estimate count = Statistics.estimate(Samples.ofReplicates(0, 1, 2), 0.95, "#");
        assertEquals(1.0, count.mean(), EPS);
        assertEquals(0.0, count.low(), 0);
        assertEquals(1 + 4.302652729911275 / Math.sqrt(3), count.high(), 1e-9);
        Estimate growth = Statistics.estimate(Samples.ofReplicates(-1, 0, 1), 0.95, "B");
        assertEquals(-4.302652729911275 / Math.sqrt(3), growth.low(), 1e-9);
    }

    @Test
    void oneForkHasAMeanButNoInterval() {
        Estimate e = Statistics.estimate(Samples.ofIterations(40, 44), 0.95, "ms/op");
        assertEquals(42, e.mean(), EPS);
        assertEquals(1, e.n());
        assertFalse(e.hasInterval());
    }

    @Test
    void pairedByRoundMatchesScipysPairedTTestOnTheLogs() {
        Difference d = Statistics.compare(A, B, true);
        assertEquals(Difference.Design.PAIRED, d.design());
        assertEquals(Difference.Scale.LOG, d.scale());
        assertEquals(-7.330436357251014, d.t(), 1e-9);
        assertEquals(0.018105862649442195, d.pValue(), 1e-9);
        assertEquals(2, d.df(), 0);
        RatioEstimate r = d.ratio(0.95, Double.NaN);
        assertEquals(0.8414757379333423, r.ratio(), 1e-12);
        assertEquals(0.7604037006774197, r.low(), 1e-9);
        assertEquals(0.9311914406777024, r.high(), 1e-9);
    }

    @Test
    void twoMetricsOfTheSameRunsArePairedByRunWithThePairedStatistic() {
        Difference byRun = Statistics.compareWithinRuns(A, B);
        Difference byRound = Statistics.compare(A, B, true);
        assertEquals(Difference.Design.SAME_RUN, byRun.design());
        assertEquals(byRound.estimate(), byRun.estimate(), 0);
        assertEquals(byRound.se(), byRun.se(), 0);
        assertEquals(byRound.df(), byRun.df(), 0);
    }

    @Test
    void welchMatchesScipysUnequalVarianceTTestOnTheLogs() {
        Difference d = Statistics.compare(A, B, false);
        assertEquals(Difference.Design.WELCH, d.design());
        assertEquals(-1.4610602789005636, d.t(), 1e-9);
        assertEquals(0.2194968875656665, d.pValue(), 1e-9);
        assertEquals(3.903280719908041, d.df(), 1e-9);
        RatioEstimate r = d.ratio(0.95, Double.NaN);
        assertEquals(0.6042208231709334, r.low(), 1e-9);
        assertEquals(1.1718917825679558, r.high(), 1e-9);
    }

    @Test
    void theIntervalAndTheTestAreOneStatistic() {
        Difference d = Statistics.compare(A, B, true);
        double p = d.pValue();
        // The interval at exactly 1 - p touches 0 (ratio 1); a hair wider includes it, a hair narrower excludes it.
        assertEquals(0, d.high(1 - p), 1e-9);
        assertTrue(d.high(1 - p + 1e-6) > 0);
        assertTrue(d.high(1 - p - 1e-6) < 0);
    }

    @Test
    void pairingNeedsTheSameForkCountsElseWelch() {
        assertEquals(Difference.Design.WELCH, Statistics.compare(Samples.ofReplicates(1, 2, 3, 4), B, true).design());
        assertEquals(Difference.Design.TOO_FEW_FORKS, Statistics.compare(Samples.ofReplicates(1), B, true).design());
        assertTrue(Double.isNaN(Statistics.compare(Samples.ofReplicates(1), B, true).pValue()));
    }

    @Test
    void constantButDifferentSidesAreDecidedByTheirDifference() {
        Difference logs = Statistics.compare(Samples.ofReplicates(2, 2, 2), Samples.ofReplicates(1, 1, 1), false);
        assertEquals(0.0, logs.pValue(), 0);
        RatioEstimate r = logs.ratio(0.95, Double.NaN);
        assertEquals(2.0, r.low(), 1e-12);
        assertEquals(2.0, r.high(), 1e-12);
        Difference counts = Statistics.compare(Samples.ofReplicates(0, 0, 0), Samples.ofReplicates(9800, 9800, 9800), false);
        assertEquals(Difference.Scale.LINEAR, counts.scale());
        assertEquals(-9800, counts.estimate(), 0);
        assertEquals(0.0, counts.pValue(), 0);
        assertEquals(-9800, counts.high(0.999), 0);
        Difference same = Statistics.compare(Samples.ofReplicates(0, 0, 0), Samples.ofReplicates(0, 0, 0), true);
        assertEquals(1.0, same.pValue(), 0);
    }

    @Test
    void aHugeEffectWithOneNoisySideIsSeen() {
        // Four thousand-fold, one side's fork means spread over a factor of three: on the logs, Welch sees it.
        Difference d = Statistics.compare(Samples.ofReplicates(4000, 9000, 12000), Samples.ofReplicates(1.0, 1.02, 0.99), false);
        assertTrue(d.pValue() < 0.01, "p " + d.pValue());
        assertTrue(d.ratio(0.95, Double.NaN).low() > 100);
    }

    // Seeded simulations: 3 forks a side, each fork mean = truth x round drift x fork noise (lognormal).

    private static final int EXPERIMENTS = 4000;
    private static final double ALPHA = 0.05;

    /** Fraction of simulated experiments whose 1 - alpha interval excludes 1 (a significant difference). */
    private static double significant(double trueRatio, double drift, double noise, boolean paired, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int hits = 0;
        for (int i = 0; i < EXPERIMENTS; i++) {
            double[][] sides = simulate(random, trueRatio, drift, noise);
            Difference d = Statistics.compare(Samples.ofReplicates(sides[0]), Samples.ofReplicates(sides[1]), paired);
            if (d.low(1 - ALPHA) > 0 || d.high(1 - ALPHA) < 0) {
                hits++;
            }
        }
        return (double) hits / EXPERIMENTS;
    }

    private static double[][] simulate(SplittableRandom random, double trueRatio, double drift, double noise) {
        double[] a = new double[3];
        double[] b = new double[3];
        for (int round = 0; round < 3; round++) {
            double shared = Math.exp(drift * gaussian(random));
            a[round] = trueRatio * shared * Math.exp(noise * gaussian(random));
            b[round] = shared * Math.exp(noise * gaussian(random));
        }
        return new double[][] {a, b};
    }

    private static double gaussian(SplittableRandom random) {
        // Box-Muller: SplittableRandom has no nextGaussian before JDK 17's RandomGenerator default, kept explicit.
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    @Test
    void underTheNullTheFalseVerdictRateIsAtMostAlphaPlusTwoPoints() {
        assertTrue(significant(1.0, 0.07, 0.01, true, 1) <= ALPHA + 0.02);
        assertTrue(significant(1.0, 0.07, 0.03, false, 2) <= ALPHA + 0.02);
        assertTrue(significant(1.0, 0.0, 0.05, false, 3) <= ALPHA + 0.02);
    }

    @Test
    void theIntervalCoversTheTrueRatioAtLeast93PercentOfTheTime() {
        for (boolean paired : new boolean[] {true, false}) {
            SplittableRandom random = new SplittableRandom(paired ? 11 : 12);
            int covered = 0;
            for (int i = 0; i < EXPERIMENTS; i++) {
                double[][] sides = simulate(random, 1.3, 0.07, 0.02);
                RatioEstimate r = Statistics.compare(Samples.ofReplicates(sides[0]), Samples.ofReplicates(sides[1]), paired)
                        .ratio(1 - ALPHA, Double.NaN);
                if (r.low() <= 1.3 && 1.3 <= r.high()) {
                    covered++;
                }
            }
            double coverage = (double) covered / EXPERIMENTS;
            assertTrue(coverage >= 0.93, (paired ? "paired" : "Welch") + " coverage " + coverage);
        }
    }

    @Test
    void whenTheRoundsDriftPairingSeesWhatWelchCannot() {
        double paired = significant(1.10, 0.07, 0.01, true, 21);
        double welch = significant(1.10, 0.07, 0.01, false, 22);
        assertTrue(paired > 0.9, "paired power " + paired);
        assertTrue(welch < 0.5, "Welch power " + welch);
    }
}
