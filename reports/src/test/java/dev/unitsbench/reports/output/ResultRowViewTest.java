package dev.unitsbench.reports.output;

import dev.unitsbench.reports.stats.AnalyzedResult;
import dev.unitsbench.reports.testing.JmhResults;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.unitsbench.reports.testing.JmhResults.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Result rows, family sections and the grids of several runs. */
class ResultRowViewTest {

    private static final String SLEEP = "dev.unitsbench.io.SleepBenchmark.sleepAll";

    @Test
    void anEligibleResultShowsItsIntervalAndForks() {
        ResultRowView row = ResultRowView.of(new JmhResults().singleShot(SLEEP, params("model", "PROCESS", "workers", "4"), 9, 10, 11).analyzed().get(0));
        assertEquals("SleepBenchmark.sleepAll", row.shortName());
        assertEquals("model=PROCESS, workers=4", row.params());
        assertEquals("10.00", row.mean());
        assertEquals("ms/op", row.unit());
        assertEquals(3, row.n());
        assertTrue(!row.low().equals("n/a") && !row.high().equals("n/a"));
        assertEquals("", row.ineligible());
    }

    @Test
    void aOneForkResultWithoutParamsHasNoIntervalAndSaysWhyItCarriesNoVerdict() {
        ResultRowView row = ResultRowView.of(new JmhResults().singleShot(SLEEP, Map.of(), 10).analyzed().get(0));
        assertEquals("none", row.params());
        assertEquals("n/a", row.low());
        assertEquals("1 fork (needs 3)", row.ineligible());
    }

    @Test
    void aFamilyCountsItsResultsOrWithSeveralRunsItsGridRows() {
        List<AnalyzedResult> a = new JmhResults().singleShot(SLEEP, params("model", "PROCESS"), 1, 2, 3).analyzed();
        List<AnalyzedResult> b = new JmhResults().singleShot(SLEEP, params("model", "PROCESS"), 1, 2, 3)
                .singleShot(SLEEP, params("model", "VIRTUAL_THREAD"), 1, 2, 3).analyzed();
        Family io = new Family("io", a);
        FamilyView one = FamilyView.of(io, List.of(), List.of());
        assertEquals("family-io", one.anchor());
        assertEquals(1, one.count());
        assertEquals("SleepBenchmark.sleepAll", one.benchmarks());
        assertTrue(one.runRows().isEmpty());
        List<ComparedRun> runs = List.of(new ComparedRun("A", Path.of("a.json"), a, List.of()), new ComparedRun("B", Path.of("b.json"), b, List.of()));
        FamilyView several = FamilyView.of(io, List.of(), runs);
        assertEquals(2, several.count(), "a result only the later run has still gets its row");
        RunRowView virtual = several.runRows().get(1);
        assertEquals("model=VIRTUAL_THREAD", virtual.params());
        assertEquals("not in this run", virtual.cells().get(0).mean());
        assertEquals("2.000 ms/op", virtual.cells().get(1).mean());
    }
}
