package dev.unitsbench.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.unitsbench.reports.history.History;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** --history: one appended line per run, trend charts from two runs on, corrupt lines named and skipped. */
class HistoryReportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** The headline benchmarks of T1 and T2 only, so that each of the six reports here is quick. */
    private static SyntheticResults headlines(long seed) {
        java.util.Random random = new java.util.Random(seed);
        SyntheticResults s = new SyntheticResults();
        for (String model : new String[]{"PROCESS", "PLATFORM_THREAD"}) {
            s.singleShot("dev.unitsbench.cpu.CpuBoundBenchmark.computeAll", SyntheticResults.params("gil", "false", "model", model, "workers", "4"),
                    model.equals("PROCESS") ? 2350 : 2000, random);
            s.singleShot("dev.unitsbench.io.SleepBenchmark.sleepAll", SyntheticResults.params("model", model, "sleepMillis", "1000", "workers", "400"),
                    model.equals("PROCESS") ? 11000 : 1040, random);
        }
        return s;
    }

    private ReportRun report(Path result, Path history, String commit) {
        return ReportRun.of(result.toString(), "--out", dir.resolve("report").toString(), "--no-probe",
                "--history", history.toString(), "--meta", "commit=" + commit);
    }

    private List<String> trendCharts() throws IOException {
        return ReportRun.chartIds(dir.resolve("report")).stream().filter(id -> id.startsWith("trend-")).toList();
    }

    @Test
    void threeRunsAppendThreeLinesAndDrawTrends() throws IOException {
        Path history = dir.resolve("hist/history.jsonl");
        Path result = headlines(1).writeTo(dir.resolve("r.json"));
        ReportRun first = report(result, history, "aaa111");
        assertEquals(0, first.exitCode(), first.err());
        String firstLine = Files.readAllLines(history).get(0);
        assertTrue(trendCharts().isEmpty(), "one run: no trend yet");
        assertTrue(Files.readString(dir.resolve("report/index.html")).contains("With fewer than two runs"));

        headlines(2).writeTo(result);
        assertEquals(0, report(result, history, "bbb222").exitCode());
        headlines(3).writeTo(result);
        ReportRun third = report(result, history, "ccc333");
        assertEquals(0, third.exitCode(), third.err());

        List<String> lines = Files.readAllLines(history);
        assertEquals(3, lines.size());
        assertEquals(firstLine, lines.get(0), "earlier lines are never rewritten");
        JsonNode line = JSON.readTree(lines.get(2));
        assertEquals("ccc333", line.get("commit").asText());
        assertEquals("25.0.3", line.get("jdk").asText());
        JsonNode point = line.get("benchmarks").get("dev.unitsbench.io.SleepBenchmark.sleepAll [ss](model=PROCESS, sleepMillis=1000, workers=400)");
        assertEquals("ms/op", point.get("unit").asText());
        assertTrue(point.get("score").asDouble() > 10000, "about 1000 + 400 x 25 ms");

        List<String> charts = trendCharts();
        assertTrue(charts.stream().anyMatch(id -> id.startsWith("trend-sleepbenchmark-sleepall")), charts.toString());
        assertTrue(charts.stream().anyMatch(id -> id.startsWith("trend-cpuboundbenchmark-computeall")), charts.toString());
        String html = Files.readString(dir.resolve("report/index.html"));
        assertTrue(html.contains("Trends over runs") && html.contains("aaa111") && html.contains("ccc333") && html.contains("(this report)"));
        assertTrue(html.contains("SleepBenchmark.sleepAll: time of one run over 3 runs"), "the trend chart is in the page");
    }

    @Test
    void aCorruptLineIsReportedWithItsNumberAndSkippedNeverRewritten() throws IOException {
        Path result = headlines(1).writeTo(dir.resolve("r.json"));
        Path history = dir.resolve("history.jsonl");
        report(result, history, "aaa111");
        String good = Files.readAllLines(history).get(0);
        String corrupt = "{\"schema\":1,\"commit\":\"x\",\"benchm";
        // A good line, a line cut short by a crash, an empty line, a line of the wrong shape, and a torn last line without a newline.
        Files.writeString(history, good + "\n" + corrupt + "\n\n[1,2]\n" + good.substring(0, 40));

        ReportRun run = report(result, history, "ddd444");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("reports: warning: history file " + history + ", line 2: not valid JSON"), run.err());
        assertTrue(run.err().contains("line 4: not a JSON object"), run.err());
        assertTrue(run.err().contains("line 5: not valid JSON"), run.err());
        String html = Files.readString(dir.resolve("report/index.html"));
        assertTrue(html.contains("line 2: not valid JSON"), "the page names the line too");
        assertTrue(html.contains("2 readable runs"), "the good line and this run");
        assertFalse(trendCharts().isEmpty());

        List<String> lines = Files.readAllLines(history);
        assertEquals(6, lines.size(), "the torn line keeps its own line; this run's line follows it");
        assertEquals(corrupt, lines.get(1), "the corrupt line is left as it was");
        assertEquals(good.substring(0, 40), lines.get(4));
        assertEquals("ddd444", JSON.readTree(lines.get(5)).get("commit").asText());
        assertEquals(2, History.read(history).runs().size());
        assertEquals(3, History.read(history).problems().size());
    }

    @Test
    void withoutGitOrMetaTheCommitIsUnknown() throws IOException {
        Path result = headlines(1).writeTo(dir.resolve("r.json"));
        Path history = dir.resolve("history.jsonl");
        ReportRun run = ReportRun.of(result.toString(), "--out", dir.resolve("report").toString(), "--no-probe", "--history", history.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("unknown", JSON.readTree(Files.readAllLines(history).get(0)).get("commit").asText());
    }
}
