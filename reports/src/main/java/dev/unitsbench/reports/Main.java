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
 * dashboards and Markdown, written into a staging folder and moved into place). Every stage from
 * claims on writes its numbers with format's {@link Numbers}.
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

    /** The pipeline: read every input, evaluate it, write the report; then the verdicts on stdout and the exit status. */
    private static int report(Options options, PrintStream out, PrintStream err, Map<String, String> environment) {
        Input input = read(options);
        for (String w : input.warnings()) {
            err.println("reports: warning: " + w);
        }
        Evaluation evaluation = evaluate(options, input, environment);
        Path index = write(options, input, evaluation);
        printVerdicts(out, options, evaluation, index);
        return regressions(options, evaluation.baseline(), err);
    }

    /**
     * What {@link #read} read.
     *
     * @param runs      every result file, the main run first
     * @param baseline  {@code --baseline}'s results; null without one
     * @param history   the history's earlier runs; null without {@code --history}
     * @param warnings  problems with the optional inputs, one line each
     */
    private record Input(List<InputRun> runs, List<BenchmarkResult> baseline, List<Claim> catalog,
                         Findings findings, PythonCrossCheck python, History.Read history, List<String> warnings) {

        List<BenchmarkResult> mainResults() {
            return runs.get(0).results();
        }
    }

    /** A result file as read: its label (given or made up) and where it ran (null when unknown). */
    private record InputRun(Path file, String label, List<BenchmarkResult> results, MachineFingerprint machine) {
    }

    /** Reads every input, before any slow work, so that a bad file fails at once. */
    private static Input read(Options options) {
        JmhResultReader reader = new JmhResultReader();
        List<InputRun> runs = new ArrayList<>();
        for (Options.ResultFile file : options.results()) {
            List<BenchmarkResult> results = reader.read(file.path(), "result file");
            runs.add(new InputRun(file.path(), file.label() != null ? file.label() : ComparedRun.defaultLabel(file.path(), results), results,
                    MachineFingerprint.of(file.path(), file.machine())));
        }
        List<BenchmarkResult> baseline = options.baseline() == null ? null : reader.read(options.baseline(), "baseline file");
        MachineFingerprint baselineMachine = options.baseline() == null ? null : MachineFingerprint.of(options.baseline(), null);
        List<Claim> catalog = options.catalog() == null ? ClaimCatalog.builtIn() : ClaimCatalog.fromFile(options.catalog());
        Findings findings = Findings.read(options.findings());
        PythonCrossCheck python = PythonCrossCheck.read(options.python(), Confidence.LEVEL);
        History.Read history = options.history() == null ? null : History.read(options.history());
        List<String> warnings = new ArrayList<>(warnings(findings, python, history));
        warnings.addAll(machineWarnings(options, runs, baselineMachine));
        return new Input(List.copyOf(runs), baseline, catalog, findings, python, history, List.copyOf(warnings));
    }

    /**
     * What {@link #evaluate} worked out.
     *
     * @param analyzed    the main run's results with their estimates
     * @param baseline    the comparison with {@code --baseline}; null without one
     * @param runs        with several result files, every run as a column; empty with one
     * @param thisRun     this run as a line of the history; null without {@code --history}
     * @param historyRuns the history's runs and this one; empty without {@code --history}
     */
    private record Evaluation(List<AnalyzedResult> analyzed, List<ClaimOutcome> claims, BaselineComparison.Result baseline,
                              List<ComparedRun> runs, List<RunMetadata.Fact> metadata, History.Run thisRun, List<History.Run> historyRuns,
                              List<Family> families) {
    }

    /** Estimates (stats), then verdicts (claims), and beside them the baseline, the other result files and the history. */
    private static Evaluation evaluate(Options options, Input input, Map<String, String> environment) {
        List<AnalyzedResult> analyzed = AnalyzedResult.analyze(input.mainResults(), Confidence.LEVEL);
        List<Claim> catalog = input.catalog();
        Findings findings = input.findings();
        List<ClaimOutcome> claims = claims(options.alpha(), input.runs().get(0).machine(), catalog, analyzed, input.python(), findings);
        BaselineComparison.Result baseline = input.baseline() == null ? null
                : BaselineComparison.compare(analyzed, AnalyzedResult.analyze(input.baseline(), Confidence.LEVEL), options.alpha());
        List<ComparedRun> runs = compareRuns(options, input.runs(), analyzed, claims, catalog, findings);
        List<RunMetadata.Fact> metadata = RunMetadata.collect(input.mainResults(), options.result(), input.runs().get(0).machine(),
                options.meta(), environment, options.probe());
        History.Run thisRun = input.history() == null ? null : History.thisRun(options.meta(), metadata, analyzed);
        List<History.Run> historyRuns = input.history() == null ? List.of() : input.history().with(thisRun);
        return new Evaluation(analyzed, claims, baseline, runs, metadata, thisRun, historyRuns, Family.group(analyzed, runs));
    }

    /**
     * Draws the charts and writes the report into a staging folder, appends this run to the history, and only then puts
     * the report in place of the previous one; returns the path of its page.
     */
    private static Path write(Options options, Input input, Evaluation evaluation) {
        try (ReportWriter writer = ReportWriter.open(options.out())) {
            Report.Charts charts = drawCharts(evaluation.claims(), input.python(), evaluation.families(), evaluation.historyRuns(),
                    ClaimEvaluator.isSmokeRun(evaluation.analyzed()));
            writer.write(new Report(
                    new Report.Run(options.result(), evaluation.metadata(), evaluation.analyzed(), evaluation.families()),
                    new Report.Verdicts(options.alpha(), evaluation.claims(), input.python()),
                    charts,
                    new Report.Compared(evaluation.runs(), options.missing()),
                    evaluation.baseline() == null ? null
                            : new Report.Baseline(options.baseline(), evaluation.baseline(), options.regressionLimit()),
                    options.history() == null ? null : new Report.HistoryRuns(options.history(), evaluation.historyRuns()),
                    input.warnings()));
            if (evaluation.thisRun() != null) {
                // Before the report is put in place: when appending fails, the previous report stays.
                History.append(options.history(), evaluation.thisRun());
            }
            return writer.replace();
        }
    }

    /** Each claim's verdict, per run with several result files, and how well the runs agree; then where the report is. */
    private static void printVerdicts(PrintStream out, Options options, Evaluation evaluation, Path index) {
        if (ClaimEvaluator.isSmokeRun(evaluation.analyzed())) {
            out.println("Smoke run, not a measurement: " + VerdictRules.SMOKE_RUN_DETAIL);
        }
        for (ClaimOutcome c : evaluation.claims()) {
            out.println(c.claim().id() + ": " + c.verdict().label() + " - " + c.claim().title());
        }
        for (ComparedRun run : evaluation.runs()) {
            for (ClaimOutcome c : run.claims()) {
                out.println(c.claim().id() + " [" + run.label() + "]: " + c.verdict().label());
            }
        }
        for (String missing : options.missing()) {
            out.println("[" + missing + "]: missing: no results");
        }
        if (evaluation.runs().size() > 1) {
            Reproducibility reproducibility = Reproducibility.of(evaluation.runs());
            for (Reproducibility.Coverage c : reproducibility.coverage()) {
                out.println(c.line());
            }
            for (String f : reproducibility.flipped()) {
                out.println("Flipped: " + f);
            }
        }
        out.println("Report: " + index);
    }

    /**
     * The claims' verdicts on one run's results, with the CPython cross-check's results ({@code python}, null
     * when none) beside them: as the page gives them, and as {@link OpenRows} decides between rounds.
     */
    static List<ClaimOutcome> claims(double alpha, MachineFingerprint machine, List<Claim> catalog, List<AnalyzedResult> analyzed,
                                     PythonCrossCheck python, Findings findings) {
        return new ClaimEvaluator(alpha, design(machine)).evaluate(catalog, analyzed, python == null ? List.of() : python.asResults(),
                python == null ? Set.of() : python.inRounds(), findings);
    }

    /**
     * How a run was made, from its machine.json: forks paired by round only when the runner says they ran in rounds,
     * looked at round by round only when it says it ran a sequential stage.
     */
    static RunDesign design(MachineFingerprint machine) {
        if (machine == null) {
            return RunDesign.UNKNOWN;
        }
        MachineFingerprint.Sequential s = machine.sequential();
        return s == null ? new RunDesign(machine.pairedByRound(), machine.cores())
                : new RunDesign(machine.pairedByRound(), machine.cores(), s.looks(), s.stopped());
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
    private static List<String> machineWarnings(Options options, List<InputRun> runs, MachineFingerprint baselineMachine) {
        List<String> labels = runs.stream().map(InputRun::label).toList();
        List<MachineFingerprint> machines = runs.stream().map(InputRun::machine).toList();
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

    /** Every chart of the page, each id unique within it. Drawing is the slow part: charts are drawn in parallel, then numbered in page order. */
    private static Report.Charts drawCharts(List<ClaimOutcome> claims, PythonCrossCheck python, List<Family> families,
                                            List<History.Run> historyRuns, boolean smokeRun) {
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
        return new Report.Charts(claimCharts, familyCharts, trends, verdicts);
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
    private static List<ComparedRun> compareRuns(Options options, List<InputRun> inputs, List<AnalyzedResult> analyzed,
                                                 List<ClaimOutcome> claims, List<Claim> catalog, Findings findings) {
        if (inputs.size() < 2) {
            return List.of();
        }
        List<ComparedRun> runs = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < inputs.size(); i++) {
            InputRun input = inputs.get(i);
            if (!seen.add(input.label())) {
                throw new UserError("two result files have the label \"" + input.label() + "\": give each its own with --label NAME after it.");
            }
            List<AnalyzedResult> a = i == 0 ? analyzed : AnalyzedResult.analyze(input.results(), Confidence.LEVEL);
            List<ClaimOutcome> c = i == 0 ? claims : new ClaimEvaluator(options.alpha(), design(input.machine())).evaluate(catalog, a, findings);
            runs.add(new ComparedRun(input.label(), input.file(), a, c, input.machine()));
        }
        return List.copyOf(runs);
    }
}
