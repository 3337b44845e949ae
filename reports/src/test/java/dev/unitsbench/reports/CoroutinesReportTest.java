package dev.unitsbench.reports;

import dev.unitsbench.reports.crosscheck.PythonCrossCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The coroutines section: virtual threads beside asyncio, each side's figure or "not run" and why. */
class CoroutinesReportTest {

    /** T1-T3 failed, the asyncio experiments ran or were skipped one by one. */
    static final String COROUTINES = """
            {"schema":1, "status":"skipped", "reason":"t1_cpu_bound.py exited with status 1", "python":"CPython 3.11.7",
             "platform":"Linux-test, 2 CPUs", "repeats":3, "experiments":[],
             "coroutines":[
              {"claim":"Q5","id":"asyncio-sleep-10000","label":"10 000 tasks","kind":"SLEEP","size":10000,"status":"ran","reason":null,
               "metrics":{"wallOverSleep":[1.2,1.25,1.22],"bytesPerTask":[1500,1510,1490]}},
              {"claim":"Q5","id":"asyncio-sleep-1000000","label":"1 000 000 tasks","kind":"SLEEP","size":1000000,"status":"skipped",
               "reason":"skipped: <1 000 000> asyncio tasks needs 2.1 GB, 1.0 GB available","metrics":{}},
              {"claim":"Q4","id":"asyncio-echo-100","label":"echo","kind":"ECHO","size":100,"status":"ran","reason":null,
               "metrics":{"requestsPerSecond":[12000,12500,11800],"latencyP99Micros":[15000,16000,"NaN"]}},
              {"claim":"Q4","id":"asyncio-echo-1000","label":"echo","kind":"ECHO","size":1000,"status":"ran","reason":null,
               "metrics":{"requestsPerSecond":[10000,10000,10000],"latencyP99Micros":[20000,21000,22000],
                          "jvmRequestsPerSecond":[30000,31000,29000],"jvmLatencyP99Micros":[5000,5500,6000]}}
             ]}""";

    @TempDir
    Path dir;

    /** The synthetic suite's JMH file: it has ManySleepers at 10 000 and 100 000, no echo, no fan-out tree. */
    private String jmhFile() throws IOException {
        Path file = SyntheticResults.suite(3).writeTo(dir.resolve("suite.json"));
        return file.toString();
    }

    @Test
    void eachCoroutineIsReadOnItsOwnEvenWhenTheTutorialsExperimentsWereSkipped() throws IOException {
        PythonCrossCheck py = PythonCrossCheck.read(Files.writeString(dir.resolve("py.json"), COROUTINES), 0.95);
        assertFalse(py.ran(), "T1-T3 did not run");
        assertEquals(4, py.coroutines().size());
        PythonCrossCheck.Coroutine sleep = py.coroutines().get(0);
        assertTrue(sleep.ran());
        assertEquals(1.2233333, sleep.metrics().get("wallOverSleep").mean(), 1e-6);
        assertEquals(3, sleep.metrics().get("bytesPerTask").n());
        assertTrue(py.coroutines().get(1).reason().startsWith("skipped: <1 000 000> asyncio tasks needs 2.1 GB"));
        assertEquals("the file is malformed: its metric latencyP99Micros has no samples or one that is not a finite number",
                py.coroutines().get(2).reason());
    }

    @Test
    void bothSidesStandSideBySideWhereBothRanAndEachOtherSaysNotRunAndWhy() throws IOException {
        String html = report(COROUTINES);
        String section = section(html);
        String tenThousand = row(section, "wall time / sleep time, 10 000 tasks");
        // The synthetic ManySleepers at 10 000 take about 1050 ms of a 1000 ms sleep; asyncio 1.223.
        assertTrue(tenThousand.matches("(?s).*<td class=\"num\">1\\.0[0-9]{2} x<div.*[0-9]+ forks.*1\\.223 x<div.*3 repeats.*0\\.8[0-9]{2}x.*"),
                tenThousand);
        String million = row(section, "wall time / sleep time, 1 000 000 tasks");
        assertTrue(million.contains("no io.ManySleepersBenchmark.virtualThreadsAtAMillion workers 1000000 in this run"), million);
        assertTrue(million.contains("skipped: &lt;1 000 000&gt; asyncio tasks needs 2.1 GB"), "reasons are escaped: " + million);
        String echo = row(section, "echo requests per second, 100 connections (each server a child process, the same load generator)");
        assertTrue(echo.contains("no jvmRequestsPerSecond of the cross-check in this run"),
                "the JVM's echo figure comes from the cross-check, which measured it beside asyncio's: " + echo);
        assertTrue(echo.contains("the file is malformed"), "a bad entry is shown as not run, saying why: " + echo);
        assertFalse(section.contains("echo requests per second, 10 connections"), "a size neither side ran is left out");
        String thousand = row(section, "echo requests per second, 1 000 connections (each server a child process, the same load generator)");
        assertTrue(thousand.matches("(?s).*30,000 req/s<div class=\"muted\">[^<]*3 repeats.*10,000 req/s.*3\\.000x.*"),
                "the JVM's server, measured by the cross-check beside asyncio's, stands beside it with their ratio: " + thousand);
        assertTrue(section.contains("CPU count 2") || section.contains("CPU count"), "the machine is stated");
        assertTrue(section.contains("CPython 3.11.7 on Linux-test, 2 CPUs"), section);

        String q5 = claimRow(html, "Q5");
        assertTrue(q5.contains("<a href=\"#coroutines-Q5\">beside asyncio</a>"), q5);
        assertFalse(claimRow(html, "T1").contains("beside asyncio"), "a claim without coroutines rows links to none");
        String detail = html.substring(html.indexOf("<div class=\"claim\" id=\"claim-Q5\">"));
        detail = detail.substring(0, detail.indexOf("<div class=\"claim\"", 10));
        assertTrue(detail.matches("(?s).*<b>wall time / sleep time, 10 000 tasks</b>: JVM 1\\.0[0-9]{2} x, CPython 1\\.223 x"
                + " <span class=\"muted\">\\(JVM / CPython 0\\.8[0-9]{2}x\\).*"), detail);
    }

    private static String claimRow(String html, String id) {
        int start = html.indexOf("<tr id=\"row-" + id + "\">");
        return html.substring(start, html.indexOf("</tr>", start));
    }

    @Test
    void withoutPython3TheJvmSideStandsAloneAndTheCPythonSideSaysWhy() throws IOException {
        String html = report("""
                {"schema":1,"status":"skipped","reason":"python3 not found on PATH","python":null,"platform":null,"repeats":3,
                 "experiments":[],"coroutines":[]}""");
        String row = row(section(html), "wall time / sleep time, 100 000 tasks");
        assertTrue(row.contains("not run") && row.contains("python3 not found on PATH"), row);
    }

    @Test
    void withoutThePythonOptionThereIsNoSection() throws IOException {
        Path out = dir.resolve("plain");
        ReportRun run = ReportRun.of(jmhFile(), "--out", out.toString(), "--no-probe");
        assertEquals(0, run.exitCode(), run.err());
        assertFalse(Files.readString(out.resolve("index.html")).contains("id=\"coroutines\""));
        assertNull(dev.unitsbench.reports.output.CoroutinesView.of(null, java.util.List.of(), java.util.List.of(), 0.95));
    }

    private String report(String python) throws IOException {
        Path out = dir.resolve("report");
        ReportRun run = ReportRun.of(jmhFile(), "--out", out.toString(), "--no-probe",
                "--python", Files.writeString(dir.resolve("py.json"), python).toString());
        assertEquals(0, run.exitCode(), run.err());
        return Files.readString(out.resolve("index.html"));
    }

    private static String section(String html) {
        int start = html.indexOf("<section id=\"coroutines\">");
        assertTrue(start >= 0, "no coroutines section");
        return html.substring(start, html.indexOf("</section>", start));
    }

    private static String row(String section, String figure) {
        int start = section.indexOf("<td>" + figure + "</td>");
        assertTrue(start >= 0, "no row " + figure);
        return section.substring(start, section.indexOf("</tr>", start));
    }
}
