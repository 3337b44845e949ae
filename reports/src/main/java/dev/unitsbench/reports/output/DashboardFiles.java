package dev.unitsbench.reports.output;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.unitsbench.reports.claims.Claim;
import dev.unitsbench.reports.claims.ClaimOutcome;
import dev.unitsbench.reports.claims.Selector;
import dev.unitsbench.reports.format.Numbers;
import dev.unitsbench.reports.read.BenchmarkResult;
import dev.unitsbench.reports.read.Metric;
import dev.unitsbench.reports.stats.AnalyzedResult;
import dev.unitsbench.reports.stats.Estimate;
import dev.unitsbench.reports.stats.Statistics;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Files for CI dashboards, made because both tools' own JMH adapters fall short: one treats
 * every JMH score as smaller-is-better, the other drops {@code params}.
 *
 * <ul>
 *   <li>github-action-benchmark, tool {@code customSmallerIsBetter} (every time mode) and
 *   {@code customBiggerIsBetter} (throughput): a list of {@code name, unit, value, range,
 *   extra}, one file per tool, since the action reads one tool per file.</li>
 *   <li>Bencher Metric Format: one benchmark per name <em>and</em> param combination, with
 *   {@code value, lower_value, upper_value} (the 95% interval). Bencher's built-in measures
 *   have fixed units, so times are converted to nanoseconds ({@code latency}) and throughput
 *   to operations per second ({@code throughput}); a unit that cannot be converted (a custom
 *   one) keeps its value under a measure named after it.</li>
 * </ul>
 *
 * <p>Both also get the secondary metrics the claims compare ({@link #claimMetrics}: taken from
 * the catalog's comparisons, so a new claim on a new metric needs no change here), each on the
 * results its selector picks: mean of the per-iteration values with the 95% interval on fork
 * means, in the github-action-benchmark file of its direction and as a named Bencher measure of
 * its benchmark. So a dashboard can alert on "a virtual thread now costs 30% more memory", which
 * both tools' JMH adapters drop.
 *
 * <p>What stays out, because these files exist to alert on regressions:
 * <ul>
 *   <li>the metrics of checks (tickets oversold, lost updates, failed connections, pinned
 *       events): counters that a claim expects to be 0, or above 0 (a race that must show), are
 *       not smaller-is-better performance figures. Their pass or fail is in the report and its
 *       summary;</li>
 *   <li>in the github-action-benchmark files, an entry whose value is 0: the action alerts on
 *       the ratio to the previous point, and a 0 makes that ratio infinite.</li>
 * </ul>
 * The {@code range} is written as a plain number ("± 1234.5": no grouping commas), which the
 * action reads back as a number.
 */
public final class DashboardFiles {

    public static final String GITHUB_SMALLER = "github-action-benchmark-smaller-is-better.json";
    public static final String GITHUB_BIGGER = "github-action-benchmark-bigger-is-better.json";
    public static final String BENCHER = "bencher-metrics.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private DashboardFiles() {
    }

    /** A secondary metric a claim compares or checks, on one result its selector picks, with its estimate and direction. */
    record ClaimMetric(AnalyzedResult result, String metric, Estimate estimate, boolean lowerIsBetter) {

        /** The Bencher measure: the metric's name in kebab case ({@code residentBytesPerUnit} → {@code resident-bytes-per-unit}). */
        String slug() {
            return metric.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Every secondary metric the claims' comparisons name, on every result of the file the
     * selector picks and that has per-iteration values of it; one entry per result and metric.
     * Checks are left out, and so is a metric that any check reads (a counter, not a performance figure).
     */
    static List<ClaimMetric> claimMetrics(List<ClaimOutcome> claims, List<AnalyzedResult> results) {
        Set<String> checked = new HashSet<>();
        for (ClaimOutcome claim : claims) {
            for (Claim.ComparisonSpec spec : claim.claim().comparisons()) {
                if (spec.faster() == null && spec.common().metric() != null) {
                    checked.add(spec.common().metric());
                }
            }
        }
        Map<String, ClaimMetric> found = new LinkedHashMap<>();
        for (ClaimOutcome claim : claims) {
            for (Claim.ComparisonSpec spec : claim.claim().comparisons()) {
                if (spec.faster() == null) {
                    continue; // a check: its pass or fail is in the report, not on a dashboard
                }
                for (Selector side : List.of(spec.common().narrowedBy(spec.faster()), spec.common().narrowedBy(spec.slower()))) {
                    if (side.metric() == null || checked.contains(side.metric())) {
                        continue;
                    }
                    for (AnalyzedResult r : results) {
                        Metric m = r.result().secondary().get(side.metric());
                        if (m != null && m.samples() != null && side.matches(r.result())) {
                            found.putIfAbsent(r.result().id() + "\n" + side.metric(), new ClaimMetric(r, side.metric(),
                                    Statistics.estimate(m.samples(), r.estimate().level(), m.unit()), spec.lowerIsBetter()));
                        }
                    }
                }
            }
        }
        return List.copyOf(found.values());
    }

    /**
     * @param biggerIsBetter true for the throughput file, false for the time file
     * @param claims         for the secondary metrics the claims use, each added to the file of its direction
     */
    public static String githubActionBenchmark(List<AnalyzedResult> results, List<ClaimOutcome> claims, boolean biggerIsBetter) {
        ArrayNode list = JSON.createArrayNode();
        for (AnalyzedResult r : results) {
            BenchmarkResult b = r.result();
            if (b.mode().biggerIsBetter() == biggerIsBetter) {
                githubEntry(list, dashboardName(b), r.estimate(), b.mode().label());
            }
        }
        for (ClaimMetric m : claimMetrics(claims, results)) {
            if (m.lowerIsBetter() != biggerIsBetter) {
                githubEntry(list, dashboardName(m.result().result()) + " " + m.metric(), m.estimate(),
                        "secondary metric, mean of the per-iteration values");
            }
        }
        return write(list);
    }

    /** One entry of a github-action-benchmark file; none for a value of 0 or not finite (no ratio to alert on). */
    private static void githubEntry(ArrayNode list, String name, Estimate e, String what) {
        if (!Double.isFinite(e.mean()) || e.mean() == 0) {
            return;
        }
        ObjectNode entry = list.addObject();
        entry.put("name", name);
        entry.put("unit", e.unit());
        entry.put("value", e.mean());
        if (e.hasInterval()) {
            entry.put("range", "± " + plain(e.halfWidth()));
        }
        entry.put("extra", extra(what, e));
    }

    /** A number to four significant digits, without grouping or exponent: "1234", "0.01235". */
    static String plain(double value) {
        if (!Double.isFinite(value)) {
            return String.valueOf(value);
        }
        return new BigDecimal(value).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }

    private static String extra(String what, Estimate e) {
        return what + "; " + Numbers.replicates(e) + (e.hasInterval()
                ? "; 95% CI on fork means " + Numbers.format(e.low()) + " to " + Numbers.format(e.high()) : "; 1 fork: no interval");
    }

    /** @param claims for the secondary metrics the claims compare, each a measure of its benchmark named after it */
    public static String bencher(List<AnalyzedResult> results, List<ClaimOutcome> claims) {
        ObjectNode root = JSON.createObjectNode();
        for (AnalyzedResult r : results) {
            BenchmarkResult b = r.result();
            Estimate e = r.estimate();
            String unit = e.unit();
            String measure;
            double factor;
            if (b.mode().biggerIsBetter()) {
                measure = "throughput";
                factor = opsPerSecondFactor(unit);
            } else {
                measure = "latency";
                factor = nanosecondsFactor(unit);
            }
            if (Double.isNaN(factor)) {
                measure = measure + " (" + unit + ")";
                factor = 1;
            }
            ObjectNode benchmark = root.has(dashboardName(b)) ? (ObjectNode) root.get(dashboardName(b)) : root.putObject(dashboardName(b));
            measure(benchmark, measure, e, factor);
        }
        for (ClaimMetric m : claimMetrics(claims, results)) {
            String name = dashboardName(m.result().result());
            ObjectNode benchmark = root.has(name) ? (ObjectNode) root.get(name) : root.putObject(name);
            measure(benchmark, m.slug(), m.estimate(), 1);
        }
        return write(root);
    }

    private static void measure(ObjectNode benchmark, String measure, Estimate e, double factor) {
        ObjectNode metric = benchmark.putObject(measure);
        metric.put("value", e.mean() * factor);
        if (e.hasInterval()) {
            metric.put("lower_value", e.low() * factor);
            metric.put("upper_value", e.high() * factor);
        }
    }

    /** Name plus params plus, when not the default time, the mode: unique per result. */
    static String dashboardName(BenchmarkResult b) {
        return b.benchmark() + b.paramsText().replace(", ", ",") + " [" + b.mode().jmhName() + "]";
    }

    /** Multiplier from a JMH time unit ("ms/op", "us/op", "s/op", ...) to nanoseconds; NaN if unknown. */
    static double nanosecondsFactor(String unit) {
        TimeUnit t = timeUnit(unit.endsWith("/op") ? unit.substring(0, unit.length() - 3) : unit);
        return t == null ? Double.NaN : t.toNanos(1);
    }

    /** Multiplier from a JMH throughput unit ("ops/ms", ...) to operations per second; NaN if unknown. */
    static double opsPerSecondFactor(String unit) {
        if (!unit.startsWith("ops/")) {
            return Double.NaN;
        }
        TimeUnit t = timeUnit(unit.substring(4));
        return t == null ? Double.NaN : 1e9 / t.toNanos(1);
    }

    private static TimeUnit timeUnit(String symbol) {
        return switch (symbol.toLowerCase(Locale.ROOT)) {
            case "ns" -> TimeUnit.NANOSECONDS;
            case "us", "µs" -> TimeUnit.MICROSECONDS;
            case "ms" -> TimeUnit.MILLISECONDS;
            case "s" -> TimeUnit.SECONDS;
            case "min" -> TimeUnit.MINUTES;
            case "hr" -> TimeUnit.HOURS;
            case "day" -> TimeUnit.DAYS;
            default -> null;
        };
    }

    private static String write(Object node) {
        try {
            return JSON.writeValueAsString(node) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot happen: a tree of plain values failed to serialize", e);
        }
    }
}
