package dev.unitsbench.reports.stats;

import dev.unitsbench.reports.read.BenchmarkResult;

/** A benchmark result with the estimate of its primary metric, computed once for every stage after. */
public record AnalyzedResult(BenchmarkResult result, Estimate estimate) {

    /** Estimates the primary metric of every result at {@code level}, keeping their order. */
    public static java.util.List<AnalyzedResult> analyze(java.util.List<BenchmarkResult> results, double level) {
        return results.stream()
                .map(r -> new AnalyzedResult(r, Statistics.estimate(r.primary().samples(), level, r.primary().unit())))
                .toList();
    }
}
