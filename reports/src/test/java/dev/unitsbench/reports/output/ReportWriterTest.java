package dev.unitsbench.reports.output;

import dev.unitsbench.reports.charts.ChartImage;
import dev.unitsbench.reports.error.UserError;
import dev.unitsbench.reports.stats.AnalyzedResult;
import dev.unitsbench.reports.testing.JmhResults;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static dev.unitsbench.reports.testing.JmhResults.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The folder layout, and a report replaced whole or not at all. */
class ReportWriterTest {

    private static final String SVG = "<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>";

    @TempDir
    Path dir;
    Path out;

    @BeforeEach
    void target() {
        out = dir.resolve("report");
    }

    private static ChartImage chart(String id) {
        return new ChartImage(id, "title " + id, "label", "caption", SVG);
    }

    /**
     * A report of two results with a chart of each kind; no claims, baseline, history or other runs.
     * Only the forest plot ({@code verdictChart}) is written as a file: every other chart is inline only.
     */
    private static Report report(String verdictChart, String familyChart, String trendChart) {
        List<AnalyzedResult> results = new JmhResults()
                .singleShot("dev.unitsbench.io.SleepBenchmark.sleepAll", params("model", "PROCESS"), 1010, 1020, 1015)
                .add("dev.unitsbench.cpu.CpuBoundBenchmark.opsRate", "thrpt", "ops/ms", params("model", "PROCESS"), 600, 650, 640)
                .analyzed();
        return new Report(new Report.Run(Path.of("result.json"), List.of(), results, Family.group(results, List.of())),
                new Report.Verdicts(0.05, List.of(), null),
                new Report.Charts(Map.of("T1", List.of(chart("t1-bars"))), Map.of("io", List.of(chart(familyChart))),
                        List.of(chart(trendChart)), chart(verdictChart)),
                new Report.Compared(List.of(), List.of()), null, null, List.of());
    }

    private static void write(Path out, Report report) {
        try (ReportWriter writer = ReportWriter.open(out)) {
            writer.write(report);
            writer.replace();
        }
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private void assertNoStagingLeft() throws IOException {
        assertTrue(names(dir).stream().noneMatch(n -> n.startsWith(".report.")), "no staging folder left: " + names(dir));
    }

    @Test
    void layout() throws IOException {
        write(out, report("verdicts", "family-io-sleep", "trend-t1"));
        assertEquals(List.of(DashboardFiles.BENCHER, ReportWriter.CHARTS, DashboardFiles.GITHUB_BIGGER, DashboardFiles.GITHUB_SMALLER,
                HtmlPage.FILE, MarkdownSummary.FILE), names(out));
        assertEquals(List.of("verdicts.svg"), names(out.resolve(ReportWriter.CHARTS)), "the forest plot only: every other chart is inline");
        assertEquals("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + SVG, Files.readString(out.resolve("charts/verdicts.svg")),
                "a stand-alone SVG file starts with the XML declaration");
        String html = Files.readString(out.resolve(HtmlPage.FILE));
        assertTrue(html.contains("SleepBenchmark"), "the page lists the results");
        assertTrue(Files.readString(out.resolve(DashboardFiles.GITHUB_SMALLER)).contains("SleepBenchmark"));
        assertTrue(Files.readString(out.resolve(DashboardFiles.GITHUB_BIGGER)).contains("CpuBoundBenchmark"));
        assertNoStagingLeft();
    }

    @Test
    void aNewReportReplacesThePreviousOneWhole() throws IOException {
        write(out, report("old-chart", "family-io-sleep", "trend-t1"));
        Files.writeString(out.resolve("left-by-hand.txt"), "x");
        write(out, report("new-chart", "family-io-sleep", "trend-t1"));
        assertFalse(Files.exists(out.resolve("charts/old-chart.svg")), "nothing of the previous report stays");
        assertFalse(Files.exists(out.resolve("left-by-hand.txt")));
        assertTrue(Files.exists(out.resolve("charts/new-chart.svg")));
        assertNoStagingLeft();
    }

    /** Writes a report, runs {@code failing}, which must throw {@code type}, and checks that the report stayed as it was. */
    private <T extends Throwable> T assertThePreviousReportStays(Class<T> type, Executable failing) throws IOException {
        write(out, report("old-chart", "family-io-sleep", "trend-t1"));
        String index = Files.readString(out.resolve(HtmlPage.FILE));
        T thrown = assertThrows(type, failing);
        assertEquals(index, Files.readString(out.resolve(HtmlPage.FILE)));
        assertTrue(Files.exists(out.resolve("charts/old-chart.svg")), "the previous report's files stay");
        assertNoStagingLeft();
        return thrown;
    }

    @Test
    void whenWritingFailsThePreviousReportStays() throws IOException {
        // A forest plot id naming a folder that does not exist: its SVG file cannot be written.
        UserError e = assertThePreviousReportStays(UserError.class, () -> write(out, report("no/such/folder", "family-io-sleep", "trend-t1")));
        assertTrue(e.getMessage().contains("could not write the report"), e.getMessage());
    }

    @Test
    void whenAStepAfterWritingFailsThePreviousReportStays() throws IOException {
        assertThePreviousReportStays(IllegalStateException.class, () -> {
            try (ReportWriter writer = ReportWriter.open(out)) {
                writer.write(report("new-chart", "family-io-sleep", "trend-t1"));
                throw new IllegalStateException("say, the history file cannot be appended to");
            }
        });
        assertFalse(Files.exists(out.resolve("charts/new-chart.svg")));
    }

    @Test
    void nothingIsWrittenBeforeReplace() throws IOException {
        try (ReportWriter writer = ReportWriter.open(out)) {
            writer.write(report("a", "b", "c"));
            assertFalse(Files.exists(out), "the target appears only when replaced");
            assertEquals(out.toAbsolutePath().resolve(HtmlPage.FILE), writer.replace());
        }
        assertTrue(Files.exists(out.resolve(HtmlPage.FILE)));
    }

    @Test
    void aFolderThatIsNotAReportIsNeverReplaced() throws IOException {
        Path mine = Files.createDirectories(dir.resolve("my-files"));
        Files.writeString(mine.resolve("notes.txt"), "keep me");
        UserError e = assertThrows(UserError.class, () -> ReportWriter.open(mine));
        assertTrue(e.getMessage().contains("not an earlier report"), e.getMessage());
        assertEquals(List.of("notes.txt"), names(mine));
        assertEquals(List.of("my-files"), names(dir), "no staging folder made");
    }

    @Test
    void aFileIsNotAFolder() throws IOException {
        Path file = Files.writeString(dir.resolve("report"), "keep me");
        UserError e = assertThrows(UserError.class, () -> ReportWriter.open(file));
        assertTrue(e.getMessage().contains("not a folder"), e.getMessage());
        assertEquals("keep me", Files.readString(file));
    }

    @Test
    void anEmptyFolderMayBeReplaced() throws IOException {
        Files.createDirectories(out);
        write(out, report("a", "b", "c"));
        assertTrue(Files.exists(out.resolve(HtmlPage.FILE)));
    }
}
