package dev.unitsbench.reports.claims;

import dev.unitsbench.reports.charts.ChartImage;
import dev.unitsbench.reports.stats.AnalyzedResult;
import dev.unitsbench.reports.testing.JmhResults;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static dev.unitsbench.reports.testing.JmhResults.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** T1's break-even on synthetic sweeps whose crossing is known. */
class BreakEvenTest {

    private static final String SWEEP = "dev.unitsbench.cpu.CpuBoundBenchmark.workSweep";
    private static final BreakEven.Spec SPEC = new BreakEven.Spec(
            new Selector(List.of(SWEEP), new TreeMap<>(Map.of("gil", "true", "workers", "4"))), "iterations",
            Map.of("model", "PROCESS"), Map.of("model", "PLATFORM_THREAD"), "processes", "threads");

    /** Processes take 100 ms at every size (three forks); threads take {@code threads[i]} at size 10^(7+i). */
    private static List<AnalyzedResult> sweep(double[]... threads) {
        JmhResults file = new JmhResults();
        for (int i = 0; i < threads.length; i++) {
            String size = String.valueOf((long) Math.pow(10, 7 + i));
            file.singleShot(SWEEP, params("model", "PROCESS", "workers", "4", "gil", "true", "iterations", size), 99, 100, 101);
            file.singleShot(SWEEP, params("model", "PLATFORM_THREAD", "workers", "4", "gil", "true", "iterations", size), threads[i]);
        }
        // Another GIL setting must not be picked up.
        file.singleShot(SWEEP, params("model", "PLATFORM_THREAD", "workers", "4", "gil", "false", "iterations", "10000000"), 1, 1, 1);
        return file.analyzed();
    }

    @Test
    void crossingIsInterpolatedOnTheLogRatioAgainstLogX() {
        // Ratios threads/processes 0.5, 0.8, 2.0: the log ratio crosses 0 between 10^8 and 10^9, at
        // log x = 8 + ln(1/0.8) / (ln 2 - ln 0.8), with an interval inside that stretch (both sizes are tight).
        BreakEven b = BreakEven.of(SPEC, sweep(new double[]{49.5, 50, 50.5}, new double[]{79, 80, 81}, new double[]{198, 200, 202}), 0.95, RunDesign.UNKNOWN);
        assertEquals(BreakEven.Kind.CROSSES, b.kind());
        assertEquals(3, b.points().size());
        assertEquals(0.5, b.points().get(0).ratio().ratio(), 1e-9);
        double u = 8 + Math.log(1 / 0.8) / (Math.log(2) - Math.log(0.8));
        assertEquals(Math.pow(10, u), b.crossing(), 1e-2 * b.crossing());
        assertTrue(b.low() > 1e8 && b.low() < b.crossing() && b.crossing() < b.high() && b.high() < 1e9, b.low() + " " + b.high());
        assertTrue(b.text().contains("about iterations = 1.8e8 ["), b.text());
        assertTrue(b.text().contains("threads win below it, processes above it"), b.text());
    }

    /**
     * Sweeps whose outcome is known, as threads' times per size (10^7, 10^8, ...) against the
     * processes' 100 ms: the kind, and the sentence the report prints for it.
     */
    static Stream<Arguments> sweepsWithAKnownOutcome() {
        return Stream.of(
                arguments(new double[][]{{198, 200, 202}, {49.5, 50, 50.5}}, BreakEven.Kind.CROSSES,
                        "processes win below it, threads above it"),
                arguments(new double[][]{{149, 150, 151}, {199, 200, 201}, {299, 300, 301}}, BreakEven.Kind.FASTER_EVERYWHERE,
                        "processes win at every size measured (iterations 10000000 to 1000000000)"),
                arguments(new double[][]{{49, 50, 51}, {59, 60, 61}}, BreakEven.Kind.SLOWER_EVERYWHERE,
                        "threads win at every size measured"));
    }

    @ParameterizedTest(name = "{1}: {2}")
    @MethodSource("sweepsWithAKnownOutcome")
    void theKindAndItsSentenceFollowWhichSideWinsWhere(double[][] threads, BreakEven.Kind kind, String sentence) {
        BreakEven b = BreakEven.of(SPEC, sweep(threads), 0.95, RunDesign.UNKNOWN);
        assertEquals(kind, b.kind());
        assertTrue(b.text().contains(sentence), b.text());
        assertEquals(kind != BreakEven.Kind.CROSSES, Double.isNaN(b.crossing()), "a crossing exactly when the sides cross");
    }

    @Test
    void aSizeMeasuredNearTheCrossingWidensTheIntervalInsteadOfBreakingIt() {
        // At 10^8 the ratio is about 0.9 with a wide interval that includes 1; at 10^7 and 10^9 it is clearly 0.5 and 2.
        BreakEven b = BreakEven.of(SPEC, sweep(new double[]{49.5, 50, 50.5}, new double[]{55, 95, 135}, new double[]{198, 200, 202}),
                0.95, RunDesign.UNKNOWN);
        assertEquals(BreakEven.Kind.CROSSES, b.kind());
        assertTrue(b.crossing() > 1e8 && b.crossing() < 1e9, String.valueOf(b.crossing()));
        assertTrue(b.low() < 1e8 && b.low() > 1e7, "the interval reaches below the size whose own interval includes 1: " + b.low());
    }

    @Test
    void oneForkPerSideIsUndeterminedWhateverTheMeansSay() {
        JmhResults file = new JmhResults();
        for (String size : List.of("10000000", "1000000000")) {
            file.singleShot(SWEEP, params("model", "PROCESS", "workers", "4", "gil", "true", "iterations", size), 100);
            file.singleShot(SWEEP, params("model", "PLATFORM_THREAD", "workers", "4", "gil", "true", "iterations", size),
                    size.equals("10000000") ? 50 : 200);
        }
        BreakEven b = BreakEven.of(SPEC, file.analyzed(), 0.95, RunDesign.UNKNOWN);
        assertEquals(BreakEven.Kind.UNDETERMINED, b.kind());
        assertTrue(b.text().contains("no verdict can be drawn"), b.text());
    }

    @Test
    void aParamTheCatalogLeavesFreeMakesItUndeterminedInsteadOfPickingOneResult() {
        JmhResults file = new JmhResults();
        for (String workers : List.of("4", "8")) {
            file.singleShot(SWEEP, params("model", "PROCESS", "gil", "true", "workers", workers, "iterations", "10000000"), 99, 100, 101);
        }
        BreakEven.Spec loose = new BreakEven.Spec(new Selector(List.of(SWEEP), Map.of("gil", "true")), "iterations",
                Map.of("model", "PROCESS"), Map.of("model", "PLATFORM_THREAD"), "processes", "threads");
        BreakEven b = BreakEven.of(loose, file.analyzed(), 0.95, RunDesign.UNKNOWN);
        assertEquals(BreakEven.Kind.UNDETERMINED, b.kind());
        assertTrue(b.text().contains("must fix every other param"), b.text());
    }

    @Test
    void fewerThanTwoSizesIsNotMeasured() {
        BreakEven b = BreakEven.of(SPEC, sweep(new double[]{49.5, 50, 50.5}), 0.95, RunDesign.UNKNOWN);
        assertEquals(BreakEven.Kind.NOT_MEASURED, b.kind());
    }

    @Test
    void theBuiltInCatalogGivesT1ABreakEvenOnTheWorkSweepAndTheEvaluatorReportsIt() {
        Claim t1 = ClaimCatalog.builtIn().stream().filter(c -> c.id().equals("T1")).findFirst().orElseThrow();
        assertNotNull(t1.breakEven());
        assertEquals("iterations", t1.breakEven().x());
        assertEquals(List.of(SWEEP), t1.breakEven().common().benchmarks());
        ClaimOutcome outcome = new ClaimEvaluator(0.05).evaluate(t1,
                sweep(new double[]{49.5, 50, 50.5}, new double[]{79, 80, 81}, new double[]{198, 200, 202}));
        assertEquals(BreakEven.Kind.CROSSES, outcome.breakEven().kind());
        List<ChartImage> charts = dev.unitsbench.reports.charts.ReportCharts.forClaim(outcome);
        ChartImage chart = charts.stream().filter(c -> c.id().contains("break-even")).findFirst().orElseThrow();
        assertTrue(chart.svg().startsWith("<svg") || chart.svg().contains("<svg"), "an SVG chart");
        assertTrue(chart.caption().contains("Break-even at about iterations = 1.8e8"), chart.caption());
    }

    @Test
    void largeValuesReadAsPowersOfTen() {
        assertEquals("3.2e8", BreakEven.approximately(3.16e8));
        assertEquals("1.0e9", BreakEven.approximately(9.99e8));
        assertEquals("15,000", BreakEven.approximately(15000));
    }
}
