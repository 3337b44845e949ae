package dev.unitsbench.reports.claims;

import dev.unitsbench.reports.read.BenchmarkResult;
import dev.unitsbench.reports.read.Metric;

import java.util.List;
import java.util.Map;

/**
 * Picks results out of a result file: any of the named benchmarks (fully qualified method
 * names), with every listed param at the listed value. Params not listed may take any value;
 * a param listed as {@code "*"} too, but it then counts as fixed by this selector, so that a
 * comparison does not pair its two sides on it (e.g. {@code units}, which differs per model in
 * the footprint family). A param listed as alternatives ({@code "A|B"}) matches either, and a
 * comparison side that lists alternatives is represented by the best of them per pairing (see
 * {@link #picksBest()}).
 *
 * @param metric the JMH secondary metric a comparison reads from the picked results (an
 *               {@code @AuxCounters} field such as {@code ticketsOversold}); null for the
 *               primary score
 */
public record Selector(List<String> benchmarks, Map<String, String> params, String metric) {

    /** A param value that matches any value of that param. */
    public static final String ANY = "*";

    public Selector(List<String> benchmarks, Map<String, String> params) {
        this(benchmarks, params, null);
    }

    public boolean matches(BenchmarkResult result) {
        if (!benchmarks.contains(result.benchmark())) {
            return false;
        }
        for (Map.Entry<String, String> p : params.entrySet()) {
            String value = result.params().get(p.getKey());
            boolean ok = value != null && (p.getValue().equals(ANY) || alternatives(p.getValue()).contains(value));
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a param lists alternatives ({@code "PIPE|UNIX_SOCKET|FILE"}): a comparison side
     * that does stands for the best of them, e.g. "the fastest channel between processes".
     */
    public boolean picksBest() {
        return params.values().stream().anyMatch(v -> v.contains(ALTERNATIVE));
    }

    /** Separates the alternatives of a param value. */
    public static final String ALTERNATIVE = "|";

    private static List<String> alternatives(String value) {
        return List.of(value.split(java.util.regex.Pattern.quote(ALTERNATIVE)));
    }

    /** The metric this selector reads from {@code result}: its primary score, or the named secondary metric (null when absent). */
    public Metric metricOf(BenchmarkResult result) {
        return metric == null ? result.primary() : result.secondary().get(metric);
    }

    /** This selector narrowed by a side of a comparison: its benchmarks and metric (when given) win, its params add up. */
    public Selector narrowedBy(Selector side) {
        java.util.Map<String, String> merged = new java.util.TreeMap<>(params);
        merged.putAll(side.params);
        return new Selector(side.benchmarks.isEmpty() ? benchmarks : side.benchmarks, merged,
                side.metric != null ? side.metric : metric);
    }
}
