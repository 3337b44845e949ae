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

/** Several result files in one report: a column per run, a verdict per run, labels. */
class SeveralRunsReportTest {

    private static final String CPU = "dev.unitsbench.cpu.CpuBoundBenchmark.computeAll";

    @TempDir
    Path dir;

    /** T1 without GIL: processes at {@code process} ms, threads at {@code thread} ms, 4 workers. */
    private Path run(String name, String jdk, double process, double thread) throws IOException {
        Path file = dir.resolve(name);
        new SyntheticResults()
                .add(CPU, "ss", "ms/op", params("gil", "true", "model", "PROCESS", "workers", "4"), process, process * 1.01, process * 0.99)
                .add(CPU, "ss", "ms/op", params("gil", "true", "model", "PLATFORM_THREAD", "workers", "4"), thread, thread * 1.01, thread * 0.99)
                .jdk(jdk).writeTo(file);
        return file;
    }

    private static String row(String html, String id) {
        int start = html.indexOf("<tr id=\"row-" + id + "\">");
        // The row holds tables of its own: it ends where the next row or the table body ends.
        int next = html.indexOf("<tr id=\"row-", start + 1);
        return html.substring(start, next > 0 ? next : html.indexOf("</tbody>", start));
    }

    @Test
    void eachRunGetsAColumnAndItsOwnVerdict() throws IOException {
        Path jdk21 = run("jdk21.json", "21.0.5", 1000, 2000);
        Path jdk25 = run("jdk25.json", "25.0.3", 2000, 1000);
        Path out = dir.resolve("report");
        ReportRun r = ReportRun.of(jdk21.toString(), jdk25.toString(), "--label", "JDK <25>", "--out", out.toString(), "--no-probe");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("T1: holds"), "the main run's verdict line is as before: " + r.out());
        assertTrue(r.out().contains("T1 [JDK 21.0.5 (jdk21.json)]: holds"), r.out());
        assertTrue(r.out().contains("T1 [JDK <25>]: reversed"), r.out());

        String html = Files.readString(out.resolve("index.html"));
        assertTrue(html.contains("<th>JDK 21.0.5 (jdk21.json)</th><th>JDK &lt;25&gt;</th>"), "a column per run, labels escaped");
        String t1 = row(html, "T1");
        assertTrue(t1.contains("<th>JDK 21.0.5 (jdk21.json)</th><th>JDK &lt;25&gt;</th>"), "the row's grids have a column per run: " + t1);
        assertTrue(t1.contains("<td>verdict</td><td><span class=\"verdict holds\">holds</span></td><td><span class=\"verdict reversed\">reversed</span></td>"), t1);
        assertTrue(t1.matches("(?s).*<td><b>2\\.[0-9]+x</b>, holds</td><td><b>0\\.[0-9]+x</b>, reversed</td>.*"), "speed-up per run: " + t1);
        assertTrue(t1.contains("<td>gil&#x3D;true, PROCESS</td><td>1,000 ms/op") || t1.contains("<td>PROCESS</td><td>1,000 ms/op"), t1);
        // The results table: one row for PROCESS, its mean in each run's column.
        int process = html.indexOf("<td>" + CPU + "</td><td>single-shot time</td><td>gil&#x3D;true, model&#x3D;PROCESS, workers&#x3D;4</td>");
        assertTrue(process > 0, "one row per benchmark and params");
        String processRow = html.substring(process, html.indexOf("</tr>", process));
        assertTrue(processRow.indexOf("1,000 ms/op") < processRow.indexOf("2,000 ms/op") && processRow.contains("2,000 ms/op"), processRow);

        String md = Files.readString(out.resolve("summary.md"));
        assertTrue(md.contains("| claim | JDK 21.0.5 (jdk21.json) | JDK &lt;25&gt; |"), md);
        assertTrue(md.contains("| T1 | holds | reversed |"), md);
    }

    @Test
    void aSingleRunKeepsTheUsualTables() throws IOException {
        Path one = run("one.json", "25.0.3", 1000, 2000);
        Path out = dir.resolve("report");
        assertEquals(0, ReportRun.of(one.toString(), "--out", out.toString(), "--no-probe").exitCode());
        String html = Files.readString(out.resolve("index.html"));
        assertFalse(html.contains("runs-compared"), "no per-run columns for one run");
        assertFalse(html.contains("Verdict per run"));
        assertTrue(html.contains("<th>JMH score ± error</th><th>Secondary metrics</th>"), "the one-run results table is unchanged");
    }

    @Test
    void aBadSecondFileLeavesThePreviousReportAsItWas() throws IOException {
        Path good = run("good.json", "25.0.3", 1000, 2000);
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "[{\"benchmark\": \"a.B.c\"");
        Path out = dir.resolve("report");
        assertEquals(0, ReportRun.of(good.toString(), "--out", out.toString(), "--no-probe").exitCode());
        String before = Files.readString(out.resolve("index.html"));
        ReportRun run = ReportRun.of(good.toString(), bad.toString(), "--out", out.toString(), "--no-probe");
        assertEquals(Main.EXIT_BAD_INPUT, run.exitCode());
        assertTrue(run.err().startsWith("reports: result file " + bad) && run.err().lines().count() == 1, run.err());
        assertEquals(before, Files.readString(out.resolve("index.html")));
    }

    @Test
    void inlineOptionValuesDoNotSwallowTheNextOption() {
        // The bench profile passes --baseline= (empty) followed by more --name=value options.
        Options o = Options.parse(java.util.List.of("a.json", "--baseline=", "--findings=f", "--python=p.json", "--history=", "--label=A", "b.json"));
        assertEquals(null, o.baseline());
        assertEquals(Path.of("f"), o.findings());
        assertEquals(Path.of("p.json"), o.python());
        assertEquals(null, o.history());
        assertEquals(java.util.List.of(new Options.ResultFile(Path.of("a.json"), "A", null), new Options.ResultFile(Path.of("b.json"), null, null)),
                o.results());
    }

    @Test
    void labelsAreCheckedAndNamed() throws IOException {
        Path a = run("a.json", "25.0.3", 1000, 2000);
        Path b = run("b.json", "25.0.3", 1000, 2000);
        Path out = dir.resolve("report");
        ReportRun early = ReportRun.of("--label", "x", a.toString(), "--out", out.toString(), "--no-probe");
        assertEquals(Main.EXIT_BAD_INPUT, early.exitCode());
        assertTrue(early.err().contains("--label x comes before any result file"), early.err());
        ReportRun same = ReportRun.of(a.toString(), "--label", "same", b.toString(), "--label", "same", "--out", out.toString(), "--no-probe");
        assertEquals(Main.EXIT_BAD_INPUT, same.exitCode());
        assertTrue(same.err().contains("two result files have the label \"same\""), same.err());
        ReportRun twice = ReportRun.of(a.toString(), "--label", "x", "--label", "y", "--out", out.toString(), "--no-probe");
        assertEquals(Main.EXIT_BAD_INPUT, twice.exitCode());
        assertFalse(Files.exists(out), "nothing written on bad input");
    }
}
