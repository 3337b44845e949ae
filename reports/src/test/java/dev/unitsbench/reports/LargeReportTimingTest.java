package dev.unitsbench.reports;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Makes a report from a synthetic 500-result file and prints how long it took. It asserts
 * only that the report is made: speed is measured here, never asserted by a test (the goal,
 * under 5 s, is checked by reading the printed figure).
 */
class LargeReportTimingTest {

    @TempDir
    Path dir;

    @Test
    void reportOn500Results() throws Exception {
        Path file = dir.resolve("many.json");
        SyntheticResults.many(500, 5).writeTo(file);
        Path out = dir.resolve("report");
        ReportRun.of(file.toString(), "--out", dir.resolve("warm-up").toString(), "--no-probe");
        long start = System.nanoTime();
        ReportRun run = ReportRun.of(file.toString(), "--out", out.toString(), "--no-probe");
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(0, run.exitCode(), run.err());
        long charts;
        try (var list = Files.list(out.resolve("charts"))) {
            charts = list.count();
        }
        System.out.printf("500-result report: %d ms (second run in this JVM), %d charts, index.html %d KiB%n",
                millis, charts, Files.size(out.resolve("index.html")) / 1024);
    }
}
