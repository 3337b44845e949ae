package dev.unitsbench.reports;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.unitsbench.reports.SyntheticResults.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

    @Test
    void theMetricsClaimsUseReachTheDashboardsInTheFileOfTheirDirection() throws IOException {
        Path catalog = dir.resolve("catalog.json");
        Files.writeString(catalog, """
                {"claims": [{"id": "X1", "title": "t", "sentence": "s", "comparisons": [
                  {"label": "requests", "benchmarks": ["a.Echo.rounds"], "better": "higher",
                   "faster": {"params": {"style": "NIO"}, "metric": "requestsPerSecond"}, "slower": {"params": {"style": "POOL"}, "metric": "requestsPerSecond"}},
                  {"kind": "check", "label": "NIO fails none", "benchmarks": ["a.Echo.rounds"], "params": {"style": "NIO"},
                   "metric": "failedConnections", "expect": "every == 0"}]}]}
                """);
        String echo = "a.Echo.rounds";
        Path file = dir.resolve("echo.json");
        new SyntheticResults()
                .add(echo, "thrpt", "ops/s", params("style", "NIO"), 900, 910, 905)
                .secondary("requestsPerSecond", "req/s", 1800, 1820, 1810)
                .secondary("failedConnections", "#", 0, 0, 0)
                .secondary("unusedCounter", "#", 1, 2, 3)
                .add(echo, "thrpt", "ops/s", params("style", "POOL"), 500, 510, 505)
                .secondary("requestsPerSecond", "req/s", 1000, 1020, 1010)
                .secondary("failedConnections", "#", 12, 11, 13)
                .secondary("unusedCounter", "#", 1, 2, 3)
                .writeTo(file);
        Path out = dir.resolve("report");
        ReportRun run = ReportRun.of(file.toString(), "--out", out.toString(), "--no-probe", "--catalog", catalog.toString());
        assertEquals(0, run.exitCode(), run.err());
        String bigger = Files.readString(out.resolve("github-action-benchmark-bigger-is-better.json"));
        String smaller = Files.readString(out.resolve("github-action-benchmark-smaller-is-better.json"));
        assertTrue(bigger.contains("\"a.Echo.rounds(style=NIO) [thrpt] requestsPerSecond\""), bigger);
        assertTrue(bigger.contains("\"a.Echo.rounds(style=POOL) [thrpt] requestsPerSecond\""), "both sides of the comparison: " + bigger);
        assertFalse((bigger + smaller).contains("failedConnections"), "a check's counter is not a regression metric: " + smaller);
        assertFalse(smaller.contains("requestsPerSecond"), "each metric in the file of its direction");
        assertFalse((bigger + smaller).contains("unusedCounter"), "a metric no claim uses stays out");

        com.fasterxml.jackson.databind.JsonNode bencher = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(out.resolve("bencher-metrics.json").toFile());
        com.fasterxml.jackson.databind.JsonNode nio = bencher.get("a.Echo.rounds(style=NIO) [thrpt]");
        assertEquals(1810, nio.get("requests-per-second").get("value").asDouble(), 1e-9, "mean of the per-iteration values");
        assertTrue(nio.get("requests-per-second").has("lower_value"), "with its interval");
        assertFalse(nio.has("failed-connections"), "a check's counter is not a Bencher measure either");
        assertTrue(nio.has("throughput"), "beside the primary score's measure");
        assertFalse(nio.has("unused-counter"));
    }
}
