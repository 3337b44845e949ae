package dev.unitsbench.reports.claims;

import dev.unitsbench.reports.stats.AnalyzedResult;
import dev.unitsbench.reports.stats.RatioEstimate;
import dev.unitsbench.reports.stats.WelchTest;

/**
 * One tested pair of results, one checked result, or the note that a comparison found
 * nothing to test.
 *
 * @param kind     a two-sided comparison, a check of one result against an expectation, or a
 *                 finding of a JUnit test
 * @param label    the catalog's words for the comparison
 * @param pairing  the params both sides share beyond the catalog's selectors, e.g.
 *                 {@code model=PROCESS}; empty when there are none
 * @param faster   the result claimed to be faster (better), or the checked result; its
 *                 estimate is that of the compared metric; null when not measured
 * @param slower   the result claimed to be slower (worse); null when not measured and for checks
 * @param speedup  how many times better the claimed-better side is (above 1: the claimed
 *                 direction); time modes and lower-is-better metrics: worse mean / better
 *                 mean, throughput: the inverse; null for checks and findings
 * @param test     Welch's t-test of the two sides; null for checks and findings
 * @param missing  what was not found in the result file, when not measured
 * @param metric   the secondary metric(s) compared, e.g. {@code residentBytesPerUnit}; null for the primary score
 * @param observed for checks: the expectation and the per-iteration values seen; for
 *                 findings: the test's statement; null otherwise
 */
public record ComparisonOutcome(Kind kind, String label, String pairing, AnalyzedResult faster, AnalyzedResult slower,
                                RatioEstimate speedup, WelchTest test, Verdict verdict, String missing,
                                String metric, String observed) {

    public enum Kind { COMPARISON, CHECK, FINDING }

    public ComparisonOutcome(String label, String pairing, AnalyzedResult faster, AnalyzedResult slower,
                             RatioEstimate speedup, WelchTest test, Verdict verdict, String missing) {
        this(Kind.COMPARISON, label, pairing, faster, slower, speedup, test, verdict, missing, null, null);
    }

    static ComparisonOutcome notMeasured(String label, String missing) {
        return new ComparisonOutcome(Kind.COMPARISON, label, "", null, null, null, null, Verdict.NOT_MEASURED, missing, null, null);
    }

    /** True when a verdict came out of data (a comparison, a check or a finding). */
    public boolean measured() {
        return verdict != Verdict.NOT_MEASURED && verdict != Verdict.NOT_CHECKED;
    }
}
