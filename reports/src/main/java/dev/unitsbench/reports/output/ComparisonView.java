package dev.unitsbench.reports.output;

import dev.unitsbench.reports.claims.Claim;
import dev.unitsbench.reports.claims.ComparisonOutcome;
import dev.unitsbench.reports.format.Numbers;
import dev.unitsbench.reports.stats.AnalyzedResult;
import dev.unitsbench.reports.stats.Difference;

/**
 * One comparison, check or finding of a claim, as its row in the claims table and its line in
 * the claim's details show it. Text is empty where there is nothing to show; the sides are
 * null when there are no figures (a check has only {@code faster}, the checked result).
 *
 * @param measured    there are figures to show (both sides of a comparison, or the checked result)
 * @param isCheck     a check or a finding, shown by what was observed instead of a speed-up
 * @param reason      why the verdict is what it is when the data cannot carry one; empty otherwise
 * @param missing     what was not found, for a row without figures; empty otherwise
 * @param test        how the row was tested, e.g. "paired by round, log scale, df 2"
 * @param level       the level of the interval shown and decided by, e.g. "99.2% (Bonferroni over 6)"
 * @param role        for a row that is not evidence: "context" or "jvm-expectation: predicts reversed"; empty for evidence
 * @param notEvidence shown beside the claim and not counted for its verdict
 */
public record ComparisonView(String label, String pairing, String condition, String verdict, String verdictCss, boolean measured,
                             boolean isCheck, boolean isFinding, String metric, String reason, String note,
                             boolean notEvidence, String role, String missing, String observed, Side faster, Side slower,
                             String speedup, String speedupInterval, String pValue, String test, String level, String effect) {

    /** A result on one side: its benchmark's short name, params and mean with interval. */
    public record Side(String name, String params, String mean, String interval) {

        static Side of(AnalyzedResult r) {
            return new Side(r.result().shortName(), r.result().paramsText(), Numbers.mean(r.estimate()), Numbers.interval(r.estimate()));
        }
    }

    public static ComparisonView of(ComparisonOutcome c) {
        boolean comparison = c.kind() == ComparisonOutcome.Kind.COMPARISON;
        String reason = c.reason() == null ? "" : c.reason();
        String label = c.label();
        String pairing = c.pairing();
        String condition = c.condition() == null ? "" : c.condition();
        String verdict = verdictText(c);
        String css = c.verdict().cssClass();
        String metric = c.metric() == null ? "" : c.metric();
        String note = c.note() == null ? "" : c.note();
        String role = role(c);
        boolean isFinding = c.kind() == ComparisonOutcome.Kind.FINDING;
        if (!c.hasFigures()) {
            return new ComparisonView(label, pairing, condition, verdict, css, false, !comparison, isFinding, metric, reason, note,
                    !c.evidence(), role, reason, "", null, null, "", "", "", "", "", "");
        }
        if (!comparison) {
            return new ComparisonView(label, pairing, condition, verdict, css, true, true, isFinding, metric, reason, note,
                    !c.evidence(), role, "", c.observed(), c.faster() == null ? null : Side.of(c.faster()), null,
                    "", "", "", "", "", "");
        }
        ComparisonOutcome.Test t = c.test();
        return new ComparisonView(label, pairing, condition, verdict, css, true, false, false, metric, reason, note, !c.evidence(), role,
                "", "", Side.of(c.faster()), Side.of(c.slower()), Numbers.times(c.speedup().ratio()), interval(t),
                Numbers.pValue(t.difference().pValue()), testText(t), levelText(t), c.effect() == null ? "" : c.effect());
    }

    /** The row's word; for a jvm-expectation row, with whether the JVM did as predicted. */
    static String verdictText(ComparisonOutcome c) {
        if (c.role() != Claim.Role.JVM_EXPECTATION) {
            return c.verdict().label();
        }
        Boolean as = c.asPredicted();
        return c.verdict().label() + (as == null ? "" : as ? ", as the JVM predicts" : ", unlike the JVM's prediction");
    }

    private static String role(ComparisonOutcome c) {
        return switch (c.role()) {
            case EVIDENCE -> "";
            case CONTEXT -> "context: shown, not counted";
            case JVM_EXPECTATION -> "jvm-expectation (predicts " + c.predicts().label() + "), not counted";
        };
    }

    /** The ratio's interval, or for the linear scale the difference's. */
    private static String interval(ComparisonOutcome.Test t) {
        if (t.difference().scale() == Difference.Scale.LOG) {
            return Numbers.ratioInterval(t.speedup());
        }
        return "difference " + Numbers.format(t.difference().estimate()) + " [" + Numbers.format(t.low()) + " – "
                + Numbers.format(t.high()) + "]";
    }

    /** e.g. "paired by round, log scale, df 2". */
    static String testText(ComparisonOutcome.Test t) {
        Difference d = t.difference();
        return d.design().words() + ", " + (d.scale() == Difference.Scale.LOG ? "log scale" : "linear scale")
                + (d.defined() ? ", df " + Numbers.format(d.df()) : "");
    }

    /**
     * e.g. "99.2% interval (Bonferroni over 6)"; in a group-sequential run, the repeated interval
     * of the look the row stopped at, and why it stopped there.
     */
    static String levelText(ComparisonOutcome.Test t) {
        String level = Numbers.percent(Math.round(t.level() * 10000) / 10000.0) + (t.look() == null ? " interval" : " repeated interval")
                + (t.family() > 1 ? " (Bonferroni over " + t.family() + ")" : "");
        return t.look() == null ? level : level + "; " + t.look().describe();
    }
}
