package dev.unitsbench.reports.baseline;

import dev.unitsbench.reports.stats.AnalyzedResult;
import dev.unitsbench.reports.stats.RatioEstimate;
import dev.unitsbench.reports.stats.Statistics;
import dev.unitsbench.reports.stats.Difference;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares this run with an older result file, benchmark by benchmark (same name, mode and
 * params).
 *
 * <p>The change of a benchmark is its new mean over its old mean, with its interval at
 * {@code 1 - alpha} on the logs of the fork means; it is significant when Welch's t-test on those logs rejects equal means at
 * {@code alpha}. A regression is a significant change for the worse: a higher time, or a
 * lower throughput.
 */
public final class BaselineComparison {

    /**
     * @param change         new mean / old mean, with its interval at 1 - alpha
     * @param test           new against old on the log scale, Welch (two runs are not paired by round)
     * @param slowdownPercent how much worse in percent: positive means slower, whatever the mode
     */
    public record Row(AnalyzedResult current, AnalyzedResult baseline, RatioEstimate change, Difference test,
                      boolean significant, double slowdownPercent) {

        public boolean regression() {
            return significant && slowdownPercent > 0;
        }

        public boolean improvement() {
            return significant && slowdownPercent < 0;
        }
    }

    /** Rows for benchmarks in both files, and the ids found in only one of them. */
    public record Result(List<Row> rows, List<String> onlyInCurrent, List<String> onlyInBaseline) {

        /** Regressions worse than {@code percent}: what {@code --fail-on-regression} fails on. */
        public List<Row> regressionsBeyond(double percent) {
            return rows.stream().filter(r -> r.regression() && r.slowdownPercent() > percent).toList();
        }
    }

    private BaselineComparison() {
    }

    public static Result compare(List<AnalyzedResult> current, List<AnalyzedResult> baseline, double alpha) {
        Map<String, AnalyzedResult> old = new LinkedHashMap<>();
        for (AnalyzedResult b : baseline) {
            old.put(b.result().id(), b);
        }
        List<Row> rows = new ArrayList<>();
        List<String> onlyInCurrent = new ArrayList<>();
        for (AnalyzedResult now : current) {
            AnalyzedResult before = old.remove(now.result().id());
            if (before == null) {
                onlyInCurrent.add(now.result().id());
                continue;
            }
            Difference test = Statistics.compare(now.result().primary().samples(), before.result().primary().samples(), false);
            RatioEstimate change = test.ratio(1 - alpha, now.estimate().mean() / before.estimate().mean());
            double percent = (change.ratio() - 1) * 100;
            double slowdown = now.result().mode().biggerIsBetter() ? -percent : percent;
            boolean significant = test.defined() && test.pValue() < alpha;
            rows.add(new Row(now, before, change, test, significant, slowdown));
        }
        return new Result(rows, onlyInCurrent, new ArrayList<>(old.keySet()));
    }
}
