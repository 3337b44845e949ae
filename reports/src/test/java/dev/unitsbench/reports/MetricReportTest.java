package dev.unitsbench.reports;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.unitsbench.reports.SyntheticResults.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Checks and secondary-metric comparisons as a reader sees them in the page and the summary. */
class MetricReportTest {

    @TempDir
    Path dir;

    @Test
    void checksShowTheObservedValuesAndTheirVerdict() throws IOException {
        String tb = "dev.unitsbench.sync.TicketBookingBenchmark.threads";
        Path file = dir.resolve("tickets.json");
        new SyntheticResults()
                .add(tb, "avgt", "ms/op", params("guard", "REENTRANT_LOCK", "model", "PLATFORM_THREAD"), 60, 61, 59)
                .secondary("ticketsOversold", "#", 0, 0, 0)
                .add(tb, "avgt", "ms/op", params("guard", "NO_LOCK", "model", "PLATFORM_THREAD"), 12, 12.5, 11.5)
                .secondary("ticketsOversold", "#", 4, 0, 7)
                .writeTo(file);
        Path out = dir.resolve("report");
        ReportRun run = ReportRun.of(file.toString(), "--out", out.toString(), "--no-probe");
        assertEquals(0, run.exitCode(), run.err());
        String html = Files.readString(out.resolve("index.html"));
        assertTrue(html.contains("expected every iteration &#x3D;&#x3D; 0; observed 0.000, 0.000, 0.000 # (3 iterations, total 0.000)"), "lock check shown");
        assertTrue(html.contains("expected total over the iterations &gt; 0; observed 4.000, 0.000, 7.000 #"), "no-lock check shown");
        assertTrue(html.contains("metric: ticketsOversold (per iteration)"));
        String md = Files.readString(out.resolve("summary.md"));
        assertTrue(md.contains("observed 4.000, 0.000, 7.000 # (3 iterations, total 11.00), holds"), md);
    }
}
