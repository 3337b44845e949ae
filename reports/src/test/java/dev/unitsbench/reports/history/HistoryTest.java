package dev.unitsbench.reports.history;

import dev.unitsbench.reports.error.UserError;
import dev.unitsbench.reports.read.RunMetadata;
import dev.unitsbench.reports.stats.AnalyzedResult;
import dev.unitsbench.reports.testing.JmhResults;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.unitsbench.reports.testing.JmhResults.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One appended line per run; a bad line is named by its number and skipped, never spoils another. */
class HistoryTest {

    private static final String SLEEP = "dev.unitsbench.io.SleepBenchmark.sleepAll";

    @TempDir
    Path dir;

    private static List<AnalyzedResult> results(double... raw) {
        return new JmhResults().singleShot(SLEEP, params("model", "PROCESS"), raw).analyzed();
    }

    private static History.Run run(String commit, double... raw) {
        return History.of(commit, "2026-11-29", "25.0.3", "test machine", results(raw));
    }

    @Test
    void aRunWrittenIsTheRunRead() {
        Path file = dir.resolve("sub/history.jsonl");
        History.Run first = run("aaa", 10, 11, 12);
        History.Run second = run("bbb", 20);
        History.append(file, first);
        History.append(file, second);
        History.Read read = History.read(file);
        assertEquals(List.of(), read.problems());
        assertEquals(2, read.runs().size());
        assertEquals(first, read.runs().get(0));
        History.Point point = read.runs().get(0).benchmarks().get(SLEEP + " [ss](model=PROCESS)");
        assertEquals(11, point.score(), 1e-9);
        assertEquals("ms/op", point.unit());
        assertEquals(3, point.n());
        assertTrue(point.low() < 11 && point.high() > 11);
        History.Point single = read.runs().get(1).benchmarks().values().iterator().next();
        assertTrue(Double.isNaN(single.low()), "a single sample has no interval, and none is written");
    }

    @Test
    void aMissingFileHasNoRuns() {
        History.Read read = History.read(dir.resolve("none.jsonl"));
        assertEquals(List.of(), read.runs());
        assertEquals(List.of(), read.problems());
    }

    @Test
    void badLinesAreNamedAndSkipped() throws IOException {
        Path file = dir.resolve("history.jsonl");
        String good = History.line(run("aaa", 1, 2));
        Files.writeString(file, good + "\n{not json\n\n[1]\n{\"schema\":2,\"benchmarks\":{}}\n{\"schema\":1}\n" + good + "\n");
        History.Read read = History.read(file);
        assertEquals(2, read.runs().size());
        assertEquals(4, read.problems().size(), read.problems().toString());
        assertTrue(read.problems().get(0).contains("line 2") && read.problems().get(0).contains("not valid JSON"), read.problems().get(0));
        assertTrue(read.problems().get(1).contains("line 4") && read.problems().get(1).contains("not a JSON object"));
        assertTrue(read.problems().get(2).contains("line 5") && read.problems().get(2).contains("\"schema\" is not 1"));
        assertTrue(read.problems().get(3).contains("line 6") && read.problems().get(3).contains("no \"benchmarks\""));
    }

    @Test
    void aLineCutShortStaysAloneWhenTheNextRunIsAppended() throws IOException {
        Path file = dir.resolve("history.jsonl");
        String whole = History.line(run("aaa", 1, 2));
        Files.writeString(file, whole + "\n" + whole.substring(0, whole.length() / 2));
        History.append(file, run("bbb", 3, 4));
        History.Read read = History.read(file);
        assertEquals(List.of("aaa", "bbb"), read.runs().stream().map(History.Run::commit).toList());
        assertEquals(1, read.problems().size());
        assertTrue(read.problems().get(0).contains("line 2"), read.problems().get(0));
    }

    @Test
    void anUnwritableFileIsTheUsersToFix() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("a-folder"));
        UserError e = assertThrows(UserError.class, () -> History.append(folder, run("aaa", 1)));
        assertTrue(e.getMessage().contains("--history"), e.getMessage());
    }

    @Test
    void thisRunTakesTheOptionsFirstThenWhatTheRunRecorded() {
        List<RunMetadata.Fact> facts = List.of(
                new RunMetadata.Fact("Git commit", "c0ffee", "git"),
                new RunMetadata.Fact("Date of the run", "unknown", "file"),
                new RunMetadata.Fact("Report made", "2026-11-29T19:00Z", "clock"),
                new RunMetadata.Fact("JDK version", "25.0.3", "JMH"),
                new RunMetadata.Fact("Operating system", "Linux", "os.name"),
                new RunMetadata.Fact("CPU count", "2", "runtime"),
                new RunMetadata.Fact("Memory", "8 GiB", "os"));
        History.Run fromFacts = History.thisRun(Map.of(), facts, results(1, 2));
        assertEquals("c0ffee", fromFacts.commit());
        assertEquals("2026-11-29T19:00Z", fromFacts.date(), "an unknown date of the run falls back to when the report was made");
        assertEquals("25.0.3", fromFacts.jdk());
        assertEquals("Linux, 2 CPUs, 8 GiB", fromFacts.machine());
        History.Run fromOptions = History.thisRun(Map.of("commit", "abc123", "machine", "ci runner"), facts, results(1, 2));
        assertEquals("abc123", fromOptions.commit());
        assertEquals("ci runner", fromOptions.machine());
        assertEquals("unknown", History.thisRun(Map.of(), List.of(), results(1)).commit());
    }

    @Test
    void thisRunComesAfterTheRunsRead() {
        History.Run old = run("aaa", 1);
        History.Run now = run("bbb", 2);
        assertEquals(List.of(old, now), new History.Read(List.of(old), List.of()).with(now));
    }
}
