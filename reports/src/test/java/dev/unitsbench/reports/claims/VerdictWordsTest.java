package dev.unitsbench.reports.claims;

import dev.unitsbench.reports.read.BenchmarkMode;
import dev.unitsbench.reports.read.BenchmarkResult;
import dev.unitsbench.reports.read.Metric;
import dev.unitsbench.reports.read.Samples;
import dev.unitsbench.reports.stats.AnalyzedResult;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A row's word agrees with the interval it shows; level within the margin; roles decide what counts. */
class VerdictWordsTest {

    private static final BenchmarkResult.Harness WARM = new BenchmarkResult.Harness(3, 1, "1 s", 1, "1 s");
    private static final BenchmarkResult.JvmInfo JVM = new BenchmarkResult.JvmInfo("1.37", "25", "vm", "25", null, List.of());

    private static AnalyzedResult shot(String benchmark, Map<String, String> params, double... forkMeans) {
        BenchmarkResult r = new BenchmarkResult(benchmark, BenchmarkMode.SINGLE_SHOT_TIME, new TreeMap<>(params),
                new Metric(0, 0, "ms/op", Samples.ofReplicates(forkMeans)), Map.of(), forkMeans.length, 1, JVM, WARM);
        return AnalyzedResult.analyze(List.of(r), 0.95).get(0);
    }

    private static Claim claim(String id) {
        return ClaimCatalog.builtIn().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    private static final String CPU = "dev.unitsbench.cpu.CpuBoundBenchmark.computeAll";

    private static AnalyzedResult cpu(String model, double... forkMeans) {
        return shot(CPU, Map.of("model", model, "workers", "4", "gil", "true", "iterations", "100000000"), forkMeans);
    }

    @Test
    void aTightThreePercentEffectIsLevelNeverHoldsOrReversed() {
        // Paired by round: the rounds drift together, the ratio stays at 1.03.
        ClaimOutcome outcome = new ClaimEvaluator(0.05, new RunDesign(true, 2)).evaluate(claim("T1"),
                List.of(cpu("PROCESS", 1000, 1100, 950), cpu("PLATFORM_THREAD", 1030, 1133, 978.5)));
        ComparisonOutcome gil = outcome.comparisons().get(1);
        assertEquals(Verdict.LEVEL, gil.verdict());
        assertEquals(1.03, gil.speedup().ratio(), 1e-3);
        assertTrue(gil.speedup().low() > 1, "a significant difference, inside the margin: " + gil.speedup());
        assertEquals(Verdict.LEVEL, outcome.verdict());
        // The same ratio measured without pairing is too wide to call: no significant difference, not level.
        ComparisonOutcome unpaired = new ClaimEvaluator(0.05).evaluate(claim("T1"),
                List.of(cpu("PROCESS", 1000, 1100, 950), cpu("PLATFORM_THREAD", 1030, 1133, 978.5))).comparisons().get(1);
        assertEquals(Verdict.NO_SIGNIFICANT_DIFFERENCE, unpaired.verdict());
    }

    @Test
    void t3IsDecidedByTheOsProcessAgainstAThreadNotByTheSuitesEngineeringRows() {
        String units = "dev.unitsbench.spawn.SpawnBenchmark.startUnits";
        String child = "dev.unitsbench.spawn.SpawnBenchmark.startAndJoin";
        String parts = "dev.unitsbench.spawn.SpawnBenchmark.startProcess";
        List<AnalyzedResult> results = new ArrayList<>();
        for (String pattern : List.of("ONE_AT_A_TIME", "BATCH_OF_100")) {
            results.add(shot(units, Map.of("unit", "NATIVE_PROCESS", "pattern", pattern), 1.30, 1.32, 1.28));
            results.add(shot(units, Map.of("unit", "PLATFORM_THREAD", "pattern", pattern), 0.080, 0.082, 0.079));
            results.add(shot(units, Map.of("unit", "VIRTUAL_THREAD", "pattern", pattern), 0.003, 0.0031, 0.0029));
        }
        results.add(shot(child, Map.of("model", "PROCESS"), 20.5, 20.7, 20.3));
        // The suite's child slower than a bare JVM: an engineering row that would once have made T3 "partly".
        results.add(shot(parts, Map.of("process", "JVM_BARE"), 15, 15.2, 14.9));
        ClaimOutcome outcome = new ClaimEvaluator(0.05, new RunDesign(true, 2)).evaluate(claim("T3"), results);
        List<ComparisonOutcome> evidence = outcome.comparisons().stream().filter(ComparisonOutcome::evidence)
                .filter(ComparisonOutcome::hasFigures).toList();
        assertEquals(2, evidence.size(), "one row per pattern: " + evidence);
        assertTrue(evidence.stream().allMatch(r -> r.verdict() == Verdict.HOLDS));
        assertTrue(evidence.get(0).effect().startsWith("inside the claimed 10-100x"), evidence.get(0).effect());
        assertTrue(outcome.comparisons().stream().anyMatch(r -> r.role() == Claim.Role.CONTEXT && r.hasFigures()),
                "the engineering rows are still shown");
        assertEquals(Verdict.HOLDS, outcome.verdict());
    }

    @Test
    void aFourThousandFoldEffectWithOneNoisySideHolds() {
        String shared = "dev.unitsbench.sync.SharedStateBenchmark.sharedMemory";
        String manager = "dev.unitsbench.sync.SharedStateBenchmark.manager";
        ClaimOutcome outcome = new ClaimEvaluator(0.05, new RunDesign(true, 2)).evaluate(claim("Q7"), List.of(
                shot(shared, Map.of("store", "MAPPED_ATOMIC"), 0.0021, 0.0009, 0.0048),
                shot(manager, Map.of("store", "MANAGER_ADD"), 9.8, 10.1, 9.9)));
        ComparisonOutcome row = outcome.comparisons().stream().filter(r -> r.label().startsWith("Shared memory is fast: time per update"))
                .findFirst().orElseThrow();
        assertEquals(Verdict.HOLDS, row.verdict());
        assertTrue(row.speedup().bounded() && row.speedup().low() > 100, row.speedup().toString());
    }

    /** The invariant the page promises: the word follows from the interval the row shows, whatever the data. */
    @Test
    void everyRowsWordFollowsFromTheIntervalItShows() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 2000; i++) {
            double ratio = Math.exp(random.nextDouble(-0.3, 0.3));
            double noise = random.nextDouble(0.001, 0.2);
            double[] a = new double[3];
            double[] b = new double[3];
            for (int k = 0; k < 3; k++) {
                double drift = Math.exp(0.05 * (random.nextDouble() - 0.5));
                a[k] = 1000 * drift * Math.exp(noise * (random.nextDouble() - 0.5));
                b[k] = 1000 * ratio * drift * Math.exp(noise * (random.nextDouble() - 0.5));
            }
            ComparisonOutcome row = new ClaimEvaluator(0.05, new RunDesign(random.nextBoolean(), 2))
                    .evaluate(claim("T1"), List.of(cpu("PROCESS", a), cpu("PLATFORM_THREAD", b))).comparisons().get(1);
            double low = row.speedup().low();
            double high = row.speedup().high();
            double margin = 1.05;
            Verdict expected = low > margin ? Verdict.HOLDS : high < 1 / margin ? Verdict.REVERSED
                    : low >= 1 / margin && high <= margin ? Verdict.LEVEL
                    : low > 1 || high < 1 ? Verdict.DIFFERENCE_OF_UNCLEAR_SIZE : Verdict.NO_SIGNIFICANT_DIFFERENCE;
            assertEquals(expected, row.verdict(), row.speedup().toString());
            if (low > 1 || high < 1) {
                assertNotEquals(Verdict.NO_SIGNIFICANT_DIFFERENCE, row.verdict(), "an interval excluding 1 is never 'no significant difference'");
            }
            assertTrue(low > 0 && Double.isFinite(high), "a bounded, positive interval");
        }
    }

    @Test
    void aJvmExpectationThatIsACheckGivesItsObservationInTheLesson() {
        String probe = "dev.unitsbench.slicing.TimeSliceBenchmark.probeAmongHogs";
        Map<String, Metric> reached = Map.of("hogLimitReached", new Metric(1, 0, "#", Samples.ofReplicates(1, 1, 1)));
        BenchmarkResult r = new BenchmarkResult(probe, BenchmarkMode.SINGLE_SHOT_TIME,
                new TreeMap<>(Map.of("model", "VIRTUAL_THREAD", "hogsPerCore", "2")),
                new Metric(0, 0, "ms/op", Samples.ofReplicates(1000, 1001, 999)), reached, 3, 1, JVM, WARM);
        ClaimOutcome outcome = new ClaimEvaluator(0.05).evaluate(claim("Q12"), AnalyzedResult.analyze(List.of(r), 0.95));
        assertTrue(outcome.lesson().contains("holds for virtual threads (not time-sliced), as the JVM predicts: expected every iteration == 1"),
                outcome.lesson());
    }

    /** The cross-check runs repeat r of every T1-T3 experiment in round r: two of them are paired by round, as forks are. */
    @Test
    void crossCheckExperimentsThatRanInRoundsArePairedByRound() {
        Map<String, String> common = Map.of("mode", "m", "iterations", "100000000", "workers", "4");
        AnalyzedResult processes = shot("cpython.cpu-processes", withModel(common, "PROCESS"), 4.0, 4.4, 4.8);
        AnalyzedResult threads = shot("cpython.cpu-threads", withModel(common, "PLATFORM_THREAD"), 8.0, 8.8, 9.6);
        ClaimEvaluator evaluator = new ClaimEvaluator(0.05, new RunDesign(true, 2));
        ComparisonOutcome inRounds = cpythonRow(evaluator.evaluate(List.of(claim("T1")), List.of(), List.of(processes, threads),
                java.util.Set.of("cpython.cpu-processes", "cpython.cpu-threads"), dev.unitsbench.reports.findings.Findings.none()));
        assertEquals(dev.unitsbench.reports.stats.Difference.Design.PAIRED, inRounds.test().difference().design());
        assertEquals(Verdict.HOLDS, inRounds.verdict(), "the rounds drift together: 2x exactly in each");
        assertEquals(null, inRounds.test().look(), "the cross-check's rounds are not the run's: no looks");
        ComparisonOutcome apart = cpythonRow(evaluator.evaluate(List.of(claim("T1")), List.of(), List.of(processes, threads),
                dev.unitsbench.reports.findings.Findings.none()));
        assertEquals(dev.unitsbench.reports.stats.Difference.Design.WELCH, apart.test().difference().design());
    }

    private static Map<String, String> withModel(Map<String, String> params, String model) {
        Map<String, String> all = new java.util.HashMap<>(params);
        all.put("model", model);
        return all;
    }

    private static ComparisonOutcome cpythonRow(List<ClaimOutcome> outcomes) {
        return outcomes.get(0).comparisons().stream().filter(r -> r.label().startsWith("CPython (the real GIL), 4 workers"))
                .findFirst().orElseThrow();
    }
}
