package dev.unitsbench.reports.output;

import dev.unitsbench.reports.claims.Eligibility;
import dev.unitsbench.reports.format.Numbers;
import dev.unitsbench.reports.read.BenchmarkResult;
import dev.unitsbench.reports.read.Metric;
import dev.unitsbench.reports.stats.AnalyzedResult;
import dev.unitsbench.reports.stats.Confidence;
import dev.unitsbench.reports.stats.Estimate;
import dev.unitsbench.reports.stats.Statistics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One result as a row of the family tables and of "All results".
 *
 * @param params     the params without braces, or "none"
 * @param n          forks behind the mean and interval
 * @param ineligible why the result cannot take part in a verdict; empty when it can
 * @param percentiles for sample mode, percentiles of the pooled histogram (display only); empty otherwise
 * @param jmh        JMH's own score and 99.9% error, as a cross-check
 * @param secondary  the secondary metrics, each with its per-iteration mean and interval where there are several
 */
public record ResultRowView(String benchmark, String shortName, String mode, String params, String mean, String low,
                            String high, String unit, long n, int forks, long iterations, String harness,
                            String ineligible, String percentiles, String jmh, String secondary) {

    public static ResultRowView of(AnalyzedResult r) {
        BenchmarkResult b = r.result();
        Estimate e = r.estimate();
        String why = Eligibility.whyNot(b);
        String percentiles = "";
        if (b.primary().samples() != null && b.primary().samples().pooled() != null) {
            var h = b.primary().samples().pooled();
            percentiles = "p50 " + Numbers.format(h.percentile(0.5)) + ", p99 " + Numbers.format(h.percentile(0.99))
                    + ", max " + Numbers.format(h.percentile(1)) + " " + e.unit() + " over " + String.format(Locale.ROOT, "%,d", h.size())
                    + " sampled invocations (display only)";
        }
        List<String> secondary = new ArrayList<>();
        for (Map.Entry<String, Metric> s : b.secondary().entrySet()) {
            Metric metric = s.getValue();
            String text = s.getKey() + " = " + Numbers.format(metric.score()) + " " + metric.unit();
            if (metric.samples() != null && metric.samples().size() > 1) {
                Estimate se = Statistics.estimate(metric.samples(), Confidence.LEVEL, metric.unit());
                text += " (per iteration: " + Numbers.mean(se) + ", " + Numbers.interval(se) + ")";
            }
            secondary.add(text);
        }
        return new ResultRowView(b.benchmark(), b.shortName(), b.mode().label(), params(b), Numbers.format(e.mean()),
                e.hasInterval() ? Numbers.format(e.low()) : "n/a", e.hasInterval() ? Numbers.format(e.high()) : "n/a",
                e.unit(), e.n(), b.forks(), e.iterations(), b.harness().describe(), why == null ? "" : why, percentiles,
                Numbers.format(b.primary().score()) + (Double.isNaN(b.primary().scoreError()) ? "" : " ± " + Numbers.format(b.primary().scoreError())),
                String.join("; ", secondary));
    }

    /** A result's params without braces, e.g. {@code model=PROCESS, workers=4}, or "none". */
    static String params(BenchmarkResult b) {
        return b.paramsText().isEmpty() ? "none" : b.paramsText().substring(1, b.paramsText().length() - 1);
    }
}
