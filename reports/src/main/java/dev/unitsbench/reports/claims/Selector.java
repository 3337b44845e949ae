package dev.unitsbench.reports.claims;

import dev.unitsbench.reports.read.BenchmarkResult;

import java.util.List;
import java.util.Map;

/**
 * Picks results out of a result file: any of the named benchmarks (fully qualified method
 * names), with every listed param at the listed value. Params not listed may take any value.
 */
public record Selector(List<String> benchmarks, Map<String, String> params) {

    public boolean matches(BenchmarkResult result) {
        if (!benchmarks.contains(result.benchmark())) {
            return false;
        }
        for (Map.Entry<String, String> p : params.entrySet()) {
            if (!p.getValue().equals(result.params().get(p.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /** This selector narrowed by a side of a comparison: its benchmarks (when given) win, its params add up. */
    public Selector narrowedBy(Selector side) {
        java.util.Map<String, String> merged = new java.util.TreeMap<>(params);
        merged.putAll(side.params);
        return new Selector(side.benchmarks.isEmpty() ? benchmarks : side.benchmarks, merged);
    }
}
