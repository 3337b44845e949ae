package dev.unitsbench.reports.claims;

import dev.unitsbench.reports.stats.AnalyzedResult;
import dev.unitsbench.reports.stats.RatioEstimate;
import dev.unitsbench.reports.stats.WelchTest;

/**
 * One tested pair of results, one checked result, a finding, or the note that a comparison
 * found nothing to test.
 *
 * @param kind       a two-sided comparison, a check of one result against an expectation, or a
 *                   finding of a JUnit test
 * @param label      the catalog's words for the comparison
 * @param pairing    the params both sides share beyond the catalog's selectors, e.g.
 *                   {@code model=PROCESS}; empty when there are none
 * @param faster     the result claimed to be faster (better), or the checked result; its
 *                   estimate is that of the compared metric; null when not measured
 * @param slower     the result claimed to be slower (worse); null when not measured and for checks.
 *                   For a best-of side: the alternative that came closest
 * @param speedup    how many times better the claimed-better side is (above 1: the claimed
 *                   direction), on fork means; null for checks and findings
 * @param test       Welch's t-test on the fork means of the two sides shown; null for checks and findings
 * @param missing    why there is no verdict: what was not found (not measured), or why the data
 *                   cannot carry one (inconclusive); null otherwise
 * @param metric     the secondary metric(s) compared, e.g. {@code residentBytesPerUnit}; null for the primary score
 * @param observed   for checks: the expectation and the per-iteration values seen; for
 *                   findings: the test's statement; null otherwise
 * @param p          the p-value the verdict is decided on before correction (for a best-of side,
 *                   the combined one, see {@link ClaimEvaluator}); NaN when there is none
 * @param adjustedP  {@code p} after Holm's correction within the claim; NaN when there is none
 * @param effect     the ratio's interval against the tutorial's claimed effect, in words; null
 *                   when the catalog states no effect size
 * @param evidence   false for a finding or check shown beside the claim that does not count
 *                   for its verdict
 * @param note       how a best-of side was decided; null otherwise
 */
public record ComparisonOutcome(Kind kind, String label, String pairing, AnalyzedResult faster, AnalyzedResult slower,
                                RatioEstimate speedup, WelchTest test, Verdict verdict, String missing,
                                String metric, String observed, double p, double adjustedP, String effect,
                                boolean evidence, String note) {

    public enum Kind { COMPARISON, CHECK, FINDING }

    public ComparisonOutcome(Kind kind, String label, String pairing, AnalyzedResult faster, AnalyzedResult slower,
                             RatioEstimate speedup, WelchTest test, Verdict verdict, String missing,
                             String metric, String observed) {
        this(kind, label, pairing, faster, slower, speedup, test, verdict, missing, metric, observed,
                test == null ? Double.NaN : test.pValue(), test == null ? Double.NaN : test.pValue(), null, true, null);
    }

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

    /** True when there are figures to show: both sides of a comparison, or the checked result. */
    public boolean hasFigures() {
        return kind == Kind.COMPARISON ? faster != null && slower != null && speedup != null : measured();
    }

    ComparisonOutcome withVerdict(Verdict v, double adjusted, String why) {
        return new ComparisonOutcome(kind, label, pairing, faster, slower, speedup, test, v, why, metric, observed, p, adjusted,
                effect, evidence, note);
    }
}
