package dev.unitsbench.reports.output;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import dev.unitsbench.reports.baseline.BaselineComparison;
import dev.unitsbench.reports.charts.ChartImage;
import dev.unitsbench.reports.claims.ClaimOutcome;
import dev.unitsbench.reports.claims.ComparisonOutcome;
import dev.unitsbench.reports.claims.Verdict;
import dev.unitsbench.reports.crosscheck.PythonCrossCheck;
import dev.unitsbench.reports.crosscheck.Seconds;
import dev.unitsbench.reports.read.BenchmarkResult;
import dev.unitsbench.reports.read.Metric;
import dev.unitsbench.reports.read.RunMetadata;
import dev.unitsbench.reports.stats.AnalyzedResult;
import dev.unitsbench.reports.stats.Estimate;
import dev.unitsbench.reports.stats.Statistics;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Renders {@code index.html} from the template {@code index.html.mustache} with jmustache,
 * which escapes every {@code {{value}}} for HTML. The only unescaped values are the charts'
 * SVG, drawn by this program, whose text XChart's SVG encoder escapes itself.
 *
 * <p>This class only shapes the report into plain maps and lists of text for the template;
 * every sentence a reader sees is in the template or the claim catalog.
 */
public final class HtmlPage {

    public static final String FILE = "index.html";
    private static final String TEMPLATE = "/dev/unitsbench/reports/output/index.html.mustache";
    private static final Template PAGE = compile();

    private HtmlPage() {
    }

    private static Template compile() {
        try (InputStream in = HtmlPage.class.getResourceAsStream(TEMPLATE);
             Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return Mustache.compiler().escapeHTML(true).emptyStringIsFalse(true).defaultValue("").compile(reader);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("template " + TEMPLATE + " is missing from the jar", e);
        }
    }

    public static String render(Report report) {
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("resultFile", report.resultFile().toString());
        page.put("resultCount", report.results().size());
        page.put("alpha", String.valueOf(report.alpha()));
        page.put("ratioLevel", Numbers.percent(1 - report.alpha()));
        page.put("metadata", report.metadata().stream().map(HtmlPage::fact).toList());
        page.put("claims", report.claims().stream().map(c -> {
            Map<String, Object> m = claim(c, report.claimCharts().getOrDefault(c.claim().id(), List.of()), report.python());
            if (!report.compared().isEmpty()) {
                m.put("runs", report.compared().stream().map(run -> claimInRun(run, c.claim().id())).toList());
                m.put("hasRuns", true);
                claimGrids(m, report.compared(), c.claim().id());
            }
            return m;
        }).toList());
        page.put("verdicts", verdictLegend(report.alpha()));
        page.put("method", dev.unitsbench.reports.claims.VerdictRules.method(report.alpha()));
        if (report.smokeRun()) {
            page.put("smokeRun", dev.unitsbench.reports.claims.VerdictRules.SMOKE_RUN_DETAIL);
        }
        page.put("warnings", report.warnings());
        page.put("hasWarnings", !report.warnings().isEmpty());
        List<Map<String, Object>> families = new ArrayList<>();
        boolean multiRun = !report.compared().isEmpty();
        if (multiRun) {
            page.put("multiRun", true);
            page.put("runLabels", report.compared().stream().map(ComparedRun::label).toList());
            page.put("compared", report.compared().stream().map(r -> Map.of("label", r.label(), "file", r.file().toString(),
                    "count", r.results().size())).toList());
            page.put("runCount", report.compared().size());
            page.put("mainRunLabel", report.compared().get(0).label());
            page.put("runResults", runRows(report.compared(), null));
            Reproducibility reproducibility = Reproducibility.of(report.compared());
            page.put("coverage", reproducibility.coverage().stream().map(Reproducibility.Coverage::line).toList());
            page.put("flipped", reproducibility.flipped());
            page.put("hasFlipped", !reproducibility.flipped().isEmpty());
            page.put("withoutInterval", reproducibility.withoutInterval());
            page.put("reproducibility", reproducibility.rows().stream().map(row -> Map.of(
                    "run", row.run(), "benchmark", row.benchmark(), "metric", row.metric(),
                    "first", Numbers.mean(row.first()) + " (" + Numbers.interval(row.first()) + ")",
                    "later", Numbers.mean(row.later()), "inside", row.inside() ? "inside" : "outside",
                    "css", row.inside() ? "holds" : "reversed")).toList());
        }
        for (Family f : report.families()) {
            Map<String, Object> family = new LinkedHashMap<>();
            family.put("name", f.name());
            family.put("anchor", f.anchor());
            family.put("count", f.results().size());
            family.put("benchmarks", f.results().stream().map(r -> r.result().shortName()).distinct().collect(Collectors.joining(", ")));
            family.put("charts", report.familyCharts().getOrDefault(f.name(), List.of()).stream().map(HtmlPage::chart).toList());
            family.put("rows", f.results().stream().map(HtmlPage::resultRow).toList());
            if (multiRun) {
                List<Map<String, Object>> rows = runRows(report.compared(), f.name());
                family.put("runRows", rows);
                family.put("count", rows.size());
            }
            families.add(family);
        }
        page.put("families", families);
        if (report.historyFile() != null) {
            Map<String, Object> trends = new LinkedHashMap<>();
            trends.put("file", report.historyFile().toString());
            trends.put("count", report.runs().size());
            trends.put("charts", report.trendCharts().stream().map(HtmlPage::chart).toList());
            trends.put("hasCharts", !report.trendCharts().isEmpty());
            List<Map<String, Object>> runs = new ArrayList<>();
            for (int i = 0; i < report.runs().size(); i++) {
                var run = report.runs().get(i);
                runs.add(Map.of("number", i + 1, "commit", run.commit(), "date", run.date(), "jdk", run.jdk(), "machine", run.machine(),
                        "count", run.benchmarks().size(), "current", i == report.runs().size() - 1));
            }
            trends.put("runs", runs);
            page.put("trends", trends);
        }
        page.put("results", report.results().stream().map(HtmlPage::resultRow).toList());
        if (report.baseline() != null) {
            page.put("baseline", baseline(report));
        }
        page.put("files", List.of(
                file(DashboardFiles.GITHUB_SMALLER, "github-action-benchmark, tool customSmallerIsBetter: every time-mode result"),
                file(DashboardFiles.GITHUB_BIGGER, "github-action-benchmark, tool customBiggerIsBetter: every throughput result"),
                file(DashboardFiles.BENCHER, "Bencher Metric Format (bencher run --adapter json): one benchmark per name and params"),
                file(MarkdownSummary.FILE, "Markdown summary for a CI job summary"),
                file("charts/", "every chart as an SVG file")));
        return PAGE.execute(page);
    }

    /**
     * One row per benchmark, mode and params found in any run (in the order first met), with a
     * cell per run: its mean, interval and n, or "not in this run".
     *
     * @param family only this family's results; null for all
     */
    private static List<Map<String, Object>> runRows(List<ComparedRun> runs, String family) {
        Map<String, AnalyzedResult> first = new LinkedHashMap<>();
        List<Map<String, AnalyzedResult>> byRun = new ArrayList<>();
        for (ComparedRun run : runs) {
            Map<String, AnalyzedResult> byId = new LinkedHashMap<>();
            for (AnalyzedResult r : run.results()) {
                if (family == null || r.result().family().equals(family)) {
                    byId.put(r.result().id(), r);
                    first.putIfAbsent(r.result().id(), r);
                }
            }
            byRun.add(byId);
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map.Entry<String, AnalyzedResult> e : first.entrySet()) {
            BenchmarkResult b = e.getValue().result();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("benchmark", b.benchmark());
            row.put("shortName", b.shortName());
            row.put("mode", b.mode().label());
            row.put("params", b.paramsText().isEmpty() ? "none" : b.paramsText().substring(1, b.paramsText().length() - 1));
            List<Map<String, Object>> cells = new ArrayList<>();
            for (Map<String, AnalyzedResult> run : byRun) {
                AnalyzedResult r = run.get(e.getKey());
                cells.add(r == null ? Map.of("mean", "not in this run", "interval", "")
                        : Map.of("mean", Numbers.mean(r.estimate()), "interval", Numbers.interval(r.estimate())));
            }
            row.put("cells", cells);
            rows.add(row);
        }
        return rows;
    }

    private static Map<String, Object> fact(RunMetadata.Fact f) {
        return Map.of("name", f.name(), "value", f.value(), "source", f.source(), "unknown", f.value().equals("unknown"));
    }

    private static List<Map<String, Object>> verdictLegend(double alpha) {
        List<Map<String, Object>> legend = new ArrayList<>();
        for (var rule : dev.unitsbench.reports.claims.VerdictRules.legend(alpha)) {
            legend.add(Map.of("scope", rule.scope(), "label", rule.verdict().label(), "meaning", rule.rule(), "css", rule.verdict().cssClass()));
        }
        return legend;
    }

    private static Map<String, Object> claim(ClaimOutcome outcome, List<ChartImage> charts, PythonCrossCheck python) {
        Map<String, Object> m = new LinkedHashMap<>();
        var c = outcome.claim();
        m.put("id", c.id());
        m.put("title", c.title());
        m.put("sentence", c.sentence());
        m.put("experiment", c.tutorialExperiment());
        m.put("tutorialFigures", c.tutorialFigures());
        m.put("referenceFigures", c.referenceFigures());
        m.put("jvmExpectation", c.jvmExpectation());
        m.put("source", c.source());
        m.put("verdict", outcome.verdict().label());
        m.put("verdictCss", outcome.verdict().cssClass());
        m.put("verdictWhy", outcome.why());
        m.put("measured", outcome.verdict() != Verdict.NOT_MEASURED);
        m.put("hasBenchmark", !c.comparisons().isEmpty() || !outcome.comparisons().isEmpty());
        m.put("figures", figures(outcome));
        m.put("hasFigures", !outcome.figures().isEmpty());
        m.put("hasComparisons", !outcome.comparisons().isEmpty());
        m.put("comparisons", outcome.comparisons().stream().map(HtmlPage::comparison).toList());
        m.put("charts", charts.stream().map(HtmlPage::chart).toList());
        m.put("chartLinks", charts.stream().map(ch -> Map.of("id", ch.id(), "label", ch.label())).toList());
        if (outcome.breakEven() != null) {
            m.put("breakEven", breakEven(outcome.breakEven()));
        }
        crossCheck(m, outcome, python);
        return m;
    }

    private static Map<String, Object> breakEven(dev.unitsbench.reports.claims.BreakEven b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("x", b.spec().x());
        m.put("text", b.text());
        m.put("points", b.points().stream().map(p -> Map.of("x", p.xText(), "ratio", Numbers.times(p.ratio().ratio()),
                "interval", Numbers.ratioInterval(p.ratio()), "note", p.ineligible() == null ? "" : p.ineligible())).toList());
        return m;
    }

    /** A claim's verdict, comparisons and figures in one of several runs. */
    private static Map<String, Object> claimInRun(ComparedRun run, String claimId) {
        ClaimOutcome outcome = run.claims().stream().filter(o -> o.claim().id().equals(claimId)).findFirst().orElseThrow();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("runLabel", run.label());
        m.put("verdict", outcome.verdict().label());
        m.put("verdictCss", outcome.verdict().cssClass());
        m.put("figures", figures(outcome));
        m.put("comparisons", outcome.comparisons().stream().map(HtmlPage::comparison).toList());
        return m;
    }

    /**
     * For a claim with a CPython cross-check: CPython's figures on this machine and the JVM
     * figures in seconds ("cpython", "jvmSeconds"), or the reason it was skipped ("pythonSkipped").
     */
    private static void crossCheck(Map<String, Object> m, ClaimOutcome outcome, PythonCrossCheck python) {
        if (python == null || !outcome.claim().cpythonCrossCheck()) {
            return;
        }
        if (!python.ran()) {
            m.put("pythonSkipped", python.reason());
            return;
        }
        List<PythonCrossCheck.Experiment> experiments = python.forClaim(outcome.claim().id());
        if (experiments.isEmpty()) {
            m.put("pythonSkipped", "the CPython run has no experiment for " + outcome.claim().id());
            return;
        }
        m.put("cpythonName", python.python() + " (" + python.platform() + ")");
        m.put("cpython", experiments.stream().map(e -> {
            Estimate s = Seconds.of(e.estimate());
            Estimate shown = s == null ? e.estimate() : s;
            return Map.<String, Object>of("label", e.label(), "model", e.model(), "mean", Numbers.mean(shown), "interval", Numbers.interval(shown));
        }).toList());
        Map<String, java.util.Set<String>> varying = new java.util.TreeMap<>();
        for (AnalyzedResult r : outcome.figures()) {
            r.result().params().forEach((k, v) -> varying.computeIfAbsent(k, x -> new java.util.LinkedHashSet<>()).add(v));
        }
        varying.values().removeIf(v -> v.size() < 2);
        List<Map<String, Object>> jvm = new ArrayList<>();
        for (AnalyzedResult r : outcome.figures()) {
            Estimate s = Seconds.of(r.estimate());
            if (s != null) {
                String label = dev.unitsbench.reports.charts.ReportCharts.paramsLabel(r.result(), varying.keySet());
                jvm.add(Map.of("label", label.isEmpty() ? r.result().shortName() : label, "mean", Numbers.mean(s), "interval", Numbers.interval(s)));
            }
        }
        m.put("jvmSeconds", jvm);
        m.put("hasJvmSeconds", !jvm.isEmpty());
    }

    /** "JVM figures per model": the claim's figure results, labelled by the params that tell them apart. */
    private static List<Map<String, Object>> figures(ClaimOutcome outcome) {
        List<AnalyzedResult> results = outcome.figures();
        Map<String, java.util.Set<String>> varying = new java.util.TreeMap<>();
        for (AnalyzedResult r : results) {
            r.result().params().forEach((k, v) -> varying.computeIfAbsent(k, x -> new java.util.LinkedHashSet<>()).add(v));
        }
        varying.values().removeIf(v -> v.size() < 2);
        return results.stream().map(r -> {
            String label = dev.unitsbench.reports.charts.ReportCharts.paramsLabel(r.result(), varying.keySet());
            return Map.<String, Object>of("label", label.isEmpty() ? r.result().shortName() : label,
                    "mean", Numbers.mean(r.estimate()), "interval", Numbers.interval(r.estimate()), "id", r.result().id());
        }).toList();
    }

    /**
     * A claim across several runs, as two grids with a column per run: its figures (one row per
     * result, matched by benchmark, mode and params) and its comparisons (one row per comparison
     * and pairing, each cell the speed-up or the observed values, and the verdict).
     */
    private static void claimGrids(Map<String, Object> m, List<ComparedRun> runs, String claimId) {
        int n = runs.size();
        Map<String, Map<String, Object>> figureRows = new LinkedHashMap<>();
        Map<String, Map<String, Object>> comparisonRows = new LinkedHashMap<>();
        List<Map<String, Object>> verdicts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ClaimOutcome outcome = runs.get(i).claims().stream().filter(o -> o.claim().id().equals(claimId)).findFirst().orElseThrow();
            verdicts.add(Map.of("verdict", outcome.verdict().label(), "verdictCss", outcome.verdict().cssClass()));
            for (Map<String, Object> f : figures(outcome)) {
                cells(figureRows, (String) f.get("id"), f.get("label"), "", n).set(i, Map.of("mean", f.get("mean"), "interval", f.get("interval")));
            }
            for (ComparisonOutcome c : outcome.comparisons()) {
                // What was missing is told in full in the claim's details; the grid keeps to the verdict.
                String text = !c.hasFigures() ? ""
                        : c.kind() == ComparisonOutcome.Kind.COMPARISON ? Numbers.times(c.speedup().ratio()) : c.observed();
                cells(comparisonRows, c.label() + "|" + c.pairing(), c.label(), c.pairing(), n)
                        .set(i, Map.of("text", text, "verdict", c.verdict().label(), "verdictCss", c.verdict().cssClass(), "bold", c.hasFigures()
                                && c.kind() == ComparisonOutcome.Kind.COMPARISON));
            }
        }
        m.put("runVerdicts", verdicts);
        m.put("figureGrid", new ArrayList<>(figureRows.values()));
        m.put("hasFigureGrid", !figureRows.isEmpty());
        m.put("comparisonGrid", new ArrayList<>(comparisonRows.values()));
    }

    /** The cells of a grid row, created with "not in this run" in every column. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> cells(Map<String, Map<String, Object>> rows, String key, Object label, String pairing, int n) {
        return (List<Map<String, Object>>) rows.computeIfAbsent(key, k -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("label", label);
            row.put("pairing", pairing);
            List<Map<String, Object>> cells = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                cells.add(Map.of("mean", "not in this run", "interval", "", "text", "not in this run", "verdict", "", "verdictCss", ""));
            }
            row.put("cells", cells);
            return row;
        }).get("cells");
    }

    private static Map<String, Object> comparison(ComparisonOutcome c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("label", c.label());
        m.put("pairing", c.pairing());
        m.put("verdict", c.verdict().label());
        m.put("verdictCss", c.verdict().cssClass());
        m.put("measured", c.hasFigures());
        m.put("isCheck", c.kind() != ComparisonOutcome.Kind.COMPARISON);
        m.put("isFinding", c.kind() == ComparisonOutcome.Kind.FINDING);
        m.put("metric", c.metric() == null ? "" : c.metric());
        m.put("reason", c.missing() == null ? "" : c.missing());
        m.put("note", c.note() == null ? "" : c.note());
        m.put("notEvidence", !c.evidence());
        if (!c.hasFigures()) {
            m.put("missing", c.missing() == null ? "" : c.missing());
            return m;
        }
        if (c.kind() != ComparisonOutcome.Kind.COMPARISON) {
            m.put("observed", c.observed());
            if (c.faster() != null) {
                m.put("faster", side(c.faster()));
            }
            return m;
        }
        m.put("faster", side(c.faster()));
        m.put("slower", side(c.slower()));
        m.put("speedup", Numbers.times(c.speedup().ratio()));
        m.put("speedupInterval", Numbers.ratioInterval(c.speedup()));
        m.put("pValue", Numbers.pValue(c.test().pValue()));
        m.put("df", Numbers.format(c.test().degreesOfFreedom()));
        m.put("decidingP", Double.isNaN(c.p()) || c.p() == c.test().pValue() ? "" : Numbers.pValue(c.p()));
        m.put("adjustedP", Double.isNaN(c.adjustedP()) ? "" : Numbers.pValue(c.adjustedP()));
        m.put("effect", c.effect() == null ? "" : c.effect());
        return m;
    }

    private static Map<String, Object> side(AnalyzedResult r) {
        return Map.of("name", r.result().shortName(), "params", r.result().paramsText(),
                "mean", Numbers.mean(r.estimate()), "interval", Numbers.interval(r.estimate()));
    }

    private static Map<String, Object> chart(ChartImage c) {
        return Map.of("id", c.id(), "title", c.title(), "caption", c.caption(), "svg", c.svg());
    }

    private static Map<String, Object> resultRow(AnalyzedResult r) {
        BenchmarkResult b = r.result();
        Estimate e = r.estimate();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("benchmark", b.benchmark());
        m.put("shortName", b.shortName());
        m.put("mode", b.mode().label());
        m.put("params", b.paramsText().isEmpty() ? "none" : b.paramsText().substring(1, b.paramsText().length() - 1));
        m.put("mean", Numbers.format(e.mean()));
        m.put("low", e.hasInterval() ? Numbers.format(e.low()) : "n/a");
        m.put("high", e.hasInterval() ? Numbers.format(e.high()) : "n/a");
        m.put("unit", e.unit());
        m.put("n", e.n());
        m.put("forks", b.forks());
        m.put("iterations", e.iterations());
        m.put("harness", b.harness().describe());
        String why = dev.unitsbench.reports.claims.Eligibility.whyNot(b);
        m.put("ineligible", why == null ? "" : why);
        if (b.primary().samples() != null && b.primary().samples().pooled() != null) {
            var h = b.primary().samples().pooled();
            m.put("percentiles", "p50 " + Numbers.format(h.percentile(0.5)) + ", p99 " + Numbers.format(h.percentile(0.99))
                    + ", max " + Numbers.format(h.percentile(1)) + " " + e.unit() + " over " + String.format(java.util.Locale.ROOT, "%,d", h.size())
                    + " sampled invocations (display only)");
        }
        m.put("jmh", Numbers.format(b.primary().score()) + (Double.isNaN(b.primary().scoreError()) ? "" : " ± " + Numbers.format(b.primary().scoreError())));
        List<String> secondary = new ArrayList<>();
        for (Map.Entry<String, Metric> s : b.secondary().entrySet()) {
            Metric metric = s.getValue();
            String text = s.getKey() + " = " + Numbers.format(metric.score()) + " " + metric.unit();
            if (metric.samples() != null && metric.samples().size() > 1) {
                Estimate se = Statistics.estimate(metric.samples(), Report.CONFIDENCE, metric.unit());
                text += " (per iteration: " + Numbers.mean(se) + ", " + Numbers.interval(se) + ")";
            }
            secondary.add(text);
        }
        m.put("secondary", String.join("; ", secondary));
        return m;
    }

    private static Map<String, Object> baseline(Report report) {
        BaselineComparison.Result result = report.baseline();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", report.baselineFile().toString());
        m.put("limit", report.regressionLimit() == null ? "" : Numbers.format(report.regressionLimit()) + "%");
        m.put("compared", result.rows().size());
        m.put("regressions", result.rows().stream().filter(BaselineComparison.Row::regression).count());
        m.put("improvements", result.rows().stream().filter(BaselineComparison.Row::improvement).count());
        m.put("rows", result.rows().stream().map(row -> {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("benchmark", row.current().result().id());
            r.put("old", Numbers.mean(row.baseline().estimate()) + " (n=" + row.baseline().estimate().n() + ")");
            r.put("now", Numbers.mean(row.current().estimate()) + " (n=" + row.current().estimate().n() + ")");
            r.put("change", Numbers.signedPercent((row.change().ratio() - 1) * 100));
            r.put("changeInterval", row.change().bounded()
                    ? Numbers.signedPercent((row.change().low() - 1) * 100) + " to " + Numbers.signedPercent((row.change().high() - 1) * 100)
                    : "unbounded (too noisy)");
            r.put("pValue", Numbers.pValue(row.test().pValue()));
            r.put("status", row.regression() ? "slower" : row.improvement() ? "faster" : "no significant change");
            r.put("css", row.regression() ? "reversed" : row.improvement() ? "holds" : "no-significant-difference");
            r.put("beyondLimit", report.regressionLimit() != null && row.regression() && row.slowdownPercent() > report.regressionLimit());
            return r;
        }).toList());
        m.put("onlyInCurrent", result.onlyInCurrent());
        m.put("onlyInBaseline", result.onlyInBaseline());
        m.put("hasOnlyInCurrent", !result.onlyInCurrent().isEmpty());
        m.put("hasOnlyInBaseline", !result.onlyInBaseline().isEmpty());
        return m;
    }

    private static Map<String, Object> file(String name, String what) {
        return Map.of("name", name, "what", what);
    }
}
