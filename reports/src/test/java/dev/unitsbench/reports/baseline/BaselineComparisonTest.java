package dev.unitsbench.reports.baseline;

import dev.unitsbench.reports.stats.AnalyzedResult;
import dev.unitsbench.reports.testing.JmhResults;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.unitsbench.reports.testing.JmhResults.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Benchmark by benchmark against an older file; worse means slower, whatever the mode. */
class BaselineComparisonTest {

    private static final String SLEEP = "dev.unitsbench.io.SleepBenchmark.sleepAll";
    private static final String RATE = "dev.unitsbench.cpu.CpuBoundBenchmark.opsRate";
    private static final double ALPHA = 0.05;

    private static List<AnalyzedResult> time(double... raw) {
        return new JmhResults().singleShot(SLEEP, params("model", "PROCESS"), raw).analyzed();
    }

    private static List<AnalyzedResult> throughput(double... raw) {
        return new JmhResults().add(RATE, "thrpt", "ops/ms", params("model", "PROCESS"), raw).analyzed();
    }

    private static BaselineComparison.Row only(BaselineComparison.Result result) {
        assertEquals(1, result.rows().size());
        return result.rows().get(0);
    }

    @Test
    void aLongerTimeIsARegression() {
        BaselineComparison.Result result = BaselineComparison.compare(time(110, 111, 109, 110, 110), time(100, 101, 99, 100, 100), ALPHA);
        BaselineComparison.Row row = only(result);
        assertEquals(10, row.slowdownPercent(), 0.01);
        assertEquals(1.1, row.change().ratio(), 1e-4);
        assertTrue(row.significant());
        assertTrue(row.regression());
        assertFalse(row.improvement());
        assertEquals(List.of(row), result.regressionsBeyond(5));
        assertTrue(result.regressionsBeyond(15).isEmpty(), "within the limit");
    }

    @Test
    void aLowerThroughputIsARegressionToo() {
        BaselineComparison.Row row = only(BaselineComparison.compare(throughput(90, 91, 89, 90, 90), throughput(100, 101, 99, 100, 100), ALPHA));
        assertEquals(10, row.slowdownPercent(), 0.01);
        assertTrue(row.regression());
    }

    @Test
    void aShorterTimeIsAnImprovement() {
        BaselineComparison.Result result = BaselineComparison.compare(time(90, 91, 89, 90, 90), time(100, 101, 99, 100, 100), ALPHA);
        BaselineComparison.Row row = only(result);
        assertEquals(-10, row.slowdownPercent(), 0.01);
        assertTrue(row.improvement());
        assertFalse(row.regression());
        assertTrue(result.regressionsBeyond(0).isEmpty());
    }

    @Test
    void aChangeWithinTheNoiseIsNeither() {
        BaselineComparison.Row row = only(BaselineComparison.compare(time(101, 80, 125, 95, 110), time(100, 120, 85, 105, 90), ALPHA));
        assertFalse(row.significant());
        assertFalse(row.regression());
        assertFalse(row.improvement());
    }

    @Test
    void benchmarksInOnlyOneFileAreNamedNotCompared() {
        List<AnalyzedResult> current = new JmhResults()
                .singleShot(SLEEP, params("model", "PROCESS"), 1, 2, 3)
                .singleShot(SLEEP, params("model", "VIRTUAL_THREAD"), 1, 2, 3)
                .analyzed();
        List<AnalyzedResult> baseline = new JmhResults()
                .singleShot(SLEEP, params("model", "PROCESS"), 1, 2, 3)
                .singleShot(SLEEP, params("model", "PLATFORM_THREAD"), 1, 2, 3)
                .analyzed();
        BaselineComparison.Result result = BaselineComparison.compare(current, baseline, ALPHA);
        assertEquals(current.get(0).result().id(), only(result).current().result().id());
        assertEquals(List.of(current.get(1).result().id()), result.onlyInCurrent());
        assertEquals(List.of(baseline.get(1).result().id()), result.onlyInBaseline());
    }
}
