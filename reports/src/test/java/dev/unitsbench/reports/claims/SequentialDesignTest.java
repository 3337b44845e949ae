package dev.unitsbench.reports.claims;

import dev.unitsbench.reports.read.BenchmarkMode;
import dev.unitsbench.reports.read.BenchmarkResult;
import dev.unitsbench.reports.read.Metric;
import dev.unitsbench.reports.read.Samples;
import dev.unitsbench.reports.stats.AnalyzedResult;
import dev.unitsbench.reports.stats.GroupSequential;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole group-sequential procedure, as the evaluator runs it on a row (look after rounds 3,
 * 4 and 5, stop at the first look that decides), simulated over thousands of seeded experiments
 * with lognormal fork noise and a drift shared by both sides of a round.
 */
class SequentialDesignTest {

    private static final List<Integer> LOOKS = List.of(3, 4, 5);
    private static final RunDesign SEQUENTIAL = new RunDesign(true, 2, LOOKS, "the maximum of 5 rounds");
    private static final RunDesign FIXED = new RunDesign(true, 2);
    private static final double ALPHA = 0.05;
    private static final int EXPERIMENTS = 4000;

    private static final BenchmarkResult.Harness WARM = new BenchmarkResult.Harness(3, 1, "1 s", 1, "1 s");
    private static final BenchmarkResult.JvmInfo JVM = new BenchmarkResult.JvmInfo("1.37", "25", "vm", "25", null, List.of());
    private static final Claim T1 = ClaimCatalog.builtIn().stream().filter(c -> c.id().equals("T1")).findFirst().orElseThrow();

    /** T1's GIL row: processes (claimed faster) against platform threads, fork means in ms. */
    private static ComparisonOutcome row(RunDesign design, double[] processes, double[] threads) {
        List<AnalyzedResult> results = List.of(cpu("PROCESS", processes), cpu("PLATFORM_THREAD", threads));
        return new ClaimEvaluator(ALPHA, design).evaluate(T1, results).comparisons().get(1);
    }

    private static AnalyzedResult cpu(String model, double[] forkMeans) {
        BenchmarkResult r = new BenchmarkResult("dev.unitsbench.cpu.CpuBoundBenchmark.computeAll", BenchmarkMode.SINGLE_SHOT_TIME,
                new TreeMap<>(Map.of("model", model, "workers", "4", "gil", "true", "iterations", "100000000")),
                new Metric(0, 0, "ms/op", Samples.ofReplicates(forkMeans)), Map.of(), forkMeans.length, 1, JVM, WARM);
        return AnalyzedResult.analyze(List.of(r), 0.95).get(0);
    }

    /** One experiment: five rounds of both sides, threads {@code ratio} times slower, fork noise {@code noise} (log sd). */
    private record Experiment(double[] processes, double[] threads) {

        static Experiment draw(SplittableRandom random, double ratio, double noise, double drift) {
            double[] p = new double[5];
            double[] t = new double[5];
            for (int r = 0; r < 5; r++) {
                double round = Math.exp(drift * random.nextGaussian());
                p[r] = 1000 * round * Math.exp(noise * random.nextGaussian());
                t[r] = 1000 * ratio * round * Math.exp(noise * random.nextGaussian());
            }
            return new Experiment(p, t);
        }

        ComparisonOutcome sequential() {
            return row(SEQUENTIAL, processes, threads);
        }

        ComparisonOutcome fixed(int rounds) {
            return row(FIXED, Arrays.copyOf(processes, rounds), Arrays.copyOf(threads, rounds));
        }
    }

    private static boolean decided(Verdict v) {
        return v == Verdict.HOLDS || v == Verdict.REVERSED || v == Verdict.LEVEL;
    }

    @Test
    void underTheNullTheFalseVerdictRateStaysAtAlpha() {
        SplittableRandom random = new SplittableRandom(11);
        int wrong = 0;
        for (int i = 0; i < EXPERIMENTS; i++) {
            ComparisonOutcome row = Experiment.draw(random, 1, 0.05, 0.07).sequential();
            if (row.speedup().low() > 1 || row.speedup().high() < 1) {
                wrong++;
            }
        }
        double rate = (double) wrong / EXPERIMENTS;
        assertTrue(rate <= ALPHA + 0.02, "false-verdict rate " + rate);
    }

    @Test
    void theFinalIntervalCoversTheTruth() {
        for (double ratio : new double[]{1, 1.03, 1.1, 2}) {
            SplittableRandom random = new SplittableRandom(Double.hashCode(ratio));
            int covered = 0;
            for (int i = 0; i < EXPERIMENTS; i++) {
                ComparisonOutcome row = Experiment.draw(random, ratio, 0.08, 0.07).sequential();
                // The row shows processes' speed-up over threads: the threads' time over the processes'.
                if (row.speedup().low() <= ratio && ratio <= row.speedup().high()) {
                    covered++;
                }
            }
            double coverage = (double) covered / EXPERIMENTS;
            assertTrue(coverage >= 0.93, "coverage " + coverage + " at a true ratio of " + ratio);
        }
    }

    @Test
    void moreRowsAreDecidedThanByFixedRoundsOfTheSameExpectedTime() {
        SplittableRandom random = new SplittableRandom(5);
        int sequential = 0;
        int fixedThree = 0;
        int fixedFour = 0;
        long rounds = 0;
        for (int i = 0; i < EXPERIMENTS; i++) {
            // The suite's mix: most rows compare effects of many times, some are within a few percent of level.
            // (Where most rows are hard, the sequential design spends more rounds than 4 on average instead.)
            double log = random.nextDouble() < 0.7 ? random.nextDouble(0.3, 3) : random.nextDouble(0, 0.15);
            double ratio = Math.exp(random.nextBoolean() ? log : -log);
            Experiment e = Experiment.draw(random, ratio, random.nextDouble(0.01, 0.15), 0.07);
            ComparisonOutcome row = e.sequential();
            sequential += decided(row.verdict()) ? 1 : 0;
            rounds += row.test().look().rounds();
            fixedThree += decided(e.fixed(3).verdict()) ? 1 : 0;
            fixedFour += decided(e.fixed(4).verdict()) ? 1 : 0;
        }
        double meanRounds = (double) rounds / EXPERIMENTS;
        String figures = "decided: sequential " + sequential + " in " + meanRounds + " rounds on average; fixed 3 rounds " + fixedThree
                + "; fixed 4 rounds " + fixedFour;
        assertTrue(sequential > fixedThree, figures);
        assertTrue(meanRounds < 4, figures);
        // A fixed design of the same expected time: 4 rounds for a random share (meanRounds - 3) of the rows, 3 for the rest.
        double sameTime = fixedThree + (meanRounds - 3) * (fixedFour - fixedThree);
        assertTrue(sequential > sameTime, figures + "; fixed at the same expected time " + sameTime);
    }

    @Test
    void aRowStopsAtTheFirstLookThatDecidesItAndSaysWhy() {
        // A 2x effect with little noise: decided at the first look, on the first 3 rounds only.
        double[] p = {1000, 1010, 990, 1000, 1005};
        double[] t = {2000, 2030, 1970, 1000, 1000};
        ComparisonOutcome clear = row(SEQUENTIAL, p, t);
        assertEquals(Verdict.HOLDS, clear.verdict());
        ComparisonOutcome.Look look = clear.test().look();
        assertNotNull(look);
        assertEquals(1, look.look());
        assertEquals(3, look.rounds());
        assertEquals(ComparisonOutcome.Stop.DECIDED, look.stop());
        assertEquals(2.0, clear.speedup().ratio(), 0.02);
        // The same data in a run of fixed size: every fork counts, no look.
        assertNull(row(FIXED, p, t).test().look());
    }

    @Test
    void anUndecidedRowIsOpenOnlyWhileItsResultsRunInTheLatestRound() {
        double[] p = {1000, 1100, 950};
        double[] t = {1030, 1000, 1040};
        ComparisonOutcome open = row(SEQUENTIAL, p, t);
        assertEquals(ComparisonOutcome.Stop.OPEN, open.test().look().stop());
        assertEquals(2, open.test().look().results().size());
        double[] p5 = {1000, 1100, 950, 1020, 990};
        double[] t5 = {1030, 1000, 1040, 1000, 1060};
        assertEquals(ComparisonOutcome.Stop.MAXIMUM, row(SEQUENTIAL, p5, t5).test().look().stop());
    }

    @Test
    void theLooksSpendAlphaAsThePocockTypeFunctionSays() {
        GroupSequential design = GroupSequential.of(LOOKS);
        assertEquals(Math.log(1 + (Math.E - 1) * 0.6), design.spent(0), 1e-12);
        assertEquals(1, design.spent(2), 1e-12);
        double[] levels = design.levels(ALPHA);
        assertEquals(1 - ALPHA * design.spent(0), levels[0], 1e-12, "the first look is a t interval at the alpha it spends");
        for (double level : levels) {
            assertTrue(level > 1 - ALPHA && level < 1, "every look is stricter than a single look: " + level);
        }
    }
}
