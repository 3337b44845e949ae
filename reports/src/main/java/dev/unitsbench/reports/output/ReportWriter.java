package dev.unitsbench.reports.output;

import dev.unitsbench.reports.charts.ChartImage;
import dev.unitsbench.reports.claims.ClaimOutcome;
import dev.unitsbench.reports.error.UserError;
import dev.unitsbench.reports.stats.AnalyzedResult;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a report and owns its folder's layout:
 *
 * <pre>
 * index.html                  the page ({@link HtmlPage})
 * charts/verdicts.svg         the forest plot of every comparison, as a stand-alone file (for a CI artifact
 *                             or a README); every other chart is inline in the page only
 * github-action-benchmark-smaller-is-better.json, github-action-benchmark-bigger-is-better.json,
 * bencher-metrics.json        the dashboards' files ({@link DashboardFiles})
 * summary.md                  the Markdown summary ({@link MarkdownSummary})
 * </pre>
 *
 * <p>The folder is replaced whole or not at all ({@link ReportFolder}): {@link #open} checks the
 * target and opens a staging folder beside it, {@link #write} fills it, {@link #replace} puts it
 * in place. Closing a writer that was not replaced deletes the staging folder and leaves the
 * previous report as it was, so the usual shape is:
 *
 * <pre>{@code
 * try (ReportWriter writer = ReportWriter.open(out)) {
 *     writer.write(report);
 *     ... anything else that must succeed for the new report to count ...
 *     writer.replace();
 * }
 * }</pre>
 */
public final class ReportWriter implements AutoCloseable {

    /** The folder of the SVG files, inside the report folder. */
    public static final String CHARTS = "charts";

    private final ReportFolder folder;
    private boolean replaced;

    private ReportWriter(ReportFolder folder) {
        this.folder = folder;
    }

    /**
     * Checks that {@code target} is new, empty or an earlier report, and can be written; call
     * it before the slow stages, so that a bad {@code --out} fails at once.
     */
    public static ReportWriter open(Path target) {
        return new ReportWriter(ReportFolder.prepare(target));
    }

    /** Writes every file of {@code report} into the staging folder; the target is not touched yet. */
    public void write(Report report) {
        Path dir = folder.staging();
        try {
            ChartImage verdicts = report.charts().verdicts();
            if (verdicts != null) {
                Path charts = Files.createDirectories(dir.resolve(CHARTS));
                writeFile(charts, verdicts.id() + ".svg", svgFile(verdicts));
            }
            List<AnalyzedResult> results = report.run().results();
            List<ClaimOutcome> claims = report.verdicts().claims();
            writeFile(dir, HtmlPage.FILE, HtmlPage.render(report));
            writeFile(dir, DashboardFiles.GITHUB_SMALLER, DashboardFiles.githubActionBenchmark(results, claims, false));
            writeFile(dir, DashboardFiles.GITHUB_BIGGER, DashboardFiles.githubActionBenchmark(results, claims, true));
            writeFile(dir, DashboardFiles.BENCHER, DashboardFiles.bencher(results, claims));
            writeFile(dir, MarkdownSummary.FILE, MarkdownSummary.render(report));
        } catch (IOException e) {
            throw new UserError("could not write the report into " + dir + " (" + e.getMessage() + "): check free disk space and permissions.", e);
        }
    }

    private static void writeFile(Path dir, String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    /** Puts the written report in place of the previous one, and returns the path of its page. */
    public Path replace() {
        folder.commit();
        replaced = true;
        return index();
    }

    /** Where the page is, or will be once replaced. */
    public Path index() {
        return folder.target().resolve(HtmlPage.FILE);
    }

    /** Without {@link #replace}: deletes the staging folder, and the previous report stays as it was. */
    @Override
    public void close() {
        if (!replaced) {
            folder.abandon();
        }
    }

    /**
     * A stand-alone SVG file needs the XML declaration the inline copy leaves out, and its links
     * to a claim lead to the page beside the folder.
     */
    static String svgFile(ChartImage chart) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + chart.svg().replace("href='#", "href='../" + HtmlPage.FILE + "#");
    }
}
