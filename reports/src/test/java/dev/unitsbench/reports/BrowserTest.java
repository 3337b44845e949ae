package dev.unitsbench.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A real browser opens the report from disk, offline, as a reader meets it: headless Chromium
 * at 1400 x 900 pixels. What it rendered is read back without DevTools: a copy of the page
 * with a small script at its end writes the positions and styles it measured into the DOM,
 * which {@code --dump-dom} prints; console messages come from {@code --enable-logging=stderr},
 * where the script's own marker line proves they are captured. Skipped, with a message saying
 * how to install it, only where no Chromium binary exists.
 */
class BrowserTest {

    private static final List<String> CANDIDATES = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome");
    private static final int WIDTH = 1400;
    private static final int HEIGHT = 900;
    /** A4 at 96 dpi, less the margins: the width a printed page lays out at. */
    private static final int PAPER_WIDTH = 700;
    private static final String MARKER = "report-probe-ran";
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Measures the page as laid out and writes it into a {@code <pre id="probe">}: the first
     * screen's tables and plot, the widest chart, how far the page reaches sideways (no
     * horizontal scrolling is wanted), the navigation's display, and any element with a
     * background (none is wanted on paper).
     */
    private static final String PROBE = """
            <script>
            (function () {
              function box(selector) {
                var e = document.querySelector(selector);
                if (!e) { return null; }
                var r = e.getBoundingClientRect();
                return {top: r.top, bottom: r.bottom, right: r.right};
              }
              var out = {viewport: window.innerWidth, glance: box('table.glance'), verdicts: box('#verdicts'),
                         nav: getComputedStyle(document.querySelector('nav')).display, widestChart: 0, backgrounds: [],
                         pageWidth: document.documentElement.scrollWidth, visibleWidth: document.documentElement.clientWidth};
              document.querySelectorAll('figure.chart svg').forEach(function (s) {
                out.widestChart = Math.max(out.widestChart, s.getBoundingClientRect().right);
              });
              document.querySelectorAll('body *').forEach(function (e) {
                var b = getComputedStyle(e).backgroundColor;
                if (b !== 'rgba(0, 0, 0, 0)' && out.backgrounds.length < 5) { out.backgrounds.push(e.tagName + '.' + e.className + ' ' + b); }
              });
              console.log('%s');
              var pre = document.createElement('pre');
              pre.id = 'probe';
              pre.textContent = JSON.stringify(out);
              document.body.appendChild(pre);
            })();
            </script>
            """.formatted(MARKER);

    @TempDir
    Path dir;
    String chromium;
    Path out;

    @BeforeEach
    void report() throws IOException {
        chromium = CANDIDATES.stream().filter(p -> Files.isExecutable(Path.of(p))).findFirst().orElse(null);
        assumeTrue(chromium != null, "SKIPPED: no Chromium binary at " + CANDIDATES
                + "; install it with 'apt-get install -y chromium' to run the browser test");
        Path file = SyntheticResults.suite(11).writeTo(dir.resolve("suite.json"));
        // -Dreports.keepReport=DIR keeps the report the browser saw, to look at it by hand.
        out = System.getProperty("reports.keepReport") == null ? dir.resolve("report") : Path.of(System.getProperty("reports.keepReport"));
        ReportRun run = ReportRun.of(file.toString(), "--out", out.toString(), "--no-probe");
        assertEquals(0, run.exitCode(), run.err());
    }

    @Test
    void theFirstScreenShowsTheClaimsAndThePlotAndThePageLoadsCleanly() throws Exception {
        Browser page = open(probe("probe.html", false), WIDTH, "--dump-dom");
        List<String> console = page.log().lines().filter(l -> l.contains(":CONSOLE")).toList();
        assertTrue(console.stream().anyMatch(l -> l.contains(MARKER)), "the probe's console line is captured: " + page.log());
        assertEquals(List.of(), console.stream().filter(l -> !l.contains(MARKER)).toList(), "no console message from the page");

        JsonNode probe = probe(page.dom());
        assertEquals(WIDTH, probe.get("viewport").asInt());
        assertTrue(probe.get("glance").get("top").asDouble() < HEIGHT / 2.0, "claims table starts high on the first screen: " + probe);
        assertTrue(probe.get("glance").get("bottom").asDouble() <= HEIGHT, "the whole claims table is on the first screen: " + probe);
        // The claims table carries each claim's lesson line (two or three lines a claim), so the forest
        // plot, which repeats its rows one by one, begins on the first screen and continues below it.
        assertTrue(probe.get("verdicts").get("top").asDouble() + 40 <= HEIGHT,
                "the forest plot's title is on the first screen: " + probe);
        assertTrue(probe.get("pageWidth").asInt() <= probe.get("visibleWidth").asInt(),
                "nothing makes the page scroll sideways: " + probe);
    }

    @Test
    void everyInternalLinkHasItsTargetAndEveryChartIsInlineWithRealText() throws Exception {
        String dom = open(out.resolve("index.html"), WIDTH, "--dump-dom").dom();
        Set<String> ids = new HashSet<>(all(dom, "\\bid=\"([^\"]+)\""));
        List<String> links = all(dom, "\\bhref=\"#([^\"]+)\"");
        assertTrue(links.contains("claim-T1"), "the claims link to their details");
        assertTrue(links.stream().filter(l -> l.startsWith("claim-")).count() > 16, "the forest plot's rows link too");
        List<String> broken = links.stream().filter(l -> !ids.contains(l)).distinct().toList();
        assertEquals(List.of(), broken, "internal links without a target");
        List<String> duplicated = new ArrayList<>(all(dom, "\\bid=\"([^\"]+)\""));
        ids.forEach(duplicated::remove);
        assertEquals(List.of(), duplicated, "ids used twice in the page (SVG ids collide when inlined)");

        int figures = all(dom, "<figure class=\"chart[^\"]*\" id=\"([^\"]+)\">\\s*<svg").size();
        assertTrue(figures >= 8, "charts rendered as inline SVG: " + figures);
        assertTrue(dom.contains(">Every comparison at a glance.</b>"), "the forest plot's caption");
        assertTrue(Pattern.compile("<text[^>]*>T1: [^<]+</text>").matcher(dom).find(), "the forest plot's labels are text");
        assertTrue(dom.contains("<table class=\"claims-table\">"), "claims table present");
        for (String id : List.of("T1", "T2", "T3", "T4", "Q1", "Q2", "Q3", "Q4", "Q5", "Q6", "Q7", "Q8", "Q9", "Q10", "Q11", "Q12")) {
            assertTrue(dom.contains("<tr id=\"glance-" + id + "\">"), "claims at a glance, row " + id);
            assertTrue(dom.contains("<tr id=\"row-" + id + "\">"), "claims in figures, row " + id);
        }
        assertTrue(dom.contains("class=\"verdict holds\">holds</span>"));
        assertTrue(dom.contains("not measured in this run"));
    }

    @Test
    void aScreenshotOfTheFirstScreenIsTaken() throws Exception {
        Path png = dir.resolve("first-screen.png");
        open(out.resolve("index.html"), WIDTH, "--screenshot=" + png, "--hide-scrollbars");
        byte[] bytes = Files.readAllBytes(png);
        assertTrue(bytes.length > 10_000, "a screenshot with content: " + bytes.length + " bytes");
        assertArrayEquals(new byte[]{(byte) 0x89, 'P', 'N', 'G'}, java.util.Arrays.copyOf(bytes, 4));
    }

    @Test
    void thePrintStylesheetGivesAPaperCopyWithoutBackgroundsAndWithChartsInsideThePage() throws Exception {
        // The print rules applied on screen, at a printed page's width: what paper would show.
        JsonNode probe = probe(open(probe("print.html", true), PAPER_WIDTH, "--dump-dom").dom());
        assertEquals("none", probe.get("nav").asText(), "no navigation on paper");
        assertEquals(List.of(), JSON.convertValue(probe.get("backgrounds"), List.class), "no backgrounds on paper");
        assertTrue(probe.get("widestChart").asDouble() <= PAPER_WIDTH, "every chart fits the page width: " + probe);
    }

    /** A copy of the page beside it (so relative links work) with the probe; {@code print}: its print rules applied on screen. */
    private Path probe(String name, boolean print) throws IOException {
        String html = Files.readString(out.resolve("index.html"), StandardCharsets.UTF_8);
        if (print) {
            assertTrue(html.contains("@media print {"), "the page has a print stylesheet");
            html = html.replace("@media print {", "@media all {");
        }
        return Files.writeString(out.resolve(name), html.replace("</body>", PROBE + "</body>"), StandardCharsets.UTF_8);
    }

    private static JsonNode probe(String dom) throws IOException {
        Matcher m = Pattern.compile("<pre id=\"probe\">(.*?)</pre>", Pattern.DOTALL).matcher(dom);
        assertTrue(m.find(), "the probe ran and wrote its measurements");
        return JSON.readTree(m.group(1).replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&"));
    }

    private static List<String> all(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        List<String> found = new ArrayList<>();
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    /** What Chromium printed: the DOM on stdout (with {@code --dump-dom}), its log on stderr. */
    private record Browser(String dom, String log) {
    }

    private Browser open(Path page, int width, String... action) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(dir, "chromium-profile");
        Path stdout = Files.createTempFile(dir, "chromium", ".out");
        Path stderr = Files.createTempFile(dir, "chromium", ".log");
        List<String> command = new ArrayList<>(List.of(chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--enable-logging=stderr", "--v=0", "--window-size=" + width + "," + HEIGHT, "--user-data-dir=" + profile));
        command.addAll(List.of(action));
        command.add(page.toUri().toString());
        Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("chromium did not finish in 120 s");
        }
        String log = Files.readString(stderr);
        assertEquals(0, process.exitValue(), log);
        return new Browser(Files.readString(stdout, StandardCharsets.UTF_8), log);
    }
}
