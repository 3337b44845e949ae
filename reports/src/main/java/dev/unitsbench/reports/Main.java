package dev.unitsbench.reports;

import dev.unitsbench.reports.baseline.BaselineComparison;
import dev.unitsbench.reports.charts.ChartImage;
import dev.unitsbench.reports.charts.ReportCharts;
import dev.unitsbench.reports.claims.Claim;
import dev.unitsbench.reports.claims.ClaimCatalog;
import dev.unitsbench.reports.claims.ClaimEvaluator;
import dev.unitsbench.reports.claims.ClaimOutcome;
import dev.unitsbench.reports.crosscheck.PythonCrossCheck;
import dev.unitsbench.reports.findings.Findings;
import dev.unitsbench.reports.history.History;
import dev.unitsbench.reports.output.ComparedRun;
import dev.unitsbench.reports.output.DashboardFiles;
import dev.unitsbench.reports.output.HtmlPage;
import dev.unitsbench.reports.output.MarkdownSummary;
import dev.unitsbench.reports.output.Numbers;
import dev.unitsbench.reports.output.Report;
import dev.unitsbench.reports.output.ReportFolder;
import dev.unitsbench.reports.output.Reproducibility;
import dev.unitsbench.reports.read.BenchmarkResult;
import dev.unitsbench.reports.read.JmhResultReader;
import dev.unitsbench.reports.read.RunMetadata;
import dev.unitsbench.reports.stats.AnalyzedResult;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The reporter's pipeline, one stage per package and nothing flowing back:
 * read (JMH JSON) → stats (estimates) → claims and baseline (verdicts) → charts (SVG) →
 * output (HTML, dashboards, Markdown, written into a staging folder and moved into place).
 */
public final class Main {

    public static final int EXIT_OK = 0;
    public static final int EXIT_INTERNAL_ERROR = 1;
    public static final int EXIT_BAD_INPUT = 2;
    public static final int EXIT_REGRESSION = 3;

    private Main() {
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        System.exit(run(List.of(args), System.out, System.err, System.getenv()));
    }

    /** Runs the reporter and returns its exit status; tests call this instead of {@link #main}. */
    public static int run(List<String> args, PrintStream out, PrintStream err, Map<String, String> environment) {
        try {
            Options options = Options.parse(args);
            if (options.help()) {
                out.print(Options.HELP);
                return EXIT_OK;
            }
            return report(options, out, err, environment);
        } catch (UserError e) {
            err.println("reports: " + e.getMessage());
            return EXIT_BAD_INPUT;
        } catch (RuntimeException | Error e) {
            err.println("reports: internal error, please report it: " + e);
            e.printStackTrace(err);
            return EXIT_INTERNAL_ERROR;
        }
    }

    private static int report(Options options, PrintStream out, PrintStream err, Map<String, String> environment) {
        JmhResultReader reader = new JmhResultReader();
        List<List<BenchmarkResult>> parsed = new ArrayList<>();
        for (Path file : options.results()) {
            parsed.add(reader.read(file, "result file"));
        }
        List<BenchmarkResult> results = parsed.get(0);
        List<BenchmarkResult> baselineResults = options.baseline() == null ? null : reader.read(options.baseline(), "baseline file");
        List<Claim> catalog = options.catalog() == null ? ClaimCatalog.builtIn() : ClaimCatalog.fromFile(options.catalog());

        List<String> warnings = new ArrayList<>();
        Findings findings = Findings.read(options.findings());
        PythonCrossCheck python = PythonCrossCheck.read(options.python(), Report.CONFIDENCE);
        if (python != null && python.warning() != null) {
            warnings.add(python.warning());
        }
        for (Findings.Problem p : findings.problems()) {
            warnings.add(p.warning());
        }
        History.Read history = options.history() == null ? null : History.read(options.history());
        if (history != null) {
            warnings.addAll(history.problems());
        }
        for (String w : warnings) {
            err.println("reports: warning: " + w);
        }

        List<AnalyzedResult> analyzed = AnalyzedResult.analyze(results, Report.CONFIDENCE);
        List<ClaimOutcome> claims = new ClaimEvaluator(options.alpha()).evaluate(catalog, analyzed, findings);
        BaselineComparison.Result baseline = baselineResults == null ? null
                : BaselineComparison.compare(analyzed, AnalyzedResult.analyze(baselineResults, Report.CONFIDENCE), options.alpha());
        List<ComparedRun> runs = compareRuns(options, parsed, analyzed, claims, catalog, findings);
        List<RunMetadata.Fact> metadata = RunMetadata.collect(results, options.result(), options.meta(), environment, options.probe());
        History.Run thisRun = null;
        List<History.Run> historyRuns = List.of();
        if (history != null) {
            thisRun = History.of(firstKnown(options.meta().get("commit"), fact(metadata, "Git commit")),
                    firstKnown(fact(metadata, "Date of the run"), fact(metadata, "Report made")),
                    firstKnown(fact(metadata, "JDK version")), machine(options.meta(), metadata), analyzed);
            historyRuns = new ArrayList<>(history.runs());
            historyRuns.add(thisRun);
        }

        ReportFolder folder = ReportFolder.prepare(options.out());
        try {
            // Drawing is the slow part: charts are drawn in parallel, then numbered in page order.
            Set<String> chartIds = new HashSet<>();
            List<List<ChartImage>> drawnForClaims = claims.parallelStream().map(c -> {
                List<ChartImage> charts = new ArrayList<>(ReportCharts.forClaim(c));
                charts.addAll(ReportCharts.forCrossCheck(c, python));
                return charts;
            }).toList();
            Map<String, List<ChartImage>> claimCharts = new LinkedHashMap<>();
            for (int i = 0; i < claims.size(); i++) {
                claimCharts.put(claims.get(i).claim().id(), ReportCharts.uniqueIds(drawnForClaims.get(i), chartIds));
            }
            Map<String, List<AnalyzedResult>> byFamily = new LinkedHashMap<>();
            for (AnalyzedResult r : analyzed) {
                byFamily.computeIfAbsent(r.result().family(), k -> new ArrayList<>()).add(r);
            }
            List<String> families = new ArrayList<>(byFamily.keySet());
            List<List<ChartImage>> drawnForFamilies = families.parallelStream()
                    .map(f -> ReportCharts.forFamily(f, byFamily.get(f))).toList();
            Map<String, List<ChartImage>> familyCharts = new LinkedHashMap<>();
            for (int i = 0; i < families.size(); i++) {
                familyCharts.put(families.get(i), ReportCharts.uniqueIds(drawnForFamilies.get(i), chartIds));
            }

            List<ChartImage> trendCharts = ReportCharts.uniqueIds(ReportCharts.forTrends(claims, historyRuns), chartIds);
            Report report = new Report(options.result(), metadata, analyzed, claims, claimCharts, familyCharts,
                    baseline, options.baseline(), options.alpha(), options.regressionLimit(), List.copyOf(warnings), python,
                    options.history(), historyRuns, trendCharts, runs);
            write(folder.staging(), report);
            if (thisRun != null) {
                // Before the report is put in place: when appending fails, the previous report stays.
                History.append(options.history(), thisRun);
            }
            folder.commit();
        } catch (RuntimeException | Error e) {
            folder.abandon();
            throw e;
        }

        Path index = folder.target().resolve(HtmlPage.FILE);
        if (ClaimEvaluator.isSmokeRun(analyzed)) {
            out.println("Smoke run, not a measurement: " + dev.unitsbench.reports.claims.VerdictRules.SMOKE_RUN_DETAIL);
        }
        for (ClaimOutcome c : claims) {
            out.println(c.claim().id() + ": " + c.verdict().label() + " - " + c.claim().title());
        }
        for (int i = 0; i < runs.size(); i++) {
            for (ClaimOutcome c : runs.get(i).claims()) {
                out.println(c.claim().id() + " [" + runs.get(i).label() + "]: " + c.verdict().label());
            }
        }
        if (runs.size() > 1) {
            Reproducibility reproducibility = Reproducibility.of(runs);
            for (Reproducibility.Coverage c : reproducibility.coverage()) {
                out.println(c.line());
            }
            for (String f : reproducibility.flipped()) {
                out.println("Flipped: " + f);
            }
        }
        out.println("Report: " + index);
        if (baseline != null && options.regressionLimit() != null) {
            List<BaselineComparison.Row> beyond = baseline.regressionsBeyond(options.regressionLimit());
            if (!beyond.isEmpty()) {
                for (BaselineComparison.Row row : beyond) {
                    err.println("reports: regression: " + row.current().result().id() + " is "
                            + Numbers.signedPercent(row.slowdownPercent()) + " worse than the baseline (p "
                            + Numbers.pValue(row.test().pValue()) + "), beyond the limit of " + Numbers.format(options.regressionLimit()) + "%");
                }
                return EXIT_REGRESSION;
            }
        }
        return EXIT_OK;
    }

    private static void write(Path dir, Report report) {
        try {
            Path charts = Files.createDirectories(dir.resolve("charts"));
            for (List<ChartImage> list : report.claimCharts().values()) {
                for (ChartImage c : list) {
                    Files.writeString(charts.resolve(c.id() + ".svg"), svgFile(c), StandardCharsets.UTF_8);
                }
            }
            for (ChartImage c : report.trendCharts()) {
                Files.writeString(charts.resolve(c.id() + ".svg"), svgFile(c), StandardCharsets.UTF_8);
            }
            for (List<ChartImage> list : report.familyCharts().values()) {
                for (ChartImage c : list) {
                    Files.writeString(charts.resolve(c.id() + ".svg"), svgFile(c), StandardCharsets.UTF_8);
                }
            }
            Files.writeString(dir.resolve(HtmlPage.FILE), HtmlPage.render(report), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve(DashboardFiles.GITHUB_SMALLER), DashboardFiles.githubActionBenchmark(report.results(), false), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve(DashboardFiles.GITHUB_BIGGER), DashboardFiles.githubActionBenchmark(report.results(), true), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve(DashboardFiles.BENCHER), DashboardFiles.bencher(report.results()), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve(MarkdownSummary.FILE), MarkdownSummary.render(report), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserError("could not write the report into " + dir + " (" + e.getMessage() + "): check free disk space and permissions.", e);
        }
    }

    /**
     * With several result files, each as a labelled run with its own estimates and verdicts
     * (the first is the main run, already analysed); empty with one file.
     */
    private static List<ComparedRun> compareRuns(Options options, List<List<BenchmarkResult>> parsed, List<AnalyzedResult> analyzed,
                                                 List<ClaimOutcome> claims, List<Claim> catalog, Findings findings) {
        if (parsed.size() < 2) {
            return List.of();
        }
        List<ComparedRun> runs = new ArrayList<>();
        Set<String> labels = new HashSet<>();
        for (int i = 0; i < parsed.size(); i++) {
            Path file = options.results().get(i);
            String label = options.labels().get(i);
            if (label == null) {
                Set<String> jdks = new java.util.LinkedHashSet<>();
                parsed.get(i).forEach(r -> jdks.add(r.jvm().jdkVersion() == null ? "unknown" : r.jvm().jdkVersion()));
                label = "JDK " + String.join("/", jdks) + " (" + file.getFileName() + ")";
            }
            if (!labels.add(label)) {
                throw new UserError("two result files have the label \"" + label + "\": give each its own with --label NAME after it.");
            }
            List<AnalyzedResult> a = i == 0 ? analyzed : AnalyzedResult.analyze(parsed.get(i), Report.CONFIDENCE);
            List<ClaimOutcome> c = i == 0 ? claims : new ClaimEvaluator(options.alpha()).evaluate(catalog, a, findings);
            runs.add(new ComparedRun(label, file, a, c));
        }
        return List.copyOf(runs);
    }

    /** The value of the metadata fact named {@code name}; null when absent. */
    private static String fact(List<RunMetadata.Fact> metadata, String name) {
        return metadata.stream().filter(f -> f.name().equals(name)).map(RunMetadata.Fact::value).findFirst().orElse(null);
    }

    private static String firstKnown(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank() && !v.equals("unknown")) {
                return v;
            }
        }
        return "unknown";
    }

    /** {@code --meta machine=...}, else what this machine is: its OS, CPU count and memory. */
    private static String machine(Map<String, String> meta, List<RunMetadata.Fact> metadata) {
        if (meta.containsKey("machine")) {
            return meta.get("machine");
        }
        return fact(metadata, "Operating system") + ", " + fact(metadata, "CPU count") + " CPUs, " + fact(metadata, "Memory");
    }

    /** A stand-alone SVG file needs the XML declaration the inline copy leaves out. */
    private static String svgFile(ChartImage chart) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + chart.svg();
    }
}
