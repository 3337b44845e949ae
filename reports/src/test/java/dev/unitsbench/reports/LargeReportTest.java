package dev.unitsbench.reports;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A report on a synthetic 500-result file renders completely: every chart, the page and the
 * summary. How long it takes is printed by scripts/report-timing.sh, not asserted here: a test
 * checks behaviour, and a shared runner's clock would fail a good build.
 */
class LargeReportTest {

    @TempDir
    Path dir;

    @Test
    void aReportOn500ResultsRenders() throws Exception {
        Path file = SyntheticResults.many(500, 5).writeTo(dir.resolve("many.json"));
        Path out = dir.resolve("report");
        ReportRun run = ReportRun.of(file.toString(), "--out", out.toString(), "--no-probe");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(ReportRun.chartIds(out).size() > 0, "no chart in the report");
        assertTrue(Files.size(out.resolve("index.html")) > 0);
        assertTrue(Files.readString(out.resolve("summary.md")).contains("|"), "the summary has its table");
    }
}
