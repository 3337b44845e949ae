package dev.unitsbench.reports.claims;

import dev.unitsbench.reports.stats.AnalyzedResult;

import java.util.List;

/**
 * A claim with what this run says about it.
 *
 * @param figures     results listed as "JVM figures" and drawn as bars (may be empty)
 * @param scaling     results drawn as lines against a numeric param (may be empty)
 * @param verdict     the verdict of all measured comparisons together: theirs when they
 *                    agree, {@link Verdict#MIXED} when not, {@link Verdict#NOT_MEASURED}
 *                    when none was measured
 */
public record ClaimOutcome(Claim claim, List<ComparisonOutcome> comparisons, List<AnalyzedResult> figures,
                           List<AnalyzedResult> scaling, Verdict verdict) {
}
