package dev.unitsbench.reports;

import dev.unitsbench.reports.baseline.BaselineComparison;
import dev.unitsbench.reports.charts.ChartImage;
import dev.unitsbench.reports.charts.ReportCharts;
import dev.unitsbench.reports.charts.VerdictPlot;
import dev.unitsbench.reports.claims.Claim;
import dev.unitsbench.reports.claims.ClaimCatalog;
import dev.unitsbench.reports.claims.ClaimEvaluator;
import dev.unitsbench.reports.claims.RunDesign;
import dev.unitsbench.reports.claims.ClaimOutcome;
import dev.unitsbench.reports.claims.VerdictRules;
import dev.unitsbench.reports.crosscheck.PythonCrossCheck;
import dev.unitsbench.reports.error.UserError;
import dev.unitsbench.reports.findings.Findings;
import dev.unitsbench.reports.format.Numbers;
import dev.unitsbench.reports.history.History;
import dev.unitsbench.reports.output.ComparedRun;
import dev.unitsbench.reports.output.Family;
import dev.unitsbench.reports.output.Report;
import dev.unitsbench.reports.output.ReportWriter;
import dev.unitsbench.reports.output.Reproducibility;
import dev.unitsbench.reports.read.BenchmarkResult;
import dev.unitsbench.reports.read.JmhResultReader;
import dev.unitsbench.reports.read.MachineFingerprint;
import dev.unitsbench.reports.read.RunMetadata;
import dev.unitsbench.reports.stats.AnalyzedResult;
import dev.unitsbench.reports.stats.Confidence;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses the options and runs the reporter's pipeline, one stage per package and nothing
 * flowing back:
 * read (JMH JSON) → stats (estimates) → claims (verdicts; with baseline, history, findings and
 * the CPython crosscheck beside them) → charts (SVG) → output ({@link ReportWriter}: the page,
 * dashboards and Markdown, written into a staging folder and moved into place).
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

    /** The pipeline, one stage after the other; each stage is one call into its package. */
    private static int report(Options options, PrintStream out, PrintStream err, Map<String, String> environment) {
        // read: every input, before any slow work, so that a bad file fails at once.
        JmhResultReader reader = new JmhResultReader();
        List<List<BenchmarkResult>> parsed = new ArrayList<>();
        List<MachineFingerprint> machines = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < options.results().size(); i++) {
            Path file = options.results().get(i);
            parsed.add(reader.read(file, "result file"));
            machines.add(MachineFingerprint.of(file, options.machines().get(i)));
            labels.add(options.labels().get(i) != null ? options.labels().get(i) : ComparedRun.defaultLabel(file, parsed.get(i)));
        }
        List<BenchmarkResult> results = parsed.get(0);
        List<BenchmarkResult> baselineResults = options.baseline() == null ? null : reader.read(options.baseline(), "baseline file");
        MachineFingerprint baselineMachine = options.baseline() == null ? null : MachineFingerprint.of(options.baseline(), null);
        List<Claim> catalog = options.catalog() == null ? ClaimCatalog.builtIn() : ClaimCatalog.fromFile(options.catalog());
        Findings findings = Findings.read(options.findings());
        PythonCrossCheck python = PythonCrossCheck.read(options.python(), Confidence.LEVEL);
        History.Read history = options.history() == null ? null : History.read(options.history());
        List<String> warnings = new ArrayList<>(warnings(findings, python, history));
        warnings.addAll(machineWarnings(options, labels, machines, baselineMachine));
        for (String w : warnings) {
            err.println("reports: warning: " + w);
        }

        // stats
        List<AnalyzedResult> analyzed = AnalyzedResult.analyze(results, Confidence.LEVEL);

        // claims, and beside them the baseline, the other result files and the history
        List<ClaimOutcome> claims = new ClaimEvaluator(options.alpha(), design(machines.get(0)))
                .evaluate(catalog, analyzed, python == null ? List.of() : python.asResults(), findings);
        BaselineComparison.Result baseline = baselineResults == null ? null
                : BaselineComparison.compare(analyzed, AnalyzedResult.analyze(baselineResults, Confidence.LEVEL), options.alpha());
        List<ComparedRun> runs = compareRuns(options, parsed, labels, machines, analyzed, claims, catalog, findings);
        List<RunMetadata.Fact> metadata = RunMetadata.collect(results, options.result(), machines.get(0), options.meta(), environment,
                options.probe());
        History.Run thisRun = history == null ? null : History.thisRun(options.meta(), metadata, analyzed);
        List<History.Run> historyRuns = history == null ? List.of() : history.with(thisRun);
        List<Family> families = Family.group(analyzed, runs);

        Path index;
        try (ReportWriter writer = ReportWriter.open(options.out())) {
            // charts, then output
            PageCharts charts = PageCharts.draw(claims, python, families, historyRuns, ClaimEvaluator.isSmokeRun(analyzed));
            writer.write(new Report(options.result(), metadata, analyzed, families, claims, charts.claims(), charts.families(),
                    baseline, options.baseline(), options.alpha(), options.regressionLimit(), warnings, python,
                    options.history(), historyRuns, charts.trends(), runs, options.missing(), charts.verdicts()));
            if (thisRun != null) {
                // Before the report is put in place: when appending fails, the previous report stays.
                History.append(options.history(), thisRun);
            }
            index = writer.replace();
        }

        if (ClaimEvaluator.isSmokeRun(analyzed)) {
            out.println("Smoke run, not a measurement: " + VerdictRules.SMOKE_RUN_DETAIL);
        }
        for (ClaimOutcome c : claims) {
            out.println(c.claim().id() + ": " + c.verdict().label() + " - " + c.claim().title());
        }
        for (ComparedRun run : runs) {
            for (ClaimOutcome c : run.claims()) {
                out.println(c.claim().id() + " [" + run.label() + "]: " + c.verdict().label());
            }
        }
        for (String missing : options.missing()) {
            out.println("[" + missing + "]: missing: no results");
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
        return regressions(options, baseline, err);
    }

    /** How a run was made, from its machine.json: forks paired by round only when the runner says they ran in rounds. */
    private static RunDesign design(MachineFingerprint machine) {
        return machine == null ? RunDesign.UNKNOWN : new RunDesign(machine.pairedByRound(), machine.cores());
    }

    /** Problems with the optional inputs, one line each: printed on stderr and shown at the top of the page. */
    private static List<String> warnings(Findings findings, PythonCrossCheck python, History.Read history) {
        List<String> warnings = new ArrayList<>();
        if (python != null && python.warning() != null) {
            warnings.add(python.warning());
        }
        for (Findings.Problem p : findings.problems()) {
            warnings.add(p.warning());
        }
        if (history != null) {
            warnings.addAll(history.problems());
        }
        return List.copyOf(warnings);
    }

    /**
     * Runs compared as if they were one that differ in machine, JDK, GC or quick/full (each against
     * the first, and the baseline against the main run), and every run named missing.
     */
    private static List<String> machineWarnings(Options options, List<String> labels, List<MachineFingerprint> machines,
                                                MachineFingerprint baselineMachine) {
        for (String missing : options.missing()) {
            if (labels.contains(missing)) {
                throw new UserError("--missing " + missing + " names a run that has a result file: give the missing run another name.");
            }
        }
        List<String> warnings = new ArrayList<>(MachineFingerprint.mismatches(labels, machines));
        if (options.baseline() != null) {
            warnings.addAll(MachineFingerprint.mismatches(List.of("this run", "the baseline"), java.util.Arrays.asList(machines.get(0),
                    baselineMachine)));
        }
        for (String missing : options.missing()) {
            warnings.add(missing + " is missing: no results (its run failed or wrote no result file); the report shows the other runs.");
        }
        return warnings;
    }

    /**
     * Every chart of the page, each id unique within the report.
     *
     * @param claims   by claim id
     * @param families by family name
     * @param trends   one per headline benchmark, with two history runs or more
     * @param verdicts the forest plot of every comparison; null when none has a ratio
     */
    private record PageCharts(Map<String, List<ChartImage>> claims, Map<String, List<ChartImage>> families, List<ChartImage> trends,
                              ChartImage verdicts) {

        /** Drawing is the slow part: charts are drawn in parallel, then numbered in page order. */
        static PageCharts draw(List<ClaimOutcome> claims, PythonCrossCheck python, List<Family> families, List<History.Run> historyRuns,
                               boolean smokeRun) {
            // A smoke run's comparisons are all inconclusive: a plot of them would show noise as if it were a result.
            ChartImage verdicts = smokeRun ? null : VerdictPlot.draw(claims);
            Set<String> ids = new HashSet<>(Set.of(VerdictPlot.ID));
            List<List<ChartImage>> drawnForClaims = claims.parallelStream().map(c -> {
                List<ChartImage> charts = new ArrayList<>(ReportCharts.forClaim(c));
                charts.addAll(ReportCharts.forCrossCheck(c, python));
                return charts;
            }).toList();
            Map<String, List<ChartImage>> claimCharts = new LinkedHashMap<>();
            for (int i = 0; i < claims.size(); i++) {
                claimCharts.put(claims.get(i).claim().id(), ReportCharts.uniqueIds(drawnForClaims.get(i), ids));
            }
            // A family only a later compared run measured has no results of the main run, hence no charts.
            List<Family> measured = families.stream().filter(f -> !f.results().isEmpty()).toList();
            List<List<ChartImage>> drawnForFamilies = measured.parallelStream()
                    .map(f -> ReportCharts.forFamily(f.name(), f.results())).toList();
            Map<String, List<ChartImage>> familyCharts = new LinkedHashMap<>();
            for (int i = 0; i < measured.size(); i++) {
                familyCharts.put(measured.get(i).name(), ReportCharts.uniqueIds(drawnForFamilies.get(i), ids));
            }
            List<ChartImage> trends = ReportCharts.uniqueIds(ReportCharts.forTrends(claims, historyRuns), ids);
            return new PageCharts(claimCharts, familyCharts, trends, verdicts);
        }
    }

    /** {@code --fail-on-regression}: each regression beyond the limit as a line on stderr, and the exit status. */
    private static int regressions(Options options, BaselineComparison.Result baseline, PrintStream err) {
        if (baseline == null || options.regressionLimit() == null) {
            return EXIT_OK;
        }
        List<BaselineComparison.Row> beyond = baseline.regressionsBeyond(options.regressionLimit());
        for (BaselineComparison.Row row : beyond) {
            err.println("reports: regression: " + row.current().result().id() + " is "
                    + Numbers.signedPercent(row.slowdownPercent()) + " worse than the baseline (p "
                    + Numbers.pValue(row.test().pValue()) + "), beyond the limit of " + Numbers.format(options.regressionLimit()) + "%");
        }
        return beyond.isEmpty() ? EXIT_OK : EXIT_REGRESSION;
    }

    /**
     * With several result files, each as a labelled run with its own estimates and verdicts
     * (the first is the main run, already analysed); empty with one file.
     */
    private static List<ComparedRun> compareRuns(Options options, List<List<BenchmarkResult>> parsed, List<String> labels,
                                                 List<MachineFingerprint> machines, List<AnalyzedResult> analyzed,
                                                 List<ClaimOutcome> claims, List<Claim> catalog, Findings findings) {
        if (parsed.size() < 2) {
            return List.of();
        }
        List<ComparedRun> runs = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < parsed.size(); i++) {
            Path file = options.results().get(i);
            String label = labels.get(i);
            if (!seen.add(label)) {
                throw new UserError("two result files have the label \"" + label + "\": give each its own with --label NAME after it.");
            }
            List<AnalyzedResult> a = i == 0 ? analyzed : AnalyzedResult.analyze(parsed.get(i), Confidence.LEVEL);
            List<ClaimOutcome> c = i == 0 ? claims : new ClaimEvaluator(options.alpha(), design(machines.get(i))).evaluate(catalog, a, findings);
            runs.add(new ComparedRun(label, file, a, c, machines.get(i)));
        }
        return List.copyOf(runs);
    }
}
