package dev.unitsbench.reports.output;

import dev.unitsbench.reports.charts.ChartImage;
import dev.unitsbench.reports.charts.VerdictPlot;
import dev.unitsbench.reports.claims.VerdictRules;
import dev.unitsbench.reports.format.Numbers;
import dev.unitsbench.reports.history.History;
import dev.unitsbench.reports.read.MachineFingerprint;
import dev.unitsbench.reports.read.RunMetadata;
import dev.unitsbench.reports.stats.Confidence;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything {@code index.html.mustache} shows, as text ready to print: jmustache reads these
 * records by their accessors and escapes every value but the charts' SVG. Text is empty, a
 * list empty and a section null where the page has nothing to show.
 *
 * @param smokeRun    why no result gets a verdict, when none is eligible; empty otherwise
 * @param multiRun    several result files, one column each
 * @param runResults  with several files: every result as a row with a cell per run
 * @param coverage    with several files: how many later means fall inside the first run's interval, per run
 * @param flipped     comparisons that hold in one run and are reversed in another
 * @param trends      the history's runs and trend charts; null without {@code --history}
 * @param baseline    the comparison with {@code --baseline}; null without it
 * @param missing     runs named with {@code --missing}: expected, but without results
 * @param machineColumns with several files: the runs' labels, then the missing ones', as the machine table's columns
 * @param machines    with several files: one row per fact of the runs' fingerprints, a cell per column
 * @param verdictChart the forest plot of every comparison, under the claims table; null when there is none
 * @param noVerdictChart why there is no forest plot; empty when there is one
 * @param coroutines  virtual threads beside CPython asyncio; null without {@code --python}
 */
public record PageView(String resultFile, int resultCount, String alpha, String ratioLevel, List<Fact> metadata,
                       List<ClaimView> claims, List<LegendEntry> verdicts, List<String> method, String smokeRun,
                       List<String> warnings, boolean hasWarnings, boolean multiRun, List<String> runLabels,
                       List<ComparedFile> compared, int runCount, String mainRunLabel, List<RunRowView> runResults,
                       List<String> coverage, List<String> flipped, boolean hasFlipped, int withoutInterval,
                       List<ReproducibilityRow> reproducibility, List<FamilyView> families, Trends trends,
                       List<ResultRowView> results, BaselineView baseline, List<FileLink> files,
                       ChartView verdictChart, String noVerdictChart,
                       List<String> missing, boolean hasMissing, List<String> machineColumns, List<MachineRow> machines,
                       CoroutinesView coroutines) {

    /** What a run without a fingerprint shows, and what a missing run shows. */
    static final String NO_FINGERPRINT = "unknown: no " + MachineFingerprint.FILE;
    static final String MISSING = "missing: no results";

    /** One fact of the runs' machines (CPU, cores, ..., GC, quick or full), a cell per run. */
    public record MachineRow(String name, List<String> cells) {
    }

    /** A fact about the run and where it comes from; {@code unknown} when it could not be found out. */
    public record Fact(String name, String value, String source, boolean unknown) {
    }

    /** One word of the verdict legend and its rule. */
    public record LegendEntry(String scope, String label, String meaning, String css) {
    }

    /** One of several result files; {@code machine} its fingerprint in one line. */
    public record ComparedFile(String label, String file, int count, String machine) {
    }

    /** Whether a later run's mean lies inside the first run's interval; {@code css} styles inside/outside. */
    public record ReproducibilityRow(String run, String benchmark, String metric, String first, String later,
                                     String inside, String css) {
    }

    /** "Trends over runs". */
    public record Trends(String file, int count, List<ChartView> charts, boolean hasCharts, List<HistoryRun> runs) {
    }

    /** A run of the history; {@code current} for this report's. */
    public record HistoryRun(int number, String commit, String date, String jdk, String machine, int count, boolean current) {
    }

    /** A file written beside the page. */
    public record FileLink(String name, String what) {
    }

    public static PageView of(Report report) {
        Report.Run run = report.run();
        double alpha = report.verdicts().alpha();
        List<ComparedRun> compared = report.compared().runs();
        List<String> missing = report.compared().missing();
        boolean multiRun = report.compared().several();
        Reproducibility reproducibility = multiRun ? Reproducibility.of(compared) : null;
        CoroutinesView coroutines = CoroutinesView.of(report.verdicts().python(), run.results(), run.metadata(), Confidence.LEVEL);
        return new PageView(Numbers.inputName(run.file()), run.results().size(), String.valueOf(alpha),
                Numbers.percent(1 - alpha),
                run.metadata().stream().map(PageView::fact).toList(),
                claims(report, coroutines),
                VerdictRules.legend(alpha).stream().map(r -> new LegendEntry(r.scope(), r.verdict().label(), r.rule(),
                        r.verdict().cssClass())).toList(),
                VerdictRules.method(alpha),
                report.smokeRun() ? VerdictRules.SMOKE_RUN_DETAIL : "",
                report.warnings(), !report.warnings().isEmpty(),
                multiRun, compared.stream().map(ComparedRun::label).toList(),
                compared.stream().map(r -> new ComparedFile(r.label(), Numbers.inputName(r.file()), r.results().size(),
                        r.machine() == null ? NO_FINGERPRINT : r.machine().line())).toList(),
                compared.size(), multiRun ? compared.get(0).label() : "",
                multiRun ? RunRowView.of(compared, null) : List.of(),
                multiRun ? reproducibility.coverage().stream().map(Reproducibility.Coverage::line).toList() : List.of(),
                multiRun ? reproducibility.flipped() : List.of(), multiRun && !reproducibility.flipped().isEmpty(),
                multiRun ? reproducibility.withoutInterval() : 0,
                multiRun ? reproducibility.rows().stream().map(PageView::reproducibilityRow).toList() : List.of(),
                run.families().stream().map(f -> FamilyView.of(f, report.charts().families().getOrDefault(f.name(), List.of()), compared))
                        .toList(),
                report.history() == null ? null : trends(report.history(), report.charts().trends()),
                run.results().stream().map(ResultRowView::of).toList(),
                report.baseline() == null ? null : BaselineView.of(report.baseline()),
                files(report),
                report.charts().verdicts() == null ? null : ChartView.of(report.charts().verdicts()), noVerdictChart(report),
                missing, !missing.isEmpty(),
                multiRun ? java.util.stream.Stream.concat(compared.stream().map(ComparedRun::label), missing.stream()).toList() : List.of(),
                multiRun ? machineRows(compared, missing.size()) : List.of(),
                coroutines);
    }

    /** Each claim with its charts, its CPython cross-check, its verdict per run and its coroutine pairs. */
    private static List<ClaimView> claims(Report report, CoroutinesView coroutines) {
        return report.verdicts().claims().stream()
                .map(c -> ClaimView.of(c, report.charts().claims().getOrDefault(c.claim().id(), List.of()), report.verdicts().python(),
                        report.compared().runs(), coroutines == null ? null : coroutines.of(c.claim().id())))
                .toList();
    }

    /** The runs' fingerprints as rows of facts; a run without one says so, a missing run says it has no results. */
    static List<MachineRow> machineRows(List<ComparedRun> runs, int missing) {
        List<String> names = List.copyOf(runs.stream().filter(r -> r.machine() != null).findFirst()
                .map(r -> r.machine().facts().keySet()).orElse(java.util.Set.of("Machine")));
        List<MachineRow> rows = new ArrayList<>();
        for (String name : names) {
            List<String> cells = new ArrayList<>();
            for (ComparedRun run : runs) {
                cells.add(run.machine() == null ? NO_FINGERPRINT : run.machine().facts().get(name));
            }
            for (int i = 0; i < missing; i++) {
                cells.add(MISSING);
            }
            rows.add(new MachineRow(name, List.copyOf(cells)));
        }
        return List.copyOf(rows);
    }

    /** The files written beside the page; the forest plot's only when there is one. */
    private static List<FileLink> files(Report report) {
        List<FileLink> files = new ArrayList<>(List.of(
                new FileLink(DashboardFiles.GITHUB_SMALLER, "github-action-benchmark, tool customSmallerIsBetter: every time-mode result,"
                        + " and the smaller-is-better secondary metrics the claims use"),
                new FileLink(DashboardFiles.GITHUB_BIGGER, "github-action-benchmark, tool customBiggerIsBetter: every throughput result,"
                        + " and the bigger-is-better secondary metrics the claims use"),
                new FileLink(DashboardFiles.BENCHER, "Bencher Metric Format (bencher run --adapter json): one benchmark per name and params,"
                        + " with the secondary metrics the claims use as measures"),
                new FileLink(MarkdownSummary.FILE, "Markdown summary for a CI job summary")));
        if (report.charts().verdicts() != null) {
            files.add(new FileLink(ReportWriter.CHARTS + "/" + VerdictPlot.ID + ".svg",
                    "the forest plot of every comparison as an SVG file (every other chart is in this page only)"));
        }
        return List.copyOf(files);
    }

    /** Why the page has no forest plot: a smoke run has no verdicts, and checks and findings have no ratio. */
    private static String noVerdictChart(Report report) {
        if (report.charts().verdicts() != null) {
            return "";
        }
        return report.smokeRun() ? "No plot of the comparisons: this smoke run gives no verdict, so there is nothing to plot."
                : "No plot of the comparisons: no comparison in this result file has both sides measured.";
    }

    private static Fact fact(RunMetadata.Fact f) {
        return new Fact(f.name(), f.value(), f.source(), f.value().equals("unknown"));
    }

    private static ReproducibilityRow reproducibilityRow(Reproducibility.Row row) {
        return new ReproducibilityRow(row.run(), row.benchmark(), row.metric(),
                Numbers.mean(row.first()) + " (" + Numbers.interval(row.first()) + ")", Numbers.mean(row.later()),
                row.inside() ? "inside" : "outside", row.inside() ? "holds" : "reversed");
    }

    private static Trends trends(Report.HistoryRuns history, List<ChartImage> charts) {
        List<History.Run> runs = history.runs();
        List<HistoryRun> rows = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            History.Run run = runs.get(i);
            rows.add(new HistoryRun(i + 1, run.commit(), run.date(), run.jdk(), run.machine(), run.benchmarks().size(), i == runs.size() - 1));
        }
        return new Trends(Numbers.inputName(history.file()), runs.size(), charts.stream().map(ChartView::of).toList(),
                !charts.isEmpty(), List.copyOf(rows));
    }
}
