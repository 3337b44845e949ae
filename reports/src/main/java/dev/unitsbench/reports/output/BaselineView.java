package dev.unitsbench.reports.output;

import dev.unitsbench.reports.baseline.BaselineComparison;
import dev.unitsbench.reports.format.Numbers;

import java.util.List;

/**
 * "Against the baseline": each benchmark of both files with its change and status.
 *
 * @param limit     {@code --fail-on-regression} as a percentage; empty without it
 * @param compared  benchmarks in both files
 */
public record BaselineView(String file, String limit, int compared, long regressions, long improvements, List<Row> rows,
                           List<String> onlyInCurrent, List<String> onlyInBaseline, boolean hasOnlyInCurrent,
                           boolean hasOnlyInBaseline) {

    /**
     * @param change      the new mean over the old, minus one, in percent
     * @param css         the verdict style of the status: slower as reversed, faster as holds
     * @param beyondLimit a slowdown beyond {@code --fail-on-regression}, which fails the run
     */
    public record Row(String benchmark, String old, String now, String change, String changeInterval, String pValue,
                      String status, String css, boolean beyondLimit) {
    }

    public static BaselineView of(Report.Baseline baseline) {
        BaselineComparison.Result result = baseline.comparison();
        Double limit = baseline.regressionLimit();
        List<Row> rows = result.rows().stream().map(row -> new Row(row.current().result().id(),
                Numbers.mean(row.baseline().estimate()) + " (n=" + row.baseline().estimate().n() + ")",
                Numbers.mean(row.current().estimate()) + " (n=" + row.current().estimate().n() + ")",
                Numbers.signedPercent((row.change().ratio() - 1) * 100),
                row.change().bounded()
                        ? Numbers.signedPercent((row.change().low() - 1) * 100) + " to " + Numbers.signedPercent((row.change().high() - 1) * 100)
                        : "unbounded (too noisy)",
                Numbers.pValue(row.test().pValue()),
                row.regression() ? "slower" : row.improvement() ? "faster" : "no significant change",
                row.regression() ? "reversed" : row.improvement() ? "holds" : "no-significant-difference",
                limit != null && row.regression() && row.slowdownPercent() > limit)).toList();
        return new BaselineView(Numbers.inputName(baseline.file()), limit == null ? "" : Numbers.format(limit) + "%",
                result.rows().size(), result.rows().stream().filter(BaselineComparison.Row::regression).count(),
                result.rows().stream().filter(BaselineComparison.Row::improvement).count(), rows,
                result.onlyInCurrent(), result.onlyInBaseline(), !result.onlyInCurrent().isEmpty(), !result.onlyInBaseline().isEmpty());
    }
}
