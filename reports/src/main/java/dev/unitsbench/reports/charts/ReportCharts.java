package dev.unitsbench.reports.charts;

import dev.unitsbench.reports.claims.BreakEven;
import dev.unitsbench.reports.claims.ClaimOutcome;
import dev.unitsbench.reports.crosscheck.PythonCrossCheck;
import dev.unitsbench.reports.crosscheck.Seconds;
import dev.unitsbench.reports.history.History;
import dev.unitsbench.reports.stats.Estimate;
import dev.unitsbench.reports.read.BenchmarkResult;
import dev.unitsbench.reports.stats.AnalyzedResult;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Decides which charts the report has and what each shows: for a claim, its figures as bars
 * per model and its scaling as lines; for a benchmark family, one chart per benchmark class,
 * mode and unit, as lines when a numeric param (the worker count) varies, else as bars.
 *
 * <p>Params that vary but are neither on the x axis nor the series become facets: one chart
 * each, so that no chart mixes, say, runs with and without the emulated GIL in one tangle.
 */
public final class ReportCharts {

    /** Facet counts above this go into the legend instead, to bound the chart count of big files. */
    private static final int MAX_FACETS = 8;
    /** The param that names the execution model in this suite; it becomes the bar category or line series. */
    private static final String MODEL = "model";
    /** Preferred x axis of a line chart. */
    private static final String WORKERS = "workers";

    private ReportCharts() {
    }

    public static List<ChartImage> forClaim(ClaimOutcome outcome) {
        List<ChartImage> charts = new ArrayList<>();
        String id = outcome.claim().id();
        String title = id;
        if (outcome.claim().figures() != null && !outcome.figures().isEmpty()) {
            charts.addAll(bars("claim-" + id + "-bars", title, outcome.figures(), outcome.claim().figures().category()));
        }
        if (outcome.claim().scaling() != null && outcome.scaling().size() > 1) {
            charts.addAll(lines("claim-" + id + "-scaling", title, outcome.scaling(),
                    outcome.claim().scaling().x(), outcome.claim().scaling().series()));
        }
        charts.addAll(breakEven(outcome));
        return charts;
    }

    /** The claim's break-even ratio against its work size, with the 1x line; none with fewer than two sizes. */
    static List<ChartImage> breakEven(ClaimOutcome outcome) {
        BreakEven b = outcome.breakEven();
        if (b == null || b.points().size() < 2) {
            return List.of();
        }
        String id = outcome.claim().id();
        BreakEven.Spec spec = b.spec();
        String faster = spec.fasterLabel().isBlank() ? String.join(", ", spec.faster().values()) : spec.fasterLabel();
        String slower = spec.slowerLabel().isBlank() ? String.join(", ", spec.slower().values()) : spec.slowerLabel();
        List<SvgCharts.RatioPoint> points = b.points().stream().map(p -> new SvgCharts.RatioPoint(p.x(), p.ratio().ratio(),
                p.ratio().bounded() ? p.ratio().low() : Double.NaN, p.ratio().bounded() ? p.ratio().high() : Double.NaN)).toList();
        String title = id + ": " + slower + " over " + faster + " against " + spec.x();
        String svg = SvgCharts.ratio(title, spec.x(), "ratio " + slower + " / " + faster, points);
        return List.of(new ChartImage(slug("claim-" + id + "-break-even"), title, "break-even against " + spec.x(),
                "Each point is the ratio of the two sides' means (" + slower + " over " + faster + ", on fork means); the dashed lines are its "
                        + Math.round(b.points().get(0).ratio().level() * 100) + "%" + " interval (on the logs of the fork means). Above the dotted 1x line " + faster
                        + " win, below it " + slower + ". " + capitalized(b.text()) + ".", svg));
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /**
     * The claim's experiment in CPython on this machine beside every JVM model of its figures,
     * all in seconds: one bar per execution model, one series for CPython and one per JVM
     * variant (e.g. gil=true). None when the cross-check did not run or has nothing for the claim.
     */
    public static List<ChartImage> forCrossCheck(ClaimOutcome outcome, PythonCrossCheck python) {
        String id = outcome.claim().id();
        if (python == null || !python.ran() || !outcome.claim().cpythonCrossCheck() || python.forClaim(id).isEmpty()) {
            return List.of();
        }
        List<SvgCharts.Bar> bars = new ArrayList<>();
        String cpython = python.python() + ", this machine";
        for (PythonCrossCheck.Experiment e : python.forClaim(id)) {
            Estimate s = Seconds.of(e.estimate());
            if (s != null) {
                bars.add(new SvgCharts.Bar(e.model(), cpython, s));
            }
        }
        Map<String, Set<String>> varying = varyingParams(outcome.figures());
        varying.remove(MODEL);
        for (AnalyzedResult r : outcome.figures()) {
            Estimate s = Seconds.of(r.estimate());
            String variant = paramsLabel(r.result(), varying.keySet());
            if (s != null) {
                bars.add(new SvgCharts.Bar(r.result().params().getOrDefault(MODEL, r.result().shortName()),
                        "JVM" + (variant.isEmpty() ? "" : ", " + variant), s));
            }
        }
        String title = id + ": CPython on this machine and the JVM, time in seconds per model";
        String svg = SvgCharts.bars(title, "model", "time (s)", bars);
        return List.of(new ChartImage(slug("claim-" + id + "-cpython"), title, "CPython vs JVM (s)",
                "Each CPython bar is the mean of its " + python.repeats() + " repeats (" + python.python() + ", " + python.platform()
                        + "); each JVM bar the mean of its measurement iterations, converted to seconds. Error bars: 95% confidence intervals. "
                        + "The tutorial's own figures are in the text above (another machine). Lower is better.", svg));
    }

    /**
     * One trend chart per headline benchmark (a benchmark of some claim's figures): each of its
     * results in this run is a line of its mean over the history's runs, {@code runs} oldest
     * first with this run last. Points whose unit differs from this run's are left out. None
     * with fewer than two runs.
     */
    public static List<ChartImage> forTrends(List<ClaimOutcome> claims, List<History.Run> runs) {
        if (runs.size() < 2) {
            return List.of();
        }
        Map<String, Map<String, AnalyzedResult>> byBenchmark = new LinkedHashMap<>();
        for (ClaimOutcome c : claims) {
            for (AnalyzedResult r : c.figures()) {
                byBenchmark.computeIfAbsent(r.result().benchmark(), k -> new LinkedHashMap<>()).putIfAbsent(r.result().id(), r);
            }
        }
        List<ChartImage> charts = new ArrayList<>();
        for (Map.Entry<String, Map<String, AnalyzedResult>> b : byBenchmark.entrySet()) {
            List<AnalyzedResult> results = new ArrayList<>(b.getValue().values());
            Map<String, Set<String>> varying = varyingParams(results);
            Map<String, List<AnalyzedResult>> byUnit = new LinkedHashMap<>();
            for (AnalyzedResult r : results) {
                byUnit.computeIfAbsent(r.result().mode().jmhName() + " " + r.estimate().unit(), k -> new ArrayList<>()).add(r);
            }
            for (List<AnalyzedResult> group : byUnit.values()) {
                Map<String, double[][]> series = new LinkedHashMap<>();
                for (AnalyzedResult r : group) {
                    List<double[]> points = new ArrayList<>();
                    for (int i = 0; i < runs.size(); i++) {
                        History.Point p = runs.get(i).benchmarks().get(r.result().id());
                        if (p != null && p.unit().equals(r.estimate().unit())) {
                            points.add(new double[]{i + 1, p.score()});
                        }
                    }
                    double[][] xy = new double[2][points.size()];
                    for (int k = 0; k < points.size(); k++) {
                        xy[0][k] = points.get(k)[0];
                        xy[1][k] = points.get(k)[1];
                    }
                    String label = paramsLabel(r.result(), varying.keySet());
                    series.put(label.isEmpty() ? r.result().shortName() : label, xy);
                }
                BenchmarkResult first = group.get(0).result();
                String title = first.shortName() + ": " + shortUnitless(yTitle(first)) + " over " + runs.size() + " runs";
                charts.add(new ChartImage(slug("trend-" + first.shortName() + "-" + first.mode().jmhName() + "-" + first.primary().unit()),
                        title, first.shortName(),
                        "Each point is a run's mean (from the history file; the last run is this report's). One line per result of this "
                                + "benchmark that a claim shows; a line that starts late is a result added later. A step between two runs "
                                + "is worth a look only when it is larger than the confidence intervals in the runs' reports.",
                        SvgCharts.trend(title, yTitle(first), series)));
            }
        }
        return charts;
    }

    /** Charts for one family ({@code io}, {@code cpu}, ...); a benchmark measured once alone gets none. */
    public static List<ChartImage> forFamily(String family, List<AnalyzedResult> results) {
        Map<String, List<AnalyzedResult>> groups = new LinkedHashMap<>();
        for (AnalyzedResult r : results) {
            BenchmarkResult b = r.result();
            groups.computeIfAbsent(b.className() + "|" + b.mode() + "|" + b.primary().unit(), k -> new ArrayList<>()).add(r);
        }
        List<ChartImage> charts = new ArrayList<>();
        for (List<AnalyzedResult> group : groups.values()) {
            if (group.size() < 2) {
                continue;
            }
            BenchmarkResult first = group.get(0).result();
            String className = first.className().substring(first.className().lastIndexOf('.') + 1);
            String title = className + " (" + first.mode().label() + ")";
            String idPrefix = "family-" + family + "-" + className + "-" + first.mode().jmhName();
            Map<String, Set<String>> varying = varyingParams(group);
            String x = numericAxis(varying);
            if (x != null) {
                charts.addAll(lines(idPrefix, title, group, x, MODEL));
            } else {
                String category = varying.containsKey(MODEL) ? MODEL : varying.keySet().stream().findFirst().orElse(null);
                charts.addAll(bars(idPrefix, title, group, category));
            }
        }
        return charts;
    }

    /** Bars of each result's mean, one category per value of {@code category}, split into facets. */
    static List<ChartImage> bars(String idPrefix, String title, List<AnalyzedResult> results, String category) {
        List<ChartImage> charts = new ArrayList<>();
        for (Map.Entry<String, List<AnalyzedResult>> facet : facets(results, category, null, false).entrySet()) {
            List<AnalyzedResult> group = facet.getValue();
            Map<String, Set<String>> varying = varyingParams(group);
            boolean manyBenchmarks = group.stream().map(r -> r.result().benchmark()).distinct().count() > 1;
            List<SvgCharts.Bar> bars = new ArrayList<>();
            for (AnalyzedResult r : group) {
                String cat = category != null && r.result().params().containsKey(category)
                        ? r.result().params().get(category) : r.result().shortName();
                bars.add(new SvgCharts.Bar(cat, seriesName(r.result(), varying, Set.of(category == null ? "" : category), manyBenchmarks), r));
            }
            BenchmarkResult first = group.get(0).result();
            String fullTitle = title + ": " + shortUnitless(yTitle(first)) + " per " + (category == null ? "benchmark" : category)
                    + facetSuffix(facet.getKey());
            String svg = SvgCharts.bars(fullTitle, category == null ? "benchmark" : category, yTitle(first), bars);
            charts.add(new ChartImage(slug(idPrefix + facet.getKey()), fullTitle,
                    "bars per " + (category == null ? "benchmark" : category) + facetSuffix(facet.getKey()),
                    "Each bar is the mean of " + describeSamples(group) + "; the black error bar is its 95% confidence interval (Student t). "
                            + (first.mode().biggerIsBetter() ? "Higher is better." : "Lower is better."), svg));
        }
        return charts;
    }

    /** Lines of mean against the numeric param {@code x}, one per value of {@code series}, split into facets. */
    static List<ChartImage> lines(String idPrefix, String title, List<AnalyzedResult> results, String x, String series) {
        List<ChartImage> charts = new ArrayList<>();
        for (Map.Entry<String, List<AnalyzedResult>> facet : facets(results, x, series, true).entrySet()) {
            List<AnalyzedResult> group = facet.getValue();
            Map<String, Set<String>> varying = varyingParams(group);
            varying.remove(x);
            List<SvgCharts.Point> points = new ArrayList<>();
            boolean manyBenchmarks = collides(group, x, varying);
            for (AnalyzedResult r : group) {
                String value = r.result().params().get(x);
                if (value == null || !isNumber(value)) {
                    continue;
                }
                points.add(new SvgCharts.Point(Double.parseDouble(value), seriesName(r.result(), varying, Set.of(), manyBenchmarks), r));
            }
            if (points.size() < 2) {
                continue;
            }
            BenchmarkResult first = group.get(0).result();
            String fullTitle = title + ": " + shortUnitless(yTitle(first)) + " against " + x + facetSuffix(facet.getKey());
            String svg = SvgCharts.lines(fullTitle, x, yTitle(first), points);
            charts.add(new ChartImage(slug(idPrefix + "-" + x + facet.getKey()), fullTitle,
                    "lines against " + x + facetSuffix(facet.getKey()),
                    "Each point is the mean of " + describeSamples(group) + ", with its 95% confidence interval as an error bar; "
                            + "one line per " + (series == null ? "series" : series) + ". "
                            + "A flat line means more workers cost no extra time; a line rising with the workers means they wait for each other or for the CPU.",
                    svg));
        }
        return charts;
    }

    /**
     * Splits results into charts: by unit and mode (never mixed in one chart), then, for line
     * charts, by every varying param other than the axes, as long as there are few enough
     * such charts. Bar charts keep those params as side-by-side series instead.
     */
    private static Map<String, List<AnalyzedResult>> facets(List<AnalyzedResult> results, String axis, String series,
                                                            boolean byParams) {
        Map<String, Set<String>> varying = byParams ? varyingParams(results) : new TreeMap<>();
        if (axis != null) {
            varying.remove(axis);
        }
        if (series != null) {
            varying.remove(series);
        }
        varying.remove(MODEL);
        Map<String, List<AnalyzedResult>> byFacet = new TreeMap<>();
        for (AnalyzedResult r : results) {
            byFacet.computeIfAbsent(facetKey(r.result(), varying.keySet()), k -> new ArrayList<>()).add(r);
        }
        if (byFacet.size() > MAX_FACETS) {
            byFacet.clear();
            for (AnalyzedResult r : results) {
                byFacet.computeIfAbsent(facetKey(r.result(), Set.of()), k -> new ArrayList<>()).add(r);
            }
        }
        return byFacet;
    }

    private static String facetKey(BenchmarkResult r, Set<String> params) {
        StringBuilder key = new StringBuilder();
        key.append(" [").append(r.mode().jmhName()).append(" ").append(r.primary().unit()).append("]");
        for (String p : params) {
            key.append(", ").append(p).append("=").append(r.params().getOrDefault(p, "-"));
        }
        return key.toString();
    }

    /** Facet keys carry mode and unit for grouping; the title shows only the param part. */
    private static String facetSuffix(String facetKey) {
        int params = facetKey.indexOf("], ");
        return params < 0 ? "" : ", " + facetKey.substring(params + 3);
    }

    /** Params with more than one value among {@code results}, in name order. */
    static Map<String, Set<String>> varyingParams(List<AnalyzedResult> results) {
        Map<String, Set<String>> values = new TreeMap<>();
        for (AnalyzedResult r : results) {
            for (Map.Entry<String, String> p : r.result().params().entrySet()) {
                values.computeIfAbsent(p.getKey(), k -> new LinkedHashSet<>()).add(p.getValue());
            }
        }
        values.values().removeIf(v -> v.size() < 2);
        return values;
    }

    /** The numeric param to draw along x: {@code workers} if it varies, else the numeric one with most values. */
    private static String numericAxis(Map<String, Set<String>> varying) {
        if (varying.containsKey(WORKERS) && varying.get(WORKERS).stream().allMatch(ReportCharts::isNumber)) {
            return WORKERS;
        }
        return varying.entrySet().stream()
                .filter(e -> e.getValue().stream().allMatch(ReportCharts::isNumber))
                .max(Comparator.comparingInt(e -> e.getValue().size()))
                .map(Map.Entry::getKey).orElse(null);
    }

    /** True when two results would land on one point of one line unless the method name tells them apart. */
    private static boolean collides(List<AnalyzedResult> group, String x, Map<String, Set<String>> varying) {
        Set<String> seen = new LinkedHashSet<>();
        for (AnalyzedResult r : group) {
            if (!seen.add(seriesName(r.result(), varying, Set.of(), false) + "@" + r.result().params().get(x))) {
                return true;
            }
        }
        return false;
    }

    private static String seriesName(BenchmarkResult r, Map<String, Set<String>> varying, Set<String> exclude, boolean withMethod) {
        List<String> parts = new ArrayList<>();
        if (withMethod) {
            parts.add(r.methodName());
        }
        if (varying.containsKey(MODEL) && !exclude.contains(MODEL) && r.params().containsKey(MODEL)) {
            parts.add(r.params().get(MODEL));
        }
        for (String p : varying.keySet()) {
            if (!p.equals(MODEL) && !exclude.contains(p) && r.params().containsKey(p)) {
                parts.add(p + "=" + r.params().get(p));
            }
        }
        if (parts.isEmpty() && !exclude.contains(MODEL) && r.params().containsKey(MODEL)) {
            parts.add(r.params().get(MODEL));
        }
        return String.join(", ", parts);
    }

    /** The y axis title: what is measured and its unit, e.g. "time per operation (ms/op)". */
    static String yTitle(BenchmarkResult r) {
        String unit = r.primary().unit();
        return switch (r.mode()) {
            case THROUGHPUT -> "throughput (" + unit + ")";
            case SINGLE_SHOT_TIME -> "time of one run (" + unit + ")";
            case AVERAGE_TIME -> "average time (" + unit + ")";
            case SAMPLE_TIME -> "sampled time (" + unit + ")";
        };
    }

    private static String shortUnitless(String yTitle) {
        int paren = yTitle.indexOf(" (");
        return paren < 0 ? yTitle : yTitle.substring(0, paren);
    }

    private static String describeSamples(List<AnalyzedResult> group) {
        long min = group.stream().mapToLong(r -> r.estimate().n()).min().orElse(0);
        long max = group.stream().mapToLong(r -> r.estimate().n()).max().orElse(0);
        return "the fork means of " + (min == max ? String.valueOf(min) : min + " to " + max) + (max == 1 ? " fork" : " forks")
                + " (one fork: no interval)";
    }

    static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** A string fit for an HTML id and a file name. */
    static String slug(String text) {
        String slug = text.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return slug.isEmpty() ? "chart" : slug;
    }

    /** Makes chart ids unique within one report by numbering repeats. */
    public static List<ChartImage> uniqueIds(List<ChartImage> charts, Set<String> taken) {
        List<ChartImage> result = new ArrayList<>();
        for (ChartImage c : charts) {
            String id = c.id();
            for (int i = 2; !taken.add(id); i++) {
                id = c.id() + "-" + i;
            }
            result.add(new ChartImage(id, c.title(), c.label(), c.caption(), c.svg()));
        }
        return result;
    }

    /** Param values of a result in one short text, for legends and tables. */
    public static String paramsLabel(BenchmarkResult r, Set<String> only) {
        return r.params().entrySet().stream().filter(e -> only.contains(e.getKey()))
                .map(e -> e.getKey().equals(MODEL) ? e.getValue() : e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
    }
}
