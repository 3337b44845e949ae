package dev.unitsbench.reports.output;

import dev.unitsbench.reports.claims.ComparisonOutcome;
import dev.unitsbench.reports.format.Numbers;
import dev.unitsbench.reports.stats.AnalyzedResult;

/**
 * One comparison, check or finding of a claim, as its row in the claims table and its line in
 * the claim's details show it. Text is empty where there is nothing to show; the sides are
 * null when there are no figures (a check has only {@code faster}, the checked result).
 *
 * @param measured    there are figures to show (both sides of a comparison, or the checked result)
 * @param isCheck     a check or a finding, shown by what was observed instead of a speed-up
 * @param reason      why the verdict is what it is when the data cannot carry one; empty otherwise
 * @param missing     what was not found, for a row without figures; empty otherwise
 * @param decidingP   for a best-of side, the combined p the verdict rests on; empty otherwise
 * @param notEvidence shown beside the claim and not counted for its verdict
 */
public record ComparisonView(String label, String pairing, String verdict, String verdictCss, boolean measured,
                             boolean isCheck, boolean isFinding, String metric, String reason, String note,
                             boolean notEvidence, String missing, String observed, Side faster, Side slower,
                             String speedup, String speedupInterval, String pValue, String df, String decidingP,
                             String adjustedP, String effect) {

    /** A result on one side: its benchmark's short name, params and mean with interval. */
    public record Side(String name, String params, String mean, String interval) {

        static Side of(AnalyzedResult r) {
            return new Side(r.result().shortName(), r.result().paramsText(), Numbers.mean(r.estimate()), Numbers.interval(r.estimate()));
        }
    }

    public static ComparisonView of(ComparisonOutcome c) {
        boolean comparison = c.kind() == ComparisonOutcome.Kind.COMPARISON;
        String missing = c.missing() == null ? "" : c.missing();
        String label = c.label();
        String pairing = c.pairing();
        String verdict = c.verdict().label();
        String css = c.verdict().cssClass();
        String metric = c.metric() == null ? "" : c.metric();
        String note = c.note() == null ? "" : c.note();
        boolean isFinding = c.kind() == ComparisonOutcome.Kind.FINDING;
        if (!c.hasFigures()) {
            return new ComparisonView(label, pairing, verdict, css, false, !comparison, isFinding, metric, missing, note,
                    !c.evidence(), missing, "", null, null, "", "", "", "", "", "", "");
        }
        if (!comparison) {
            return new ComparisonView(label, pairing, verdict, css, true, true, isFinding, metric, missing, note,
                    !c.evidence(), "", c.observed(), c.faster() == null ? null : Side.of(c.faster()), null,
                    "", "", "", "", "", "", "");
        }
        return new ComparisonView(label, pairing, verdict, css, true, false, false, metric, missing, note, !c.evidence(), "", "",
                Side.of(c.faster()), Side.of(c.slower()), Numbers.times(c.speedup().ratio()), Numbers.ratioInterval(c.speedup()),
                Numbers.pValue(c.test().pValue()), Numbers.format(c.test().degreesOfFreedom()),
                Double.isNaN(c.p()) || c.p() == c.test().pValue() ? "" : Numbers.pValue(c.p()),
                Double.isNaN(c.adjustedP()) ? "" : Numbers.pValue(c.adjustedP()), c.effect() == null ? "" : c.effect());
    }
}
