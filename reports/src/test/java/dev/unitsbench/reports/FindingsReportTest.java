package dev.unitsbench.reports;

import dev.unitsbench.reports.claims.Claim;
import dev.unitsbench.reports.claims.ClaimCatalog;
import dev.unitsbench.reports.claims.ClaimEvaluator;
import dev.unitsbench.reports.claims.ClaimOutcome;
import dev.unitsbench.reports.claims.Verdict;
import dev.unitsbench.reports.findings.Findings;
import org.junit.jupiter.api.BeforeEach;
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

/** Q11's verdict comes from a JUnit test's finding file (--findings), and never says "holds" without one. */
class FindingsReportTest {

    private static final String TEST = "dev.unitsbench.model.ProcessSemanticsTest#killedChildsFileLockIsReleased";

    @TempDir
    Path dir;
    Path result;

    @BeforeEach
    void resultFile() throws IOException {
        result = dir.resolve("result.json");
        new SyntheticResults().add("a.B.c", "avgt", "ms/op", params("model", "PROCESS"), 1, 2, 3).writeTo(result);
    }

    private static Claim q11() {
        return ClaimCatalog.builtIn().stream().filter(c -> c.id().equals("Q11")).findFirst().orElseThrow();
    }

    private Path finding(String name, String json) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("findings"));
        Files.writeString(folder.resolve(name), json);
        return folder;
    }

    private static String finding(Object tutorialHolds) {
        return "{\"claim\":\"Q11\",\"test\":\"" + TEST + "\",\"statement\":\"The kernel released the <lock> of a child killed with SIGKILL at once.\","
                + "\"tutorialHolds\":" + tutorialHolds + ",\"observedAt\":\"2026-11-23T13:05:00Z\",\"jdk\":\"25.0.3\"}";
    }

    @Test
    void aFindingDecidesTheClaimAndTheVerdictFlipsWithIt() throws IOException {
        Path folder = finding("Q11-lock.json", finding(false));
        ClaimOutcome reversed = new ClaimEvaluator(0.05).evaluate(q11(), List.of(), Findings.read(folder));
        assertEquals(Verdict.REVERSED, reversed.verdict());
        assertEquals("JUnit test " + TEST, reversed.comparisons().stream().filter(c -> c.kind() == dev.unitsbench.reports.claims.ComparisonOutcome.Kind.FINDING).findFirst().orElseThrow().label());
        assertTrue(reversed.comparisons().stream().filter(c -> c.kind() == dev.unitsbench.reports.claims.ComparisonOutcome.Kind.FINDING).findFirst().orElseThrow().observed().contains("SIGKILL at once. (observed 2026-11-23T13:05:00Z, JDK 25.0.3)"));

        finding("Q11-lock.json", finding(true));
        assertEquals(Verdict.HOLDS, new ClaimEvaluator(0.05).evaluate(q11(), List.of(), Findings.read(folder)).verdict());
        finding("Q11-lock.json", finding(null));
        assertEquals(Verdict.NO_VERDICT, new ClaimEvaluator(0.05).evaluate(q11(), List.of(), Findings.read(folder)).verdict());

        Path out = dir.resolve("report");
        finding("Q11-lock.json", finding(false));
        ReportRun run = ReportRun.of(result.toString(), "--out", out.toString(), "--no-probe", "--findings", folder.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("Q11: reversed"), run.out());
        String html = Files.readString(out.resolve("index.html"));
        String row = html.substring(html.indexOf("<tr id=\"row-Q11\">"), html.indexOf("</tr>", html.indexOf("<tr id=\"row-Q11\">")));
        assertTrue(row.contains("JUnit test " + TEST) && row.contains("the &lt;lock&gt; of a child"), row);
        assertTrue(row.contains("class=\"verdict reversed\">reversed<"), row);
    }

    @Test
    void withoutFindingsTheClaimIsNotCheckedNeverHolds() throws IOException {
        Path out = dir.resolve("report");
        ReportRun none = ReportRun.of(result.toString(), "--out", out.toString(), "--no-probe");
        assertTrue(none.out().contains("Q11: not checked in this run"), none.out());
        String html = Files.readString(out.resolve("index.html"));
        String row = html.substring(html.indexOf("<tr id=\"row-Q11\">"), html.indexOf("</tr>", html.indexOf("<tr id=\"row-Q11\">")));
        assertTrue(row.contains("no --findings folder was given"), row);
        assertFalse(row.contains(">holds<"), row);

        ReportRun missingFolder = ReportRun.of(result.toString(), "--out", out.toString(), "--no-probe",
                "--findings", dir.resolve("nowhere").toString());
        assertEquals(0, missingFolder.exitCode(), missingFolder.err());
        assertTrue(missingFolder.out().contains("Q11: not checked in this run"));
        assertTrue(Files.readString(out.resolve("index.html")).contains("does not exist (were the tests skipped?)"));

        Path empty = Files.createDirectories(dir.resolve("empty"));
        ReportRun noFile = ReportRun.of(result.toString(), "--out", out.toString(), "--no-probe", "--findings", empty.toString());
        assertTrue(noFile.out().contains("Q11: not checked in this run"));
        assertTrue(Files.readString(out.resolve("summary.md")).contains("there is no finding file for it in"));
    }

    @Test
    void aMalformedFindingIsAOneLineWarningAndTheRowSaysSo() throws IOException {
        Path folder = finding("Q11-lock.json", "{\"claim\":\"Q11\",\"test\":");
        finding("Q12-other.json", "{\"claim\":\"Q12\",\"test\":\"x.YTest#z\",\"statement\":\"s\"}");
        Path out = dir.resolve("report");
        ReportRun run = ReportRun.of(result.toString(), "--out", out.toString(), "--no-probe", "--findings", folder.toString());
        assertEquals(0, run.exitCode(), run.err());
        List<String> warnings = run.err().lines().filter(l -> l.startsWith("reports: warning: finding file")).toList();
        assertEquals(2, warnings.size(), run.err());
        assertTrue(warnings.get(0).contains("Q11-lock.json") && warnings.get(0).contains("not valid JSON"), warnings.get(0));
        assertTrue(warnings.get(1).contains("Q12-other.json") && warnings.get(1).contains("tutorialHolds"), warnings.get(1));
        assertTrue(run.out().contains("Q11: not checked in this run"), run.out());
        String html = Files.readString(out.resolve("index.html"));
        String row = html.substring(html.indexOf("<tr id=\"row-Q11\">"), html.indexOf("</tr>", html.indexOf("<tr id=\"row-Q11\">")));
        assertTrue(row.contains("Q11-lock.json is malformed"), row);
        assertTrue(html.contains("Warnings about this report"));
    }
}
