package dev.unitsbench.reports.output;

import dev.unitsbench.reports.claims.Claim;
import dev.unitsbench.reports.claims.ClaimEvaluator;
import dev.unitsbench.reports.claims.ClaimOutcome;
import dev.unitsbench.reports.claims.Selector;
import dev.unitsbench.reports.testing.JmhResults;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.unitsbench.reports.testing.JmhResults.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a comparison's row shows for each verdict, and the claim view around it. */
class ComparisonViewTest {

    static final String CPU = "dev.unitsbench.cpu.CpuBoundBenchmark.computeAll";
    static final Claim CLAIM = new Claim("X", "title", "sentence", "experiment", "figures", "", "jvm", "src", null, null,
            List.of(new Claim.ComparisonSpec("processes vs threads", new Selector(List.of(CPU), Map.of()),
                    new Selector(List.of(), Map.of("model", "PROCESS")), new Selector(List.of(), Map.of("model", "PLATFORM_THREAD")))));

    static ClaimOutcome outcome(double[] processes, double[] threads) {
        JmhResults file = new JmhResults();
        if (processes.length > 0) {
            file.singleShot(CPU, params("model", "PROCESS"), processes);
        }
        if (threads.length > 0) {
            file.singleShot(CPU, params("model", "PLATFORM_THREAD"), threads);
        }
        return new ClaimEvaluator(0.05).evaluate(CLAIM, file.analyzed());
    }

    @Test
    void aComparisonThatHoldsShowsBothSidesTheSpeedUpAndItsTest() {
        ComparisonView row = ComparisonView.of(outcome(new double[]{99, 100, 101}, new double[]{198, 200, 202}).comparisons().get(0));
        assertEquals("holds", row.verdict());
        assertEquals("holds", row.verdictCss());
        assertTrue(row.measured());
        assertFalse(row.isCheck());
        assertEquals("CpuBoundBenchmark.computeAll", row.faster().name());
        assertEquals("(model=PROCESS)", row.faster().params());
        assertEquals("100.0 ms/op", row.faster().mean());
        assertTrue(row.faster().interval().startsWith("95% CI"), row.faster().interval());
        assertEquals("200.0 ms/op", row.slower().mean());
        assertEquals("2.000x", row.speedup());
        assertTrue(row.speedupInterval().contains(" – "), row.speedupInterval());
        assertFalse(row.pValue().isEmpty());
        assertFalse(row.level().isEmpty(), "the level of the interval is shown");
        assertEquals("", row.reason());
        assertEquals("", row.missing());
        assertFalse(row.notEvidence());
    }

    @Test
    void aReversedComparisonShowsASpeedUpBelowOne() {
        ComparisonView row = ComparisonView.of(outcome(new double[]{198, 200, 202}, new double[]{99, 100, 101}).comparisons().get(0));
        assertEquals("reversed", row.verdict());
        assertEquals("0.500x", row.speedup());
        assertEquals("200.0 ms/op", row.faster().mean(), "the claimed-faster side stays on the left, whatever won");
    }

    @Test
    void anInconclusiveComparisonShowsItsFiguresAndWhyTheyCarryNoVerdict() {
        ComparisonView row = ComparisonView.of(outcome(new double[]{99, 100, 101}, new double[]{200}).comparisons().get(0));
        assertEquals("inconclusive", row.verdict());
        assertTrue(row.measured());
        assertEquals("2.000x", row.speedup());
        assertEquals("unbounded (too noisy)", row.speedupInterval());
        assertTrue(row.reason().contains("claimed-slower side has 1 fork (needs 3)"), row.reason());
    }

    @Test
    void aComparisonWithASideMissingShowsWhatWasNotFoundAndNoSides() {
        ComparisonView row = ComparisonView.of(outcome(new double[]{99, 100, 101}, new double[0]).comparisons().get(0));
        assertFalse(row.measured());
        assertFalse(row.missing().isEmpty());
        assertNull(row.faster());
        assertNull(row.slower());
        assertEquals("", row.speedup());
    }

    @Test
    void theClaimViewCarriesItsVerdictComparisonsAndNoSeveralRunParts() {
        ClaimView claim = ClaimView.of(outcome(new double[]{99, 100, 101}, new double[]{198, 200, 202}), List.of(), null, List.of(), null);
        assertEquals("X", claim.id());
        assertEquals("holds", claim.verdict());
        assertTrue(claim.measured());
        assertTrue(claim.hasComparisons());
        assertEquals(1, claim.comparisons().size());
        assertFalse(claim.hasRuns());
        assertTrue(claim.runs().isEmpty());
        assertNull(claim.breakEven());
        assertEquals("", claim.cpythonName());
        assertEquals("", claim.pythonSkipped());
    }
}
