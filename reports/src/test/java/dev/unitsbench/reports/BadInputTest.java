package dev.unitsbench.reports;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every kind of bad input gives one line on stderr that names the problem and what to do,
 * exit status 2, and leaves the previous report exactly as it was.
 */
class BadInputTest {

    @TempDir
    Path dir;
    Path out;
    Path good;
    String previousIndex;
    FileTime previousTime;

    @BeforeEach
    void writeAPreviousReport() throws IOException {
        good = SyntheticResults.suite(1).writeTo(dir.resolve("good.json"));
        out = dir.resolve("report");
        ReportRun first = ReportRun.of(good.toString(), "--out", out.toString(), "--no-probe");
        assertEquals(0, first.exitCode(), first.err());
        previousIndex = Files.readString(out.resolve("index.html"));
        previousTime = Files.getLastModifiedTime(out.resolve("index.html"));
    }

    private void assertRejected(ReportRun run, String... words) throws IOException {
        assertEquals(Main.EXIT_BAD_INPUT, run.exitCode(), run.err());
        String err = run.err().strip();
        assertEquals(1, err.lines().count(), "one line on stderr, got: " + err);
        assertTrue(err.startsWith("reports: "), err);
        for (String word : words) {
            assertTrue(err.contains(word), "'" + word + "' in: " + err);
        }
        assertEquals(previousIndex, Files.readString(out.resolve("index.html")), "previous report untouched");
        assertEquals(previousTime, Files.getLastModifiedTime(out.resolve("index.html")));
        try (Stream<Path> siblings = Files.list(dir)) {
            assertTrue(siblings.noneMatch(p -> p.getFileName().toString().startsWith(".report.")), "no staging folder left behind");
        }
    }

    private ReportRun runOn(String content) throws IOException {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, content);
        return ReportRun.of(bad.toString(), "--out", out.toString(), "--no-probe");
    }

    @Test
    void missingFile() throws IOException {
        assertRejected(ReportRun.of(dir.resolve("nope.json").toString(), "--out", out.toString()),
                "does not exist", "mvn verify -Pbench");
    }

    @Test
    void emptyFile() throws IOException {
        assertRejected(runOn(""), "is empty", "run the benchmarks again");
    }

    @Test
    void truncatedFile() throws IOException {
        String whole = Files.readString(good);
        assertRejected(runOn(whole.substring(0, whole.length() / 2)), "truncated", "run the benchmarks again");
    }

    @Test
    void jsonOfAnotherShape() throws IOException {
        assertRejected(runOn("{\"benchmarks\": []}"), "not a JMH result file", "-rf json");
        assertRejected(runOn("[{\"name\": \"x\", \"value\": 1}]"), "not a JMH result file", "\"benchmark\"");
        assertRejected(runOn("[]"), "empty list");
    }

    @Test
    void nanScore() throws IOException {
        String nan = Files.readString(good).replaceFirst("\"score\" : [0-9.E-]+", "\"score\" : \"NaN\"");
        assertTrue(nan.contains("\"NaN\""));
        assertRejected(runOn(nan), "score NaN", "JMH log");
    }

    @Test
    void nanInRawData() throws IOException {
        String nan = Files.readString(good).replaceFirst("\"rawData\" : \\[ \\[ [0-9.E-]+", "\"rawData\" : [ [ \"NaN\"");
        assertTrue(nan.contains("\"NaN\""));
        assertRejected(runOn(nan), "NaN", "raw data");
    }

    @Test
    void outputFolderThatIsAFile() throws IOException {
        Path file = dir.resolve("file.txt");
        Files.writeString(file, "keep me");
        assertRejected(ReportRun.of(good.toString(), "--out", file.toString()), "not a folder", "--out");
        assertEquals("keep me", Files.readString(file));
    }

    @Test
    void outputFolderThatCannotBeCreated() throws IOException {
        Path file = dir.resolve("file.txt");
        Files.writeString(file, "keep me");
        assertRejected(ReportRun.of(good.toString(), "--out", file.resolve("report").toString()), "cannot be created", "--out");
    }

    @Test
    void outputFolderThatIsNotAReportIsNeverReplaced() throws IOException {
        Path other = Files.createDirectories(dir.resolve("my-files"));
        Files.writeString(other.resolve("notes.txt"), "keep me");
        assertRejected(ReportRun.of(good.toString(), "--out", other.toString()), "not an earlier report");
        assertEquals("keep me", Files.readString(other.resolve("notes.txt")));
    }

    @Test
    void badBaselineAndBadOptions() throws IOException {
        assertRejected(ReportRun.of(good.toString(), "--out", out.toString(), "--baseline", dir.resolve("old.json").toString()),
                "baseline file", "does not exist");
        assertRejected(ReportRun.of(good.toString(), "--out", out.toString(), "--alpha", "2"), "--alpha");
        assertRejected(ReportRun.of(good.toString(), "--out", out.toString(), "--fail-on-regression", "5"), "--baseline");
        assertRejected(ReportRun.of(good.toString(), "--out", out.toString(), "--frobnicate"), "unknown option");
        assertRejected(ReportRun.of("--out", out.toString()), "no result file");
    }

    @Test
    void aCatalogWithAMalformedClaimedEffectIsRejected() throws IOException {
        String comparison = "{\"label\": \"c\", \"benchmarks\": [\"a.B.c\"], \"faster\": {\"params\": {\"m\": \"A\"}}, "
                + "\"slower\": {\"params\": {\"m\": \"B\"}}, %s}";
        String claim = "{\"claims\": [{\"id\": \"X1\", \"title\": \"t\", \"sentence\": \"s\", \"comparisons\": [" + comparison + "]}]}";
        Path catalog = dir.resolve("catalog.json");
        Files.writeString(catalog, String.format(claim, "\"claimed\": {\"min\": 100, \"max\": 10, \"text\": \"x\"}"));
        assertRejected(ReportRun.of(good.toString(), "--out", out.toString(), "--no-probe", "--catalog", catalog.toString()),
                "claimed", "below its min");
        Files.writeString(catalog, String.format(claim, "\"claimed\": {\"max\": 10}"));
        assertRejected(ReportRun.of(good.toString(), "--out", out.toString(), "--no-probe", "--catalog", catalog.toString()),
                "\"claimed\" that is not");
        Files.writeString(catalog, String.format(claim, "\"decide\": \"claimed\""));
        assertRejected(ReportRun.of(good.toString(), "--out", out.toString(), "--no-probe", "--catalog", catalog.toString()),
                "no \"claimed\" range");
    }
}
