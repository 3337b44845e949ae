package dev.unitsbench.reports;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A real browser opens the report from disk, offline: headless Chromium dumps the DOM it
 * rendered, which must hold every chart as an inline SVG and the whole claims table.
 * Skipped, with a message saying how to install it, only where no Chromium binary exists.
 */
class BrowserTest {

    private static final List<String> CANDIDATES = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome");

    @TempDir
    Path dir;

    @Test
    void chromiumRendersEveryChartAndTheClaimsTable() throws Exception {
        String chromium = CANDIDATES.stream().filter(p -> Files.isExecutable(Path.of(p))).findFirst().orElse(null);
        assumeTrue(chromium != null, "SKIPPED: no Chromium binary at " + CANDIDATES
                + "; install it with 'apt-get install -y chromium' to run the browser test");

        Path file = dir.resolve("suite.json");
        SyntheticResults.suite(11).writeTo(file);
        // -Dreports.keepReport=DIR keeps the report the browser saw, to look at it by hand.
        Path out = System.getProperty("reports.keepReport") == null ? dir.resolve("report") : Path.of(System.getProperty("reports.keepReport"));
        ReportRun run = ReportRun.of(file.toString(), "--out", out.toString(), "--no-probe");
        assertEquals(0, run.exitCode(), run.err());

        String dom = dumpDom(chromium, out.resolve("index.html"));
        List<String> chartFiles;
        try (Stream<Path> files = Files.list(out.resolve("charts"))) {
            chartFiles = files.map(p -> p.getFileName().toString().replace(".svg", "")).sorted().toList();
        }
        assertTrue(chartFiles.size() >= 8, "charts drawn: " + chartFiles);
        for (String id : chartFiles) {
            Matcher figure = Pattern.compile("<figure class=\"chart\" id=\"" + Pattern.quote(id) + "\">\\s*<svg").matcher(dom);
            assertTrue(figure.find(), "chart " + id + " rendered as an inline SVG in the DOM");
        }
        assertEquals(chartFiles.size(), count(dom, "<figure class=\"chart\""));
        assertTrue(dom.contains("<table class=\"claims-table\">"), "claims table present");
        for (String id : List.of("T1", "T2", "T3", "T4", "Q1", "Q2", "Q3", "Q4", "Q5", "Q6", "Q7", "Q8", "Q9", "Q10", "Q11", "Q12")) {
            assertTrue(dom.contains("<tr id=\"row-" + id + "\">"), "claims table row " + id);
        }
        assertTrue(dom.contains("class=\"verdict holds\">holds</span>"));
        assertTrue(dom.contains("not measured in this run"));
    }

    private String dumpDom(String chromium, Path page) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(dir, "chromium-profile");
        Path dom = dir.resolve("dom.html");
        Process process = new ProcessBuilder(chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--dump-dom", page.toUri().toString())
                .redirectOutput(dom.toFile())
                .redirectError(dir.resolve("chromium.log").toFile())
                .start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("chromium did not finish in 120 s");
        }
        assertEquals(0, process.exitValue(), Files.readString(dir.resolve("chromium.log")));
        return Files.readString(dom, StandardCharsets.UTF_8);
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
