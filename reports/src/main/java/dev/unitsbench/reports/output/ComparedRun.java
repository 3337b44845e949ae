package dev.unitsbench.reports.output;

import dev.unitsbench.reports.claims.ClaimOutcome;
import dev.unitsbench.reports.stats.AnalyzedResult;

import java.nio.file.Path;
import java.util.List;

/**
 * One of several result files in one report: a column of its tables.
 *
 * @param label   its {@code --label}, or its JDK version and file name
 * @param claims  the catalog's verdicts on this run alone
 */
public record ComparedRun(String label, Path file, List<AnalyzedResult> results, List<ClaimOutcome> claims) {
}
