package dev.unitsbench.reports;

import dev.unitsbench.reports.crosscheck.PythonCrossCheck;
import dev.unitsbench.reports.stats.Estimate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The CPython cross-check (--python) beside the tutorial's figures and the JVM's, and its skipped cases. */
class CrossCheckReportTest {

    static final String RAN = """
            {"schema":1, "status":"ran", "reason":null, "python":"CPython 3.11.7",
             "platform":"Linux-6.18-x86_64-with-glibc2.36, 2 CPUs", "repeats":3,
             "experiments":[
              {"claim":"T1","id":"cpu-processes","label":"4 processes x 100 000 000 iterations","model":"PROCESS","workers":4,"unit":"s","samples":[3.41,3.39,3.45]},
              {"claim":"T1","id":"cpu-threads","label":"4 threads x 100 000 000 iterations","model":"PLATFORM_THREAD","workers":4,"unit":"s","samples":[5.7,5.8,5.6]},
              {"claim":"T2","id":"sleep-processes","label":"400 processes, each time.sleep(2)","model":"PROCESS","workers":400,"unit":"s","samples":[3.5,3.6,3.55]},
              {"claim":"T2","id":"sleep-threads","label":"400 threads, each time.sleep(2)","model":"PLATFORM_THREAD","workers":400,"unit":"s","samples":[2.05,2.04,2.06]},
              {"claim":"T3","id":"spawn-process","label":"start and join one process","model":"PROCESS","workers":1,"unit":"s","samples":[0.012,0.011,0.013]},
              {"claim":"T3","id":"spawn-thread","label":"start and join one <thread>","model":"PLATFORM_THREAD","workers":1,"unit":"s","samples":[0.0001,0.00011,0.00009]}
             ]}""";

    @TempDir
    Path dir;
    Path result;

    @BeforeEach
    void suite() throws IOException {
        result = SyntheticResults.suite(3).writeTo(dir.resolve("suite.json"));
    }

    private static String row(String html, String id) {
        int start = html.indexOf("<tr id=\"row-" + id + "\">");
        return html.substring(start, html.indexOf("</tr>", start));
    }

    @Test
    void meanAndIntervalOfTheRepeatsAreStudentT() throws IOException {
        Path file = dir.resolve("py.json");
        Files.writeString(file, RAN);
        PythonCrossCheck py = PythonCrossCheck.read(file, 0.95);
        assertTrue(py.ran());
        Estimate e = py.forClaim("T1").get(0).estimate();
        // mean 3.416667; on the logs of the repeats, t(0.975, 2) = 4.302653 times their standard error, transformed back
        assertEquals(3.4166667, e.mean(), 1e-6);
        double[] logs = java.util.Arrays.stream(py.forClaim("T1").get(0).samples()).map(Math::log).toArray();
        double centre = java.util.Arrays.stream(logs).average().orElseThrow();
        double sd = Math.sqrt(java.util.Arrays.stream(logs).map(v -> (v - centre) * (v - centre)).sum() / 2);
        assertEquals(Math.exp(centre - 4.302653 * sd / Math.sqrt(3)), e.low(), 1e-6);
        assertEquals(Math.exp(centre + 4.302653 * sd / Math.sqrt(3)), e.high(), 1e-6);
        assertEquals(3, e.n());
    }

    @Test
    void t1ShowsCPythonHereAndEveryJvmModelInSeconds() throws IOException {
        Path file = dir.resolve("py.json");
        Files.writeString(file, RAN);
        Path out = dir.resolve("report");
        ReportRun run = ReportRun.of(result.toString(), "--out", out.toString(), "--no-probe", "--python", file.toString());
        assertEquals(0, run.exitCode(), run.err());
        String html = Files.readString(out.resolve("index.html"));
        String t1 = row(html, "T1");
        assertTrue(t1.contains("processes 6.45 s, threads 21.27 s"), "the tutorial's figures stay");
        assertTrue(t1.contains("CPython on this machine") && t1.contains("4 processes x 100 000 000 iterations</b>: 3.417 s"), t1);
        assertTrue(t1.contains("JVM, in seconds"), t1);
        // The synthetic suite's 4 PROCESS workers without GIL take about 350 + 2000 ms: shown as seconds.
        assertTrue(t1.matches("(?s).*gil&#x3D;false, PROCESS</b>: 2\\.[0-9]{3} s.*"), t1);
        assertTrue(html.contains("start and join one &lt;thread&gt;"), "labels are escaped");
        List<String> charts = ReportRun.chartIds(out);
        assertTrue(charts.contains("claim-t1-cpython"), charts.toString());
        assertTrue(charts.contains("claim-t2-cpython"), charts.toString());
        assertFalse(charts.contains("claim-t4-cpython"), "T4 has no cross-check");
    }

    @Test
    void namesFromThePythonFileAreEscapedInThePageAndTheCharts() throws IOException {
        Path file = dir.resolve("py.json");
        Files.writeString(file, RAN.replace("CPython 3.11.7", "<script>alert(1)</script>").replace("2 CPUs", "<img src=x onerror=alert(2)>"));
        Path out = dir.resolve("report");
        ReportRun run = ReportRun.of(result.toString(), "--out", out.toString(), "--no-probe", "--python", file.toString());
        assertEquals(0, run.exitCode(), run.err());
        String html = Files.readString(out.resolve("index.html"));
        assertFalse(html.contains("<script"), "no script element, in the text or the inline SVG");
        assertFalse(html.contains("<img"));
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assertTrue(ReportRun.chartIds(out).contains("claim-t1-cpython"), "the chart with those names is in the page checked above");
    }

    @Test
    void missingSkippedOrMalformedFilesSaySkippedAndNeverFail() throws IOException {
        Path out = dir.resolve("report");
        ReportRun missing = ReportRun.of(result.toString(), "--out", out.toString(), "--no-probe", "--python", dir.resolve("none.json").toString());
        assertEquals(0, missing.exitCode(), missing.err());
        String t1 = row(Files.readString(out.resolve("index.html")), "T1");
        assertTrue(t1.contains("CPython cross-check skipped: the file") && t1.contains("does not exist"), t1);

        Path skipped = dir.resolve("skipped.json");
        Files.writeString(skipped, "{\"schema\":1,\"status\":\"skipped\",\"reason\":\"python3 is not installed\",\"experiments\":[]}");
        ReportRun s = ReportRun.of(result.toString(), "--out", out.toString(), "--no-probe", "--python", skipped.toString());
        assertEquals(0, s.exitCode(), s.err());
        assertTrue(row(Files.readString(out.resolve("index.html")), "T2").contains("CPython cross-check skipped: python3 is not installed"));

        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"schema\":1,\"status\":\"ran\",\"experiments\":[{\"claim\":\"T1\"");
        ReportRun b = ReportRun.of(result.toString(), "--out", out.toString(), "--no-probe", "--python", broken.toString());
        assertEquals(0, b.exitCode(), b.err());
        assertTrue(b.err().contains("reports: warning: CPython cross-check file " + broken + " is malformed"), b.err());
        assertTrue(row(Files.readString(out.resolve("index.html")), "T3").contains("CPython cross-check skipped: the file"));

        ReportRun none = ReportRun.of(result.toString(), "--out", out.toString(), "--no-probe");
        assertFalse(row(Files.readString(out.resolve("index.html")), "T1").contains("CPython cross-check"), "no option, no cross-check text");
    }
}
