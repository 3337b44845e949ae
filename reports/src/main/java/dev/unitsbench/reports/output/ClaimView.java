package dev.unitsbench.reports.output;

import dev.unitsbench.reports.charts.ChartImage;
import dev.unitsbench.reports.charts.ReportCharts;
import dev.unitsbench.reports.claims.BreakEven;
import dev.unitsbench.reports.claims.Claim;
import dev.unitsbench.reports.claims.ClaimOutcome;
import dev.unitsbench.reports.claims.ComparisonOutcome;
import dev.unitsbench.reports.claims.Verdict;
import dev.unitsbench.reports.crosscheck.PythonCrossCheck;
import dev.unitsbench.reports.crosscheck.Seconds;
import dev.unitsbench.reports.format.Numbers;
import dev.unitsbench.reports.stats.AnalyzedResult;
import dev.unitsbench.reports.stats.Estimate;
import dev.unitsbench.reports.stats.RatioEstimate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A claim as its row in "The claims at a glance" and its section in "Claim by claim" show it.
 * Text is empty where there is nothing to show, lists are empty, and {@code breakEven} is null
 * for a claim without one.
 *
 * @param measured       the claim's verdict is not "not measured"
 * @param hasBenchmark   the catalog names a benchmark for it (so "not measured" means "not in this file")
 * @param figures        the "JVM figures", labelled by the params that tell them apart
 * @param cpythonName    with a CPython cross-check that ran: the interpreter and platform; empty otherwise
 * @param pythonSkipped  why the cross-check of this claim was skipped; empty otherwise
 * @param jvmSeconds     with a cross-check: the JVM figures in seconds, where their unit converts
 * @param runs           with several result files: the claim's verdict in each run; empty with one
 * @param figureGrid     with several files: a row per figure, a cell per run
 * @param comparisonGrid with several files: a row per comparison and pairing, a cell per run
 * @param effect         by how much, for the table at the top: the comparisons' ratios with their intervals
 *                       and verdicts (the first few), and how many checks held; empty when nothing was measured
 * @param coroutines     with a cross-check: virtual threads beside asyncio for this claim; null for a claim without
 */
public record ClaimView(String id, String title, String sentence, String experiment, String tutorialFigures,
                        String referenceFigures, String jvmExpectation, String source, String verdict, String verdictCss,
                        String verdictWhy, boolean measured, boolean hasBenchmark, List<Figure> figures, boolean hasFigures,
                        List<ComparisonView> comparisons, boolean hasComparisons, List<ChartView> charts,
                        List<ChartLink> chartLinks, BreakEvenView breakEven, String cpythonName, String pythonSkipped,
                        List<CpythonFigure> cpython, List<Figure> jvmSeconds, boolean hasJvmSeconds,
                        List<RunVerdict> runs, boolean hasRuns, List<GridRow> figureGrid, boolean hasFigureGrid,
                        List<GridRow> comparisonGrid, String effect, CoroutinesView.ClaimRows coroutines) {

    /** A JVM figure: a result's label, mean and interval; {@code id} matches it across runs. */
    public record Figure(String label, String mean, String interval, String id) {
    }

    /** One of CPython's experiments on this machine, in seconds. */
    public record CpythonFigure(String label, String model, String mean, String interval) {
    }

    /** A link from the claim's row to one of its charts. */
    public record ChartLink(String id, String label) {
    }

    /** The claim's verdict in one of several runs. */
    public record RunVerdict(String runLabel, String verdict, String verdictCss) {
    }

    /** A row of a grid with a column per run. */
    public record GridRow(String label, String pairing, List<GridCell> cells) {
    }

    /**
     * A cell of a grid: for a figure, {@code mean} and {@code interval}; for a comparison,
     * {@code text} (the speed-up, bold, or what a check observed) and the verdict.
     */
    public record GridCell(String mean, String interval, String text, String verdict, String verdictCss, boolean bold) {

        static final GridCell NOT_IN_THIS_RUN = new GridCell("not in this run", "", "not in this run", "", "", false);
    }

    /** Where one side starts to win as the work grows, and the ratio at every size. */
    public record BreakEvenView(String x, String text, List<Point> points) {

        /** @param note why this size cannot count; empty when it can */
        public record Point(String x, String ratio, String interval, String note) {
        }

        static BreakEvenView of(BreakEven b) {
            return new BreakEvenView(b.spec().x(), b.text(), b.points().stream().map(p -> new Point(p.xText(),
                    Numbers.times(p.ratio().ratio()), Numbers.ratioInterval(p.ratio()), p.ineligible() == null ? "" : p.ineligible())).toList());
        }
    }

    /**
     * @param python   the CPython cross-check; null without {@code --python}
     * @param compared with several result files, every run (the main one first); empty with one
     * @param coroutines the claim's rows of the coroutines section; null when it has none
     */
    public static ClaimView of(ClaimOutcome outcome, List<ChartImage> charts, PythonCrossCheck python, List<ComparedRun> compared,
                               CoroutinesView.ClaimRows coroutines) {
        Claim c = outcome.claim();
        CrossCheck cross = CrossCheck.of(outcome, python);
        List<RunVerdict> runs = compared.stream().map(run -> {
            ClaimOutcome o = in(run, c.id());
            return new RunVerdict(run.label(), o.verdict().label(), o.verdict().cssClass());
        }).toList();
        List<GridRow> figureGrid = compared.isEmpty() ? List.of() : figureGrid(compared, c.id());
        return new ClaimView(c.id(), c.title(), c.sentence(), c.tutorialExperiment(), c.tutorialFigures(), c.referenceFigures(),
                c.jvmExpectation(), c.source(), outcome.verdict().label(), outcome.verdict().cssClass(), outcome.why(),
                outcome.verdict() != Verdict.NOT_MEASURED, !c.comparisons().isEmpty() || !outcome.comparisons().isEmpty(),
                figures(outcome), !outcome.figures().isEmpty(), outcome.comparisons().stream().map(ComparisonView::of).toList(),
                !outcome.comparisons().isEmpty(), charts.stream().map(ChartView::of).toList(),
                charts.stream().map(ch -> new ChartLink(ch.id(), ch.label())).toList(),
                outcome.breakEven() == null ? null : BreakEvenView.of(outcome.breakEven()),
                cross.name(), cross.skipped(), cross.cpython(), cross.jvm(), !cross.jvm().isEmpty(),
                runs, !compared.isEmpty(), figureGrid, !figureGrid.isEmpty(),
                compared.isEmpty() ? List.of() : comparisonGrid(compared, c.id()), effect(outcome), coroutines);
    }

    /**
     * The claim's answer for the table at the top: its lesson (the word per condition with the
     * headline ratio against the claimed one, what the JVM changes, the break-even), and how many
     * checks held.
     */
    static String effect(ClaimOutcome outcome) {
        List<String> parts = new ArrayList<>();
        if (outcome.verdict() != Verdict.NOT_MEASURED && outcome.lesson() != null && !outcome.lesson().isBlank()) {
            parts.add(outcome.lesson());
        }
        List<ComparisonOutcome> checks = outcome.comparisons().stream()
                .filter(c -> c.kind() == ComparisonOutcome.Kind.CHECK && c.measured()).toList();
        if (!checks.isEmpty()) {
            long held = checks.stream().filter(c -> c.verdict() == Verdict.HOLDS).count();
            parts.add(held + "/" + checks.size() + (checks.size() == 1 ? " check holds" : " checks hold"));
        }
        return String.join("; ", parts);
    }

    private static ClaimOutcome in(ComparedRun run, String claimId) {
        return run.claims().stream().filter(o -> o.claim().id().equals(claimId)).findFirst().orElseThrow();
    }

    /** "JVM figures per model": the claim's figure results, labelled by the params that tell them apart. */
    static List<Figure> figures(ClaimOutcome outcome) {
        Set<String> varying = varying(outcome.figures());
        return outcome.figures().stream().map(r -> new Figure(label(r, varying),
                Numbers.mean(r.estimate()), Numbers.interval(r.estimate()), r.result().id())).toList();
    }

    private static Set<String> varying(List<AnalyzedResult> results) {
        Map<String, Set<String>> values = new TreeMap<>();
        for (AnalyzedResult r : results) {
            r.result().params().forEach((k, v) -> values.computeIfAbsent(k, x -> new LinkedHashSet<>()).add(v));
        }
        values.values().removeIf(v -> v.size() < 2);
        return values.keySet();
    }

    private static String label(AnalyzedResult r, Set<String> varying) {
        String label = ReportCharts.paramsLabel(r.result(), varying);
        return label.isEmpty() ? r.result().shortName() : label;
    }

    /** The claim's figures across runs: one row per result, matched by benchmark, mode and params. */
    private static List<GridRow> figureGrid(List<ComparedRun> runs, String claimId) {
        Map<String, GridRow> rows = new LinkedHashMap<>();
        for (int i = 0; i < runs.size(); i++) {
            for (Figure f : figures(in(runs.get(i), claimId))) {
                cells(rows, f.id(), f.label(), "", runs.size()).set(i, new GridCell(f.mean(), f.interval(), "", "", "", false));
            }
        }
        return List.copyOf(rows.values());
    }

    /** The claim's comparisons across runs: one row per comparison and pairing, each cell the speed-up or what was observed, and the verdict. */
    private static List<GridRow> comparisonGrid(List<ComparedRun> runs, String claimId) {
        Map<String, GridRow> rows = new LinkedHashMap<>();
        for (int i = 0; i < runs.size(); i++) {
            for (ComparisonOutcome c : in(runs.get(i), claimId).comparisons()) {
                // What was missing is told in full in the claim's details; the grid keeps to the verdict.
                boolean comparison = c.kind() == ComparisonOutcome.Kind.COMPARISON;
                String text = !c.hasFigures() ? "" : comparison ? Numbers.times(c.speedup().ratio()) : c.observed();
                cells(rows, c.label() + "|" + c.pairing(), c.label(), c.pairing(), runs.size())
                        .set(i, new GridCell("", "", text, c.verdict().label(), c.verdict().cssClass(), c.hasFigures() && comparison));
            }
        }
        return List.copyOf(rows.values());
    }

    /** The cells of a grid row, created with "not in this run" in every column. */
    private static List<GridCell> cells(Map<String, GridRow> rows, String key, String label, String pairing, int n) {
        return rows.computeIfAbsent(key, k -> {
            List<GridCell> cells = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                cells.add(GridCell.NOT_IN_THIS_RUN);
            }
            return new GridRow(label, pairing, cells);
        }).cells();
    }

    /**
     * For a claim with a CPython cross-check: CPython's figures on this machine and the JVM
     * figures in seconds, or the reason it was skipped.
     */
    private record CrossCheck(String name, String skipped, List<CpythonFigure> cpython, List<Figure> jvm) {

        static final CrossCheck NONE = new CrossCheck("", "", List.of(), List.of());

        static CrossCheck of(ClaimOutcome outcome, PythonCrossCheck python) {
            if (python == null || !outcome.claim().cpythonCrossCheck()) {
                return NONE;
            }
            if (!python.ran()) {
                return new CrossCheck("", python.reason(), List.of(), List.of());
            }
            List<PythonCrossCheck.Experiment> experiments = python.forClaim(outcome.claim().id());
            if (experiments.isEmpty()) {
                return new CrossCheck("", "the CPython run has no experiment for " + outcome.claim().id(), List.of(), List.of());
            }
            List<CpythonFigure> cpython = experiments.stream().map(e -> {
                Estimate s = Seconds.of(e.estimate());
                Estimate shown = s == null ? e.estimate() : s;
                return new CpythonFigure(e.label(), e.model(), Numbers.mean(shown), Numbers.interval(shown));
            }).toList();
            Set<String> varying = varying(outcome.figures());
            List<Figure> jvm = new ArrayList<>();
            for (AnalyzedResult r : outcome.figures()) {
                Estimate s = Seconds.of(r.estimate());
                if (s != null) {
                    jvm.add(new Figure(label(r, varying), Numbers.mean(s), Numbers.interval(s), r.result().id()));
                }
            }
            return new CrossCheck(python.python() + " (" + python.platform() + ")", "", cpython, List.copyOf(jvm));
        }
    }
}
