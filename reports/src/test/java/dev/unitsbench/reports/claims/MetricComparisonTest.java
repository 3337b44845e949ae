package dev.unitsbench.reports.claims;

import dev.unitsbench.reports.error.UserError;
import dev.unitsbench.reports.read.BenchmarkMode;
import dev.unitsbench.reports.read.BenchmarkResult;
import dev.unitsbench.reports.read.Metric;
import dev.unitsbench.reports.read.Samples;
import dev.unitsbench.reports.stats.AnalyzedResult;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Verdicts on JMH secondary metrics (the catalog's Q1 memory comparisons, Q6 and Q7 checks). */
class MetricComparisonTest {

    private static final BenchmarkResult.Harness WARM = ClaimEvaluatorTest.WARM;

    private static final String FP = "dev.unitsbench.footprint.FootprintBenchmark.";
    private static final String TB = "dev.unitsbench.sync.TicketBookingBenchmark.";
    private static final String SS = "dev.unitsbench.sync.SharedStateBenchmark.";

    /** A result whose secondary metric {@code name} has these per-iteration values and, as JMH writes for an event counter, their sum as score. */
    static AnalyzedResult withSecondary(String benchmark, Map<String, String> params, String name, double... perIteration) {
        double sum = 0;
        for (double v : perIteration) {
            sum += v;
        }
        Map<String, Metric> secondary = new LinkedHashMap<>();
        secondary.put(name, new Metric(sum, Double.NaN, "#", Samples.ofReplicates(perIteration)));
        BenchmarkResult r = new BenchmarkResult(benchmark, BenchmarkMode.SINGLE_SHOT_TIME, new TreeMap<>(params),
                new Metric(5, 0, "ms/op", Samples.ofReplicates(5, 5.1, 4.9)), secondary, 3, 1,
                new BenchmarkResult.JvmInfo("1.37", "25", "vm", "25", null, List.of()),
                WARM);
        return AnalyzedResult.analyze(List.of(r), 0.95).get(0);
    }

    private static Claim claim(String id) {
        return ClaimCatalog.builtIn().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    private static List<ComparisonOutcome> withLabel(ClaimOutcome outcome, String start) {
        return outcome.comparisons().stream().filter(c -> c.label().startsWith(start)).toList();
    }

    @Test
    void q1MemoryIsComparedOnPerIterationBytesNotOnJmhsSum() {
        // Three process iterations and five thread iterations: JMH's sums (120e6 and 50e3) would give 2400x;
        // the per-iteration means (40e6 and 10e3) give 4000x, which is what one unit costs.
        List<AnalyzedResult> results = List.of(
                withSecondary(FP + "processes", Map.of("model", "PROCESS", "units", "8"), "proportionalBytesPerUnit", 40e6, 41e6, 39e6),
                withSecondary(FP + "platformThreads", Map.of("model", "PLATFORM_THREAD", "units", "2000"), "proportionalBytesPerUnit",
                        10e3, 11e3, 9e3, 10.5e3, 9.5e3),
                withSecondary(FP + "virtualThreads", Map.of("model", "VIRTUAL_THREAD", "units", "100000"), "heapBytesPerUnit",
                        500, 520, 480));
        ClaimOutcome outcome = new ClaimEvaluator(0.05).evaluate(claim("Q1"), results);
        ComparisonOutcome processVsThread = withLabel(outcome, "Memory per unit, Pss: platform thread").get(0);
        assertEquals(Verdict.HOLDS, processVsThread.verdict());
        assertEquals(4000, processVsThread.speedup().ratio(), 4000 * 0.005, "the ratio of the fork means' geometric means");
        assertEquals("proportionalBytesPerUnit", processVsThread.metric());
        assertEquals(40e6, processVsThread.slower().estimate().mean(), 1e-3, "the side shows the metric's per-iteration mean");
        ComparisonOutcome virtualVsPlatform = withLabel(outcome, "Memory per unit: virtual thread").get(0);
        assertEquals(Verdict.HOLDS, virtualVsPlatform.verdict());
        assertEquals(20, virtualVsPlatform.speedup().ratio(), 20 * 0.005);
        assertEquals("heapBytesPerUnit vs proportionalBytesPerUnit", virtualVsPlatform.metric());
    }

    @Test
    void q1MemoryVerdictFlipsWhenTheBytesFlip() {
        List<AnalyzedResult> results = List.of(
                withSecondary(FP + "processes", Map.of("model", "PROCESS", "units", "8"), "proportionalBytesPerUnit", 10e3, 11e3, 9e3),
                withSecondary(FP + "platformThreads", Map.of("model", "PLATFORM_THREAD", "units", "2000"), "proportionalBytesPerUnit",
                        40e6, 41e6, 39e6));
        ComparisonOutcome c = withLabel(new ClaimEvaluator(0.05).evaluate(claim("Q1"), results), "Memory per unit, Pss: platform thread").get(0);
        assertEquals(Verdict.REVERSED, c.verdict());
        assertEquals(1 / 4000.0, c.speedup().ratio(), 0.005 / 4000);
    }

    @Test
    void aMissingSecondaryMetricIsNotMeasuredAndSaysWhich() {
        List<AnalyzedResult> results = List.of(
                withSecondary(FP + "processes", Map.of("model", "PROCESS", "units", "8"), "somethingElse", 1, 2),
                withSecondary(FP + "platformThreads", Map.of("model", "PLATFORM_THREAD", "units", "2000"), "proportionalBytesPerUnit", 1, 2));
        ComparisonOutcome c = withLabel(new ClaimEvaluator(0.05).evaluate(claim("Q1"), results), "Memory per unit, Pss: platform thread").get(0);
        assertEquals(Verdict.NOT_MEASURED, c.verdict());
        assertTrue(c.reason().contains("proportionalBytesPerUnit") && c.reason().contains("processes"), c.reason());
    }

    @Test
    void q6ZeroOversoldInEveryIterationHoldsAndOneOversoldIterationBreaksIt() {
        Map<String, String> locked = Map.of("model", "VIRTUAL_THREAD", "guard", "REENTRANT_LOCK");
        ClaimOutcome clean = new ClaimEvaluator(0.05).evaluate(claim("Q6"),
                List.of(withSecondary(TB + "threads", locked, "ticketsOversold", 0, 0, 0)));
        ComparisonOutcome check = withLabel(clean, "With a ReentrantLock").get(0);
        assertEquals(ComparisonOutcome.Kind.CHECK, check.kind());
        assertEquals(Verdict.HOLDS, check.verdict());
        assertEquals("model=VIRTUAL_THREAD", check.pairing());
        assertEquals("expected every iteration == 0; observed 0.000, 0.000, 0.000 # (3 iterations, total 0.000)", check.observed());

        ClaimOutcome dirty = new ClaimEvaluator(0.05).evaluate(claim("Q6"),
                List.of(withSecondary(TB + "threads", locked, "ticketsOversold", 0, 2, 0)));
        ComparisonOutcome broken = withLabel(dirty, "With a ReentrantLock").get(0);
        assertEquals(Verdict.DOES_NOT_HOLD, broken.verdict());
        assertTrue(broken.observed().contains("0.000, 2.000, 0.000"), broken.observed());
        assertEquals(Verdict.REVERSED, dirty.verdict(), "the only measured check decides the claim: a check that does not hold counts as reversed");
    }

    @Test
    void q6WithoutALockOversoldMustBeAboveZeroInEveryModel() {
        Claim q6 = claim("Q6");
        List<AnalyzedResult> oversells = List.of(
                withSecondary(TB + "threads", Map.of("model", "PLATFORM_THREAD", "guard", "NO_LOCK"), "ticketsOversold", 0, 3),
                withSecondary(TB + "processes", Map.of("model", "PROCESS", "guard", "NO_LOCK"), "ticketsOversold", 1, 1));
        List<ComparisonOutcome> checks = withLabel(new ClaimEvaluator(0.05).evaluate(q6, oversells), "Without a lock");
        assertEquals(2, checks.size(), "one check per result picked");
        assertTrue(checks.stream().allMatch(c -> c.verdict() == Verdict.HOLDS));

        List<AnalyzedResult> none = List.of(
                withSecondary(TB + "threads", Map.of("model", "PLATFORM_THREAD", "guard", "NO_LOCK"), "ticketsOversold", 0, 0),
                withSecondary(TB + "processes", Map.of("model", "PROCESS", "guard", "NO_LOCK"), "ticketsOversold", 1, 1));
        List<ComparisonOutcome> flipped = withLabel(new ClaimEvaluator(0.05).evaluate(q6, none), "Without a lock");
        assertEquals(Verdict.DOES_NOT_HOLD, flipped.get(0).verdict());
        assertEquals(Verdict.HOLDS, flipped.get(1).verdict());
    }

    @Test
    void q7LostUpdatesWithoutALockAndNoneWithAtomics() {
        List<AnalyzedResult> results = List.of(
                withSecondary(SS + "threads", Map.of("model", "PLATFORM_THREAD", "store", "UNLOCKED"), "lostCounterUpdates", 120, 0, 35),
                withSecondary(SS + "threads", Map.of("model", "PLATFORM_THREAD", "store", "ATOMIC"), "lostCounterUpdates", 0, 0, 0),
                withSecondary(SS + "manager", Map.of("model", "PROCESS", "store", "MANAGER_ADD"), "lostCounterUpdates", 0, 1));
        ClaimOutcome outcome = new ClaimEvaluator(0.05).evaluate(claim("Q7"), results);
        assertEquals(Verdict.HOLDS, withLabel(outcome, "Threads without a lock").get(0).verdict());
        assertEquals(Verdict.HOLDS, withLabel(outcome, "Atomics lose nothing").get(0).verdict());
        ComparisonOutcome managerAdd = withLabel(outcome, "The Manager's atomic ADD").get(0);
        assertEquals(Verdict.DOES_NOT_HOLD, managerAdd.verdict());
        assertEquals(Claim.Role.CONTEXT, managerAdd.role(), "the suite's own correctness is shown, not counted");
        assertEquals(Verdict.HOLDS, outcome.verdict());
    }

    @Test
    void expectationsParseAndTest() {
        assertTrue(Expectation.parse("every == 0", "x").test(new double[]{0, 0}));
        assertTrue(!Expectation.parse("every == 0", "x").test(new double[]{}), "no values prove nothing");
        assertTrue(Expectation.parse("any > 0", "x").test(new double[]{0, 1}));
        assertTrue(!Expectation.parse("any > 0", "x").test(new double[]{0, 0}));
        assertTrue(Expectation.parse("mean <= 1.5", "x").test(new double[]{1, 2}));
        assertTrue(!Expectation.parse("mean < 1.5", "x").test(new double[]{1, 2}));
        assertTrue(Expectation.parse("total >= 3", "x").test(new double[]{1, 2}));
        UserError e = assertThrows(UserError.class, () -> Expectation.parse("all = 0", "catalog: claim X"));
        assertTrue(e.getMessage().contains("every == 0"), e.getMessage());
    }

    @Test
    void catalogRejectsACheckWithoutExpectation() throws Exception {
        var root = new com.fasterxml.jackson.databind.ObjectMapper().readTree("""
                {"claims":[{"id":"X","title":"t","sentence":"s","comparisons":[
                  {"kind":"check","label":"l","benchmarks":["a.B.c"],"params":{},"metric":"m"}]}]}""");
        UserError e = assertThrows(UserError.class, () -> ClaimCatalog.parse(root, "catalog"));
        assertTrue(e.getMessage().contains("\"expect\""), e.getMessage());
    }

    static Map<String, String> params(String... kv) {
        Map<String, String> m = new TreeMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }
}
