package dev.unitsbench.reports.claims;

import dev.unitsbench.reports.stats.AnalyzedResult;
import dev.unitsbench.reports.stats.RatioEstimate;
import dev.unitsbench.reports.stats.WelchTest;

/**
 * One tested pair of results, or the note that a comparison found nothing to test.
 *
 * @param label   the catalog's words for the comparison
 * @param pairing the params both sides share beyond the catalog's selectors, e.g.
 *                {@code model=PROCESS}; empty when there are none
 * @param faster  the result claimed to be faster; null when not measured
 * @param slower  the result claimed to be slower; null when not measured
 * @param speedup how many times faster the claimed-faster side is (above 1: the claimed
 *                direction); time modes: slower mean / faster mean, throughput: the inverse
 * @param test    Welch's t-test of the two sides
 * @param missing what was not found in the result file, when not measured
 */
public record ComparisonOutcome(String label, String pairing, AnalyzedResult faster, AnalyzedResult slower,
                                RatioEstimate speedup, WelchTest test, Verdict verdict, String missing) {

    static ComparisonOutcome notMeasured(String label, String missing) {
        return new ComparisonOutcome(label, "", null, null, null, null, Verdict.NOT_MEASURED, missing);
    }
}
