package dev.unitsbench.reports.output;

import dev.unitsbench.reports.baseline.BaselineComparison;
import dev.unitsbench.reports.charts.ChartImage;
import dev.unitsbench.reports.claims.ClaimEvaluator;
import dev.unitsbench.reports.claims.ClaimOutcome;
import dev.unitsbench.reports.crosscheck.PythonCrossCheck;
import dev.unitsbench.reports.history.History;
import dev.unitsbench.reports.read.RunMetadata;
import dev.unitsbench.reports.stats.AnalyzedResult;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Everything the earlier stages worked out, handed to the writers of this package.
 *
 * @param run      the main run: its file, facts and results
 * @param verdicts the claims' verdicts and what they were decided with
 * @param charts   every chart of the page
 * @param compared the other result files, each as a column; none with one file
 * @param baseline the comparison with {@code --baseline}; null without one
 * @param history  the runs of {@code --history}; null without one
 * @param warnings problems with optional inputs (a malformed finding file, ...), one line each;
 *                 shown at the top of the page, and already printed on stderr
 */
public record Report(Run run, Verdicts verdicts, Charts charts, Compared compared, Baseline baseline, HistoryRuns history,
                     List<String> warnings) {

    /**
     * The main run: the first result file.
     *
     * @param families its results grouped by family, once for every writer (see {@link Family#group})
     */
    public record Run(Path file, List<RunMetadata.Fact> metadata, List<AnalyzedResult> results, List<Family> families) {
    }

    /**
     * @param alpha  the significance level of every verdict
     * @param python the CPython cross-check ({@code --python}) shown beside the claims; null without the option
     */
    public record Verdicts(double alpha, List<ClaimOutcome> claims, PythonCrossCheck python) {
    }

    /**
     * @param claims   by claim id
     * @param families by family name, families in the order first met in the file
     * @param trends   one per headline benchmark, when the history has two runs or more
     * @param verdicts the forest plot of every comparison ({@link dev.unitsbench.reports.charts.VerdictPlot}); null when no
     *                 comparison has a ratio
     */
    public record Charts(Map<String, List<ChartImage>> claims, Map<String, List<ChartImage>> families, List<ChartImage> trends,
                         ChartImage verdicts) {
    }

    /**
     * @param runs    with several result files, every run (the main one first) as a column; empty with one file
     * @param missing runs expected but without results ({@code --missing}), by label
     */
    public record Compared(List<ComparedRun> runs, List<String> missing) {

        /** True with several result files: the page has a column per run. */
        public boolean several() {
            return !runs.isEmpty();
        }
    }

    /**
     * @param file            {@code --baseline}
     * @param regressionLimit {@code --fail-on-regression} percent; null when not given
     */
    public record Baseline(Path file, BaselineComparison.Result comparison, Double regressionLimit) {
    }

    /**
     * @param file {@code --history}
     * @param runs the history's readable runs, oldest first, this run last
     */
    public record HistoryRuns(Path file, List<History.Run> runs) {
    }

    /** True when no result of the main file is eligible for a verdict: figures, no verdicts. */
    public boolean smokeRun() {
        return ClaimEvaluator.isSmokeRun(run.results());
    }
}
