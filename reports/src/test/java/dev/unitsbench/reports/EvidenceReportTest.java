package dev.unitsbench.reports;

import dev.unitsbench.reports.read.BenchmarkResult;
import dev.unitsbench.reports.read.JmhResultReader;
import dev.unitsbench.reports.stats.AnalyzedResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.unitsbench.reports.SyntheticResults.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The evidence model end to end: sample-mode n, smoke runs, the reproducibility table of several runs. */
class EvidenceReportTest {

    @TempDir
    Path dir;

    @Test
    void sampleTimeHistogramsWithHugeCountsGiveNEqualToIterations() throws IOException {
        Path file = dir.resolve("sampled.json");
        // 3 forks x 2 iterations, each iteration a histogram of a million invocations at 1 and 3 us:
        // each iteration's mean is 2 us, whatever the counts.
        double[][] iteration = {{1, 3}, {1, 3}};
        new SyntheticResults().addSampled("dev.unitsbench.ipc.ChannelBenchmark.roundTrip", params("channel", "PIPE"), 1_000_000,
                iteration, iteration, iteration).writeTo(file);
        BenchmarkResult r = new JmhResultReader().read(file, "result file").get(0);
        assertEquals(6, r.primary().samples().size(), "one value per iteration");
        assertEquals(2.0, r.primary().samples().values()[0], 1e-12);
        assertEquals(6_000_000L * 2, r.primary().samples().pooled().size(), "the pooled histogram is kept for percentiles");
        AnalyzedResult a = AnalyzedResult.analyze(List.of(r), 0.95).get(0);
        assertEquals(3, a.estimate().n(), "n is the number of forks");
        assertEquals(6, a.estimate().iterations());
    }

    @Test
    void theT1RowStatesTheBreakEvenOfTheWorkSweepAndItsDetailDrawsIt() throws IOException {
        Path file = dir.resolve("sweep.json");
        String sweep = "dev.unitsbench.cpu.CpuBoundBenchmark.workSweep";
        SyntheticResults s = new SyntheticResults();
        double[][] threads = {{495, 500, 505}, {790, 800, 810}, {1980, 2000, 2020}};
        for (int i = 0; i < 3; i++) {
            String size = String.valueOf((long) Math.pow(10, 7 + i));
            s.add(sweep, "ss", "ms/op", params("gil", "true", "model", "PROCESS", "workers", "4", "iterations", size), 990, 1000, 1010);
            s.add(sweep, "ss", "ms/op", params("gil", "true", "model", "PLATFORM_THREAD", "workers", "4", "iterations", size), threads[i]);
        }
        s.writeTo(file);
        Path out = dir.resolve("report");
        ReportRun run = ReportRun.of(file.toString(), "--out", out.toString(), "--no-probe");
        assertEquals(0, run.exitCode(), run.err());
        String html = Files.readString(out.resolve("index.html"));
        String row = html.substring(html.indexOf("id=\"row-T1\""), html.indexOf("</tr>", html.indexOf("id=\"row-T1\"")));
        assertTrue(row.contains("break-even at about iterations &#x3D; 1.8e8"), row);
        assertTrue(row.contains("platform threads win below it, child-JVM processes above it"), row);
        assertTrue(html.contains("id=\"claim-t1-break-even\""), "the T1 detail has the ratio chart");
        assertTrue(ReportRun.chartIds(out).contains("claim-t1-break-even"));
        String summary = Files.readString(out.resolve("summary.md"));
        assertTrue(summary.contains("against iterations: break-even at about iterations = 1.8e8"), summary);
    }

    @Test
    void aSmokeRunFileGivesNoVerdictsAnywhere() throws IOException {
        Path file = dir.resolve("quick.json");
        SyntheticResults s = new SyntheticResults().smoke();
        String cpu = "dev.unitsbench.cpu.CpuBoundBenchmark.computeAll";
        s.add(cpu, "ss", "ms/op", params("gil", "true", "model", "PROCESS", "workers", "4"), 1000, 1010);
        s.add(cpu, "ss", "ms/op", params("gil", "true", "model", "PLATFORM_THREAD", "workers", "4"), 2000, 2010);
        s.writeTo(file);
        Path out = dir.resolve("report");
        ReportRun run = ReportRun.of(file.toString(), "--out", out.toString(), "--no-probe");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("T1: inconclusive"), run.out());
        for (String word : new String[]{": holds", ": reversed", ": partly", ": contradictory"}) {
            assertFalse(run.out().contains(word), run.out());
        }
        String summary = Files.readString(out.resolve("summary.md"));
        assertTrue(summary.startsWith("**Smoke run, not a measurement**"), summary);
        assertFalse(summary.contains("**holds**") || summary.contains(", holds") || summary.contains("reversed"), summary);
        String html = Files.readString(out.resolve("index.html"));
        assertTrue(html.contains("id=\"smoke-run\""));
        assertTrue(html.contains("id=\"row-T1\""));
        // The legend ("How to read this") names every verdict; no badge anywhere else may say holds or reversed.
        String afterLegend = html.replaceAll("(?s)<section id=\"about\">.*?</section>", "");
        assertTrue(afterLegend.contains("<section id=\"claims\">"));
        assertTrue(afterLegend.contains("id=\"no-verdicts\""), "the page says why there is no forest plot");
        assertFalse(Files.exists(out.resolve("charts/verdicts.svg")), "a smoke run has no forest plot");
        assertFalse(html.contains("charts/verdicts.svg"), "nor a link to one");
        assertFalse(afterLegend.contains("class=\"verdict holds\""), "no verdict badge outside the legend says holds");
        assertFalse(afterLegend.contains("class=\"verdict reversed\""), "nor reversed");
    }

    @Test
    void severalRunsGetACoverageTableAndFlippedVerdicts() throws IOException {
        Path a = dir.resolve("a.json");
        Path b = dir.resolve("b.json");
        String cpu = "dev.unitsbench.cpu.CpuBoundBenchmark.computeAll";
        new SyntheticResults()
                .add(cpu, "ss", "ms/op", params("gil", "true", "model", "PROCESS", "workers", "4"), 1000, 1010, 990)
                .add(cpu, "ss", "ms/op", params("gil", "true", "model", "PLATFORM_THREAD", "workers", "4"), 2000, 2010, 1990).writeTo(a);
        new SyntheticResults()
                .add(cpu, "ss", "ms/op", params("gil", "true", "model", "PROCESS", "workers", "4"), 3000, 3010, 2990)
                .add(cpu, "ss", "ms/op", params("gil", "true", "model", "PLATFORM_THREAD", "workers", "4"), 2004, 2014, 1994).writeTo(b);
        Path out = dir.resolve("report");
        ReportRun run = ReportRun.of(a.toString(), "--label", "A", b.toString(), "--label", "B", "--out", out.toString(), "--no-probe");
        assertEquals(0, run.exitCode(), run.err());
        // PLATFORM_THREAD's mean in B (2004) lies inside A's interval; PROCESS's (3000) does not.
        // 3 forks a side at 95%: P(|T_2| < 4.303 / sqrt(2)) = 0.907, the share a second run's means should fall inside.
        assertTrue(run.out().contains("Reproducibility: run B's mean inside run A's 95% interval for 1 of 2 benchmarks' primary scores "
                + "(50%; expected about 91% from the forks compared), and for 1 of 2 benchmark metrics, secondary ones included (50%); "
                + "run B's ratio inside run A's interval for 0 of 1 comparisons (0%; expected about"), run.out());
        String html = Files.readString(out.resolve("index.html"));
        assertTrue(html.contains("id=\"reproducibility\""));
        assertTrue(run.out().contains("Flipped: T1"), run.out());
        // The flip is flagged at the top, before the claims; each claim has a verdict column per run.
        String top = html.substring(0, html.indexOf("<section id=\"claims\">"));
        assertTrue(top.contains("id=\"flips\"") && top.contains("T1 With an emulated GIL"), top);
        String glance = html.substring(html.indexOf("<table class=\"glance\">"), html.indexOf("</table>", html.indexOf("<table class=\"glance\">")));
        assertTrue(glance.contains("<th>Verdict in A</th><th>Verdict in B</th>"), glance);
        String t1 = glance.substring(glance.indexOf("<tr id=\"glance-T1\">"));
        t1 = t1.substring(0, t1.indexOf("</tr>"));
        assertTrue(t1.contains("class=\"verdict holds\">holds") && t1.contains("class=\"verdict reversed\">reversed"), t1);
    }
}
