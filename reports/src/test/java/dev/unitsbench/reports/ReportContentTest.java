package dev.unitsbench.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.unitsbench.reports.SyntheticResults.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportContentTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void namesAndParamsWithScriptTagsAndQuotesComeOutEscaped() throws IOException {
        Path file = dir.resolve("evil.json");
        new SyntheticResults()
                .add("dev.evil.<script>alert(1)</script>Benchmark.run\"x'", "avgt", "us/op",
                        params("model", "<script>alert(2)</script>", "quote", "\"'><img src=x onerror=alert(3)>"), 1, 2, 3)
                .add("dev.evil.<script>alert(1)</script>Benchmark.run\"x'", "avgt", "us/op",
                        params("model", "PLATFORM_THREAD", "quote", "\""), 2, 3, 4)
                .writeTo(file);
        Path out = dir.resolve("report");
        ReportRun run = ReportRun.of(file.toString(), "--out", out.toString(), "--no-probe", "--meta", "machine=<b>box</b>");
        assertEquals(0, run.exitCode(), run.err());
        String html = Files.readString(out.resolve("index.html"));
        assertFalse(html.contains("<script"), "no script element anywhere in the page");
        assertFalse(html.contains("<img"), "no injected element");
        assertFalse(html.contains("<b>box</b>"));
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assertTrue(html.contains("&lt;b&gt;box&lt;/b&gt;"));
        assertTrue(html.contains("&quot;&#39;&gt;&lt;img") || html.contains("&quot;'&gt;&lt;img") || html.contains("&quot;&#x27;&gt;&lt;img"),
                "quotes in params are escaped");
        String md = Files.readString(out.resolve("summary.md"));
        assertFalse(md.contains("<script"));
        // The dashboard files stay valid JSON with the odd names intact.
        JsonNode bencher = JSON.readTree(out.resolve("bencher-metrics.json").toFile());
        assertTrue(bencher.fieldNames().next().contains("<script>alert(1)</script>"));
    }

    @Test
    void dashboardFilesSplitByModeAndKeepParams() throws IOException {
        Path file = dir.resolve("mixed.json");
        new SyntheticResults()
                .add("a.B.time", "avgt", "ms/op", params("model", "PROCESS", "workers", "4"), 2, 2.2, 1.8)
                .add("a.B.time", "avgt", "ms/op", params("model", "PLATFORM_THREAD", "workers", "4"), 1, 1.1, 0.9)
                .add("a.B.rate", "thrpt", "ops/s", params("model", "PROCESS"), 100, 110, 90)
                .writeTo(file);
        Path out = dir.resolve("report");
        assertEquals(0, ReportRun.of(file.toString(), "--out", out.toString(), "--no-probe").exitCode());

        JsonNode smaller = JSON.readTree(out.resolve("github-action-benchmark-smaller-is-better.json").toFile());
        JsonNode bigger = JSON.readTree(out.resolve("github-action-benchmark-bigger-is-better.json").toFile());
        assertEquals(2, smaller.size());
        assertEquals(1, bigger.size());
        assertEquals("a.B.time(model=PROCESS,workers=4) [avgt]", smaller.get(0).get("name").asText());
        assertEquals("ms/op", smaller.get(0).get("unit").asText());
        assertEquals(2.0, smaller.get(0).get("value").asDouble(), 1e-9);
        assertTrue(smaller.get(0).get("range").asText().startsWith("± "));
        assertTrue(smaller.get(0).get("extra").asText().contains("3 forks, 3 iterations"), smaller.get(0).get("extra").asText());
        assertEquals("ops/s", bigger.get(0).get("unit").asText());

        JsonNode bencher = JSON.readTree(out.resolve("bencher-metrics.json").toFile());
        assertEquals(3, bencher.size(), "one Bencher benchmark per name and params");
        JsonNode latency = bencher.get("a.B.time(model=PLATFORM_THREAD,workers=4) [avgt]").get("latency");
        assertEquals(1e6, latency.get("value").asDouble(), 1e-3, "milliseconds converted to Bencher's nanoseconds");
        assertTrue(latency.get("lower_value").asDouble() < 1e6 && latency.get("upper_value").asDouble() > 1e6);
        assertEquals(100, bencher.get("a.B.rate(model=PROCESS) [thrpt]").get("throughput").get("value").asDouble(), 1e-9);

        String md = Files.readString(out.resolve("summary.md"));
        assertTrue(md.contains("| T1: For CPU-bound work, processes beat threads. | **not measured in this run** |"), md);
    }

    @Test
    void baselineRegressionFailsTheRunOnlyBeyondTheLimit() throws IOException {
        String bench = "a.B.time";
        Path old = dir.resolve("old.json");
        Path now = dir.resolve("now.json");
        new SyntheticResults().add(bench, "avgt", "ms/op", params("model", "PROCESS"), 100, 101, 99, 100, 100)
                .add(bench, "avgt", "ms/op", params("model", "PLATFORM_THREAD"), 50, 51, 49, 50, 50).writeTo(old);
        // PROCESS 20% slower, clearly significant; PLATFORM_THREAD unchanged.
        new SyntheticResults().add(bench, "avgt", "ms/op", params("model", "PROCESS"), 120, 121, 119, 120, 120)
                .add(bench, "avgt", "ms/op", params("model", "PLATFORM_THREAD"), 50, 50.5, 49.5, 50, 50).writeTo(now);
        Path out = dir.resolve("report");

        ReportRun strict = ReportRun.of(now.toString(), "--out", out.toString(), "--no-probe", "--baseline", old.toString(),
                "--fail-on-regression", "10");
        assertEquals(Main.EXIT_REGRESSION, strict.exitCode(), strict.err());
        assertTrue(strict.err().contains("model=PROCESS") && strict.err().contains("+20.00%"), strict.err());
        assertTrue(Files.exists(out.resolve("index.html")), "the report is written even when the run fails");
        String html = Files.readString(out.resolve("index.html"));
        assertTrue(html.contains("Against the baseline") && html.contains("beyond the limit"));

        ReportRun lenient = ReportRun.of(now.toString(), "--out", out.toString(), "--no-probe", "--baseline", old.toString(),
                "--fail-on-regression", "25");
        assertEquals(0, lenient.exitCode(), lenient.err());
        ReportRun noLimit = ReportRun.of(now.toString(), "--out", out.toString(), "--no-probe", "--baseline=" + old);
        assertEquals(0, noLimit.exitCode(), noLimit.err());
        ReportRun emptyBaseline = ReportRun.of(now.toString(), "--out", out.toString(), "--no-probe", "--baseline=");
        assertEquals(0, emptyBaseline.exitCode(), emptyBaseline.err());
    }

    @Test
    void helpExplainsEveryOption() {
        ReportRun help = ReportRun.of("--help");
        assertEquals(0, help.exitCode());
        for (String option : new String[]{"--out", "--baseline", "--fail-on-regression", "--alpha", "--catalog", "--meta", "--no-probe", "--findings", "--python", "--history", "--label", "Exit status"}) {
            assertTrue(help.out().contains(option), option);
        }
    }

    @Test
    void theSuitesClaimsGetVerdictsAndTheFamiliesGetCharts() throws IOException {
        Path file = SyntheticResults.suite(7).writeTo(dir.resolve("suite.json"));
        Path out = dir.resolve("report");
        ReportRun run = ReportRun.of(file.toString(), "--out", out.toString(), "--no-probe");
        assertEquals(0, run.exitCode(), run.err());
        // The synthetic JVM numbers: no GIL, so threads beat processes (T1 reversed without the GIL, as
        // the JVM predicts, and holds with it), threads beat processes for sleepers, join order matters for every model.
        assertTrue(run.out().contains("T1: holds"), run.out());
        assertTrue(run.out().contains("T2: holds"), run.out());
        assertTrue(run.out().contains("T4: holds"), run.out());
        assertTrue(run.out().contains("Q3: holds"), run.out());
        assertTrue(run.out().contains("T3: not measured in this run"), run.out());
        assertTrue(ReportRun.chartIds(out).size() >= 8);
        String html = Files.readString(out.resolve("index.html"));
        assertTrue(html.contains("<code>suite.json</code>"), "the input named by its file name: it lies outside the working folder");
        assertFalse(html.contains(dir.toString()), "no absolute path of the machine in the page");
    }

    @Test
    void theFixtureMakesAReport() throws Exception {
        Path out = dir.resolve("report");
        ReportRun run = ReportRun.of(Path.of(getClass().getResource("/jmh-fixture.json").toURI()).toString(), "--out", out.toString(), "--no-probe");
        assertEquals(0, run.exitCode(), run.err());
        String html = Files.readString(out.resolve("index.html"));
        assertTrue(html.contains("finished &#x3D; 160.0 # (per iteration: 40.00 #"), "secondary metric shown");
        assertTrue(html.contains("sampled time"));
    }
}
