package dev.unitsbench.reports.output;

import dev.unitsbench.reports.stats.AnalyzedResult;
import dev.unitsbench.reports.testing.JmhResults;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static dev.unitsbench.reports.testing.JmhResults.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FamilyTest {

    private static final String SLEEP = "dev.unitsbench.io.SleepBenchmark.sleepAll";
    private static final String CPU = "dev.unitsbench.cpu.CpuBoundBenchmark.computeAll";
    private static final String SPAWN = "dev.unitsbench.spawn.SpawnBenchmark.spawn";

    @Test
    void familiesInTheOrderFirstMetWithTheirResultsInFileOrder() {
        List<AnalyzedResult> results = new JmhResults()
                .singleShot(SLEEP, params("model", "PROCESS"), 10, 11)
                .singleShot(CPU, params("model", "PROCESS"), 20, 21)
                .singleShot(SLEEP, params("model", "VIRTUAL_THREAD"), 30, 31)
                .analyzed();
        List<Family> families = Family.group(results, List.of());
        assertEquals(List.of("io", "cpu"), families.stream().map(Family::name).toList());
        assertEquals(List.of(results.get(0), results.get(2)), families.get(0).results());
        assertEquals(List.of(results.get(1)), families.get(1).results());
    }

    @Test
    void aFamilyOnlyALaterRunMeasuredComesLastWithNoResultsOfTheMainRun() {
        List<AnalyzedResult> main = new JmhResults().singleShot(CPU, params("model", "PROCESS"), 20, 21).analyzed();
        List<AnalyzedResult> later = new JmhResults()
                .singleShot(SPAWN, params("model", "PROCESS"), 5, 6)
                .singleShot(CPU, params("model", "PROCESS"), 20, 21)
                .analyzed();
        List<ComparedRun> runs = List.of(new ComparedRun("a", Path.of("a.json"), main, List.of()),
                new ComparedRun("b", Path.of("b.json"), later, List.of()));
        List<Family> families = Family.group(main, runs);
        assertEquals(List.of("cpu", "spawn"), families.stream().map(Family::name).toList());
        assertEquals(main, families.get(0).results());
        assertTrue(families.get(1).results().isEmpty());
    }

    @Test
    void anchorIsFitForAnHtmlId() {
        assertEquals("family-io", new Family("io", List.of()).anchor());
        assertEquals("family-net-nio", new Family("net nio", List.of()).anchor());
    }
}
