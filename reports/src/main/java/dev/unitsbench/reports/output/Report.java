package dev.unitsbench.reports.output;

import dev.unitsbench.reports.baseline.BaselineComparison;
import dev.unitsbench.reports.charts.ChartImage;
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
 * @param families         the results grouped by family, once for every writer (see {@link Family#group})
 * @param claimCharts      charts by claim id
 * @param familyCharts     charts by family name, families in the order first met in the file
 * @param baseline         the comparison with {@code --baseline}; null without one
 * @param baselineFile     the baseline's path; null without one
 * @param regressionLimit  {@code --fail-on-regression} percent; null when not given
 * @param warnings         problems with optional inputs (a malformed finding file, ...), one line each;
 *                         shown at the top of the page, and already printed on stderr
 * @param python           the CPython cross-check ({@code --python}); null without the option
 * @param historyFile      {@code --history}; null without it
 * @param runs             the history's readable runs, oldest first, this run last; empty without a history
 * @param trendCharts      one per headline benchmark, when there are two runs or more
 * @param compared         with several result files, every run (the main one first) as a column; empty with one file
 * @param missing          runs expected but without results ({@code --missing}), by label
 * @param verdictChart     the forest plot of every comparison ({@link dev.unitsbench.reports.charts.VerdictPlot}); null when no
 *                         comparison has a ratio
 */
public record Report(Path resultFile, List<RunMetadata.Fact> metadata, List<AnalyzedResult> results,
                     List<Family> families, List<ClaimOutcome> claims, Map<String, List<ChartImage>> claimCharts,
                     Map<String, List<ChartImage>> familyCharts, BaselineComparison.Result baseline,
                     Path baselineFile, double alpha, Double regressionLimit, List<String> warnings,
                     PythonCrossCheck python, Path historyFile, List<History.Run> runs, List<ChartImage> trendCharts,
                     List<ComparedRun> compared, List<String> missing, ChartImage verdictChart) {

    /** True when no result of the main file is eligible for a verdict: figures, no verdicts. */
    public boolean smokeRun() {
        return dev.unitsbench.reports.claims.ClaimEvaluator.isSmokeRun(results);
    }
}
