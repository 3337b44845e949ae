package dev.unitsbench.reports.claims;

import dev.unitsbench.reports.read.BenchmarkMode;
import dev.unitsbench.reports.read.BenchmarkResult;
import dev.unitsbench.reports.read.Metric;
import dev.unitsbench.reports.read.Samples;
import dev.unitsbench.reports.stats.AnalyzedResult;
import dev.unitsbench.reports.stats.Estimate;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fork as the unit of evidence, Bonferroni within a claim, claimed effect sizes, best-of sides: known answers. */
class EvidenceModelTest {

    private static final String B = "a.Bench.run";
    private static final BenchmarkResult.JvmInfo JVM = new BenchmarkResult.JvmInfo("1.37", "25", "vm", "25", null, List.of());

    private static AnalyzedResult result(BenchmarkMode mode, Map<String, String> params, int warmup, double[]... forks) {
        Samples samples = Samples.ofForks(forks);
        BenchmarkResult r = new BenchmarkResult(B, mode, new TreeMap<>(params), new Metric(0, 0, "ms/op", samples), Map.of(),
                forks.length, 1, JVM, new BenchmarkResult.Harness(forks.length, warmup, "1 s", forks[0].length, "1 s"));
        return AnalyzedResult.analyze(List.of(r), 0.95).get(0);
    }

    private static AnalyzedResult avgt(Map<String, String> params, double... forkMeans) {
        double[][] forks = new double[forkMeans.length][];
        for (int i = 0; i < forks.length; i++) {
            // Five tight iterations around each fork's mean.
            double m = forkMeans[i];
            forks[i] = new double[]{m - 0.002, m - 0.001, m, m + 0.001, m + 0.002};
        }
        return result(BenchmarkMode.AVERAGE_TIME, params, 1, forks);
    }

    private static Claim claim(Claim.ComparisonSpec... specs) {
        return new Claim("X", "t", "s", "e", "f", "", "j", "src", null, null, List.of(specs));
    }

    private static Claim.ComparisonSpec spec(String param, String faster, String slower, ClaimedEffect claimed) {
        return new Claim.ComparisonSpec("cmp", new Selector(List.of(B), Map.of()), new Selector(List.of(), Map.of(param, faster)),
                new Selector(List.of(), Map.of(param, slower)), true, null, claimed);
    }

    @Test
    void forksThatDisagreeWhileIterationsAreTightGiveNoSignificance() {
        // Pooled, 15 iterations a side with a spread of 0.002 would make 100 vs 102 overwhelming;
        // the fork means (100, 110, 90) vs (104, 96, 106) say the sides are not told apart.
        AnalyzedResult a = avgt(Map.of("model", "A"), 100, 110, 90);
        AnalyzedResult b = avgt(Map.of("model", "B"), 104, 96, 106);
        ClaimOutcome outcome = new ClaimEvaluator(0.05).evaluate(claim(spec("model", "A", "B", null)), List.of(a, b));
        assertEquals(Verdict.NO_SIGNIFICANT_DIFFERENCE, outcome.comparisons().get(0).verdict());
        assertEquals(3, a.estimate().n(), "n counts forks");
        assertEquals(15, a.estimate().iterations());
        // Hand computation on the logs of the fork means 100, 110, 90: t(0.975, 2) = 4.302652729749464.
        double[] logs = {Math.log(100), Math.log(110), Math.log(90)};
        double mean = (logs[0] + logs[1] + logs[2]) / 3;
        double sd = Math.sqrt(((logs[0] - mean) * (logs[0] - mean) + (logs[1] - mean) * (logs[1] - mean)
                + (logs[2] - mean) * (logs[2] - mean)) / 2);
        double half = 4.302652729749464 * sd / Math.sqrt(3);
        assertEquals(100, a.estimate().mean(), 1e-6, "the mean of the fork means");
        assertEquals(Math.exp(mean - half), a.estimate().low(), 1e-6);
        assertEquals(Math.exp(mean + half), a.estimate().high(), 1e-6);
    }

    @Test
    void aOneForkResultIsShownButInconclusive() {
        AnalyzedResult a = result(BenchmarkMode.AVERAGE_TIME, Map.of("model", "A"), 1, new double[]{1, 1.01, 0.99});
        AnalyzedResult b = avgt(Map.of("model", "B"), 2, 2.1, 1.9);
        Estimate e = a.estimate();
        assertEquals(1.0, e.mean(), 1e-9);
        assertFalse(e.hasInterval());
        ClaimOutcome outcome = new ClaimEvaluator(0.05).evaluate(claim(spec("model", "A", "B", null)), List.of(a, b));
        ComparisonOutcome row = outcome.comparisons().get(0);
        assertEquals(Verdict.INCONCLUSIVE, row.verdict());
        assertTrue(row.reason().contains("1 fork (needs 3)"), row.reason());
        assertEquals(Verdict.INCONCLUSIVE, outcome.verdict());
    }

    @Test
    void noWarmUpIsIneligibleUnlessSingleShot() {
        AnalyzedResult cold = result(BenchmarkMode.AVERAGE_TIME, Map.of(), 0, new double[]{1}, new double[]{1}, new double[]{1});
        AnalyzedResult coldShot = result(BenchmarkMode.SINGLE_SHOT_TIME, Map.of(), 0, new double[]{1}, new double[]{1}, new double[]{1});
        assertTrue(Eligibility.whyNot(cold.result()).contains("no warm-up"));
        assertTrue(Eligibility.eligible(coldShot.result()));
    }

    @Test
    void aSmokeRunGivesFiguresAndNoVerdicts() {
        AnalyzedResult a = result(BenchmarkMode.AVERAGE_TIME, Map.of("model", "A"), 0, new double[]{1, 1.01});
        AnalyzedResult b = result(BenchmarkMode.AVERAGE_TIME, Map.of("model", "B"), 0, new double[]{2, 2.01});
        ClaimOutcome outcome = new ClaimEvaluator(0.05).evaluate(claim(spec("model", "A", "B", null)), List.of(a, b));
        assertEquals(Verdict.INCONCLUSIVE, outcome.verdict());
        assertTrue(outcome.why().startsWith("smoke run"), outcome.why());
        ComparisonOutcome row = outcome.comparisons().get(0);
        assertEquals(Verdict.INCONCLUSIVE, row.verdict());
        assertNotNull(row.speedup(), "the figures are still there");
        assertEquals(2.0, row.speedup().ratio(), 0.02);
    }

    @Test
    void aRatioAboveTheClaimedRangeSaysSo() {
        ClaimedEffect tenToHundred = new ClaimedEffect(10, 100, "10-100x");
        ClaimOutcome outcome = new ClaimEvaluator(0.05).evaluate(claim(spec("model", "THREAD", "PROCESS", tenToHundred)),
                List.of(avgt(Map.of("model", "THREAD"), 0.10, 0.11, 0.09), avgt(Map.of("model", "PROCESS"), 100, 98, 102)));
        ComparisonOutcome row = outcome.comparisons().get(0);
        assertEquals(Verdict.HOLDS, row.verdict(), "the direction holds");
        assertEquals(ClaimedEffect.Position.ABOVE, tenToHundred.place(row.speedup()));
        assertEquals("above the claimed 10-100x", row.effect());
        assertEquals(1000, row.speedup().ratio(), 5, "the ratio of the geometric means of the fork means");

        ClaimedEffect point = new ClaimedEffect(3.3, 3.3, "3.3x");
        assertEquals(ClaimedEffect.Position.INSIDE, point.place(new dev.unitsbench.reports.stats.RatioEstimate(3, 2.9, 3.4, 0.95)));
        assertEquals(ClaimedEffect.Position.BELOW, point.place(new dev.unitsbench.reports.stats.RatioEstimate(1.1, 1.05, 1.15, 0.95)));
        assertEquals(ClaimedEffect.Position.INSIDE, new ClaimedEffect(2, Double.POSITIVE_INFINITY, "at least 2x")
                .place(new dev.unitsbench.reports.stats.RatioEstimate(50, 40, 60, 0.95)));
    }

    @Test
    void bonferroniWidensEachIntervalToOneMinusAlphaOverM() {
        // A 10% effect, 5 forks a side: alone its interval is at 95%; as one of ten evidence rows of a claim, each
        // row's interval is at 1 - 0.05 / 10 and so wider.
        double[] fast = {1000, 1030, 990, 1010, 995};
        double[] slow = {1100, 1130, 1080, 1120, 1110};
        List<AnalyzedResult> one = List.of(replicates(Map.of("model", "A", "size", "1"), fast), replicates(Map.of("model", "B", "size", "1"), slow));
        ClaimOutcome single = new ClaimEvaluator(0.05).evaluate(claim(spec("model", "A", "B", null)), one);
        ComparisonOutcome alone = single.comparisons().get(0);
        assertEquals(Verdict.HOLDS, alone.verdict());
        assertEquals(0.95, alone.test().level(), 1e-12);
        assertEquals(1, alone.test().family());
        List<AnalyzedResult> many = new java.util.ArrayList<>();
        for (String size : new String[]{"1", "2", "3", "4", "5", "6", "7", "8", "9", "10"}) {
            many.add(replicates(Map.of("model", "A", "size", size), fast));
            many.add(replicates(Map.of("model", "B", "size", size), slow));
        }
        ClaimOutcome ten = new ClaimEvaluator(0.05).evaluate(claim(spec("model", "A", "B", null)), many);
        for (ComparisonOutcome row : ten.comparisons()) {
            assertEquals(1 - 0.05 / 10, row.test().level(), 1e-12);
            assertEquals(10, row.test().family());
            assertTrue(row.speedup().low() < alone.speedup().low(), "a wider interval");
        }
    }

    private static AnalyzedResult replicates(Map<String, String> params, double... values) {
        double[][] forks = new double[values.length][];
        for (int i = 0; i < values.length; i++) {
            forks[i] = new double[]{values[i]};
        }
        return result(BenchmarkMode.SINGLE_SHOT_TIME, params, 0, forks);
    }

    @Test
    void holdsPlusReversedIsContradictoryAndHoldsPlusNothingIsPartly() {
        ComparisonOutcome holds = row(Verdict.HOLDS);
        ComparisonOutcome reversed = row(Verdict.REVERSED);
        ComparisonOutcome none = row(Verdict.NO_SIGNIFICANT_DIFFERENCE);
        assertEquals(Verdict.CONTRADICTORY, VerdictRules.forClaim(List.of(holds, reversed, none)).verdict());
        assertEquals(Verdict.PARTLY, VerdictRules.forClaim(List.of(holds, none)).verdict());
        assertEquals(Verdict.PARTLY_REVERSED, VerdictRules.forClaim(List.of(reversed, none)).verdict());
        assertEquals(Verdict.HOLDS, VerdictRules.forClaim(List.of(holds, holds)).verdict());
        assertEquals("1 holds, 1 reversed, 1 no significant difference", VerdictRules.forClaim(List.of(holds, reversed, none)).why());
        ComparisonOutcome unclear = row(Verdict.DIFFERENCE_OF_UNCLEAR_SIZE);
        ComparisonOutcome level = row(Verdict.LEVEL);
        assertEquals(Verdict.DIFFERENCE_OF_UNCLEAR_SIZE, VerdictRules.forClaim(List.of(unclear)).verdict(),
                "an interval that excludes 1 is never called no significant difference, on its row or its claim");
        assertEquals(Verdict.DIFFERENCE_OF_UNCLEAR_SIZE, VerdictRules.forClaim(List.of(unclear, level)).verdict());
        assertEquals(Verdict.NO_SIGNIFICANT_DIFFERENCE, VerdictRules.forClaim(List.of(unclear, none)).verdict(),
                "one undecided row whose interval includes 1 makes it no significant difference");
        assertEquals(Verdict.PARTLY, VerdictRules.forClaim(List.of(holds, unclear)).verdict());
        ComparisonOutcome notEvidence = ComparisonOutcome.finding("f", Verdict.DOES_NOT_HOLD, null, "x", false, null);
        assertEquals(Verdict.HOLDS, VerdictRules.forClaim(List.of(holds, notEvidence)).verdict(), "a finding that is not evidence is not counted");
    }

    private static ComparisonOutcome row(Verdict v) {
        return ComparisonOutcome.finding("r", Verdict.HOLDS, null, "x", true, null).withVerdict(v, null);
    }

    @Test
    void bestOfWithBetterHigherNeedsToBeatEachAlternative() {
        // A secondary metric where higher is better (items per second): X against the best of A and B.
        Claim.ComparisonSpec spec = new Claim.ComparisonSpec("X vs the best of A, B", new Selector(List.of(B), Map.of(), "items"),
                new Selector(List.of(), Map.of("model", "X")), new Selector(List.of(), Map.of("model", "A|B")), false, null, null);
        List<AnalyzedResult> beaten = List.of(items("X", 100, 101, 99), items("A", 50, 51, 49), items("B", 80, 81, 79));
        ComparisonOutcome row = new ClaimEvaluator(0.05).evaluate(claim(spec), beaten).comparisons().get(0);
        assertEquals(Verdict.HOLDS, row.verdict());
        assertEquals("B", row.slower().result().params().get("model"), "the figures are those of the alternative X beats least surely");
        assertEquals(1.25, row.speedup().ratio(), 1e-4, "higher is better: 100 / 80");
        assertTrue(row.note().contains("best of 2"), row.note());

        List<AnalyzedResult> oneBetter = List.of(items("X", 100, 101, 99), items("A", 50, 51, 49), items("B", 150, 151, 149));
        ComparisonOutcome flipped = new ClaimEvaluator(0.05).evaluate(claim(spec), oneBetter).comparisons().get(0);
        assertEquals(Verdict.REVERSED, flipped.verdict());
        assertEquals("B", flipped.slower().result().params().get("model"));
        assertEquals(2, flipped.test().family(), "Bonferroni over k = 2");
        assertEquals(1 - 0.05 / 2, flipped.test().level(), 1e-12);

        // X beats A clearly but B only by noise: X must beat every alternative, so no significant difference.
        List<AnalyzedResult> close = List.of(items("X", 100, 110, 90), items("A", 50, 51, 49), items("B", 98, 108, 88));
        assertEquals(Verdict.NO_SIGNIFICANT_DIFFERENCE, new ClaimEvaluator(0.05).evaluate(claim(spec), close).comparisons().get(0).verdict());
    }

    private static AnalyzedResult items(String model, double... forkValues) {
        double[][] forks = new double[forkValues.length][];
        for (int i = 0; i < forks.length; i++) {
            forks[i] = new double[]{forkValues[i], forkValues[i]};
        }
        Map<String, Metric> secondary = new LinkedHashMap<>();
        secondary.put("items", new Metric(0, Double.NaN, "items/s", Samples.ofForks(forks)));
        Samples primary = Samples.ofForks(forks);
        BenchmarkResult r = new BenchmarkResult(B, BenchmarkMode.AVERAGE_TIME, new TreeMap<>(Map.of("model", model)),
                new Metric(1, 0, "ms/op", primary), secondary, forks.length, 1, JVM,
                new BenchmarkResult.Harness(forks.length, 1, "1 s", 2, "1 s"));
        return AnalyzedResult.analyze(List.of(r), 0.95).get(0);
    }

    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path dir;

    @Test
    void findingsThatAreNotEvidenceAreShownAndNotCounted() throws java.io.IOException {
        // Q9's host-set finding is a correctness check (the catalog says evidence: false); Q11's watchdog
        // finding is about the suite (the finding file says evidence: false, tutorialHolds: null).
        java.nio.file.Files.writeString(dir.resolve("Q9-hosts.json"), "{\"claim\":\"Q9\",\"test\":"
                + "\"dev.unitsbench.pool.EveryModelTest#theLogScanFindsTheSameHostsInEveryModel\",\"statement\":\"same hosts\",\"tutorialHolds\":true}");
        java.nio.file.Files.writeString(dir.resolve("Q11-watchdog.json"), "{\"claim\":\"Q11\",\"test\":\"dev.unitsbench.model.ProcessSemanticsTest"
                + "#anOrphanedChildHaltsWithinOneSecondAfterItsParentIsKilledWithSigkill\",\"statement\":\"halted\",\"tutorialHolds\":null,\"evidence\":false}");
        java.nio.file.Files.writeString(dir.resolve("Q11-file-lock.json"), "{\"claim\":\"Q11\",\"test\":\"dev.unitsbench.model.ProcessSemanticsTest"
                + "#onLinuxTheKernelReleasesTheFileLockOfAChildKilledWithSigkill\",\"statement\":\"released\",\"tutorialHolds\":false,\"evidence\":false}");
        java.nio.file.Files.writeString(dir.resolve("Q11-shared-lock.json"), "{\"claim\":\"Q11\",\"test\":\"dev.unitsbench.model.ProcessSemanticsTest"
                + "#aSharedMemoryLockHeldByAKilledChildStaysTaken\",\"statement\":\"stays taken\",\"tutorialHolds\":true}");
        dev.unitsbench.reports.findings.Findings findings = dev.unitsbench.reports.findings.Findings.read(dir);
        List<Claim> catalog = ClaimCatalog.builtIn();
        Claim q9 = catalog.stream().filter(c -> c.id().equals("Q9")).findFirst().orElseThrow();
        Claim q11 = catalog.stream().filter(c -> c.id().equals("Q11")).findFirst().orElseThrow();
        ClaimOutcome q9Outcome = new ClaimEvaluator(0.05).evaluate(q9, List.of(), List.of(), findings);
        assertEquals(Verdict.NOT_MEASURED, q9Outcome.verdict(), "a correctness check alone is no evidence for the claim");
        assertFalse(q9Outcome.comparisons().stream().filter(c -> c.kind() == ComparisonOutcome.Kind.FINDING).findFirst().orElseThrow().evidence());
        ClaimOutcome q11Outcome = new ClaimEvaluator(0.05).evaluate(q11, List.of(), List.of(), findings);
        assertEquals(Verdict.HOLDS, q11Outcome.verdict(), "the file lock and the watchdog are shown, not counted");
        assertEquals(3, q11Outcome.comparisons().stream().filter(c -> c.kind() == ComparisonOutcome.Kind.FINDING).count());
    }
}
