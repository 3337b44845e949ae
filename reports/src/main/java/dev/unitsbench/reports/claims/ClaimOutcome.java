package dev.unitsbench.reports.claims;

import dev.unitsbench.reports.stats.AnalyzedResult;

import java.util.List;

/**
 * A claim with what this run says about it.
 *
 * @param figures     results listed as "JVM figures" and drawn as bars (may be empty)
 * @param scaling     results drawn as lines against a numeric param (may be empty)
 * @param verdict     the word of the rows that count as evidence (see {@link VerdictRules#forClaim})
 * @param why         what the verdict rests on, e.g. "2 holds, 1 no significant difference"
 * @param breakEven   where one side starts to win as the work grows; null when the claim has no
 *                    {@code breakEven} in the catalog. Shown beside the verdict, not counted in it
 * @param conditions  the word under each condition of the evidence rows
 * @param lesson      the claim's answer in one line: the word per condition with its headline ratio
 *                    against the claimed one, what the JVM was expected to change, and the break-even
 */
public record ClaimOutcome(Claim claim, List<ComparisonOutcome> comparisons, List<AnalyzedResult> figures,
                           List<AnalyzedResult> scaling, Verdict verdict, String why, BreakEven breakEven,
                           List<VerdictRules.ConditionVerdict> conditions, String lesson) {

    public ClaimOutcome(Claim claim, List<ComparisonOutcome> comparisons, List<AnalyzedResult> figures,
                        List<AnalyzedResult> scaling, Verdict verdict, String why) {
        this(claim, comparisons, figures, scaling, verdict, why, null, List.of(), verdict.label());
    }

    public ClaimOutcome(Claim claim, List<ComparisonOutcome> comparisons, List<AnalyzedResult> figures,
                        List<AnalyzedResult> scaling, Verdict verdict) {
        this(claim, comparisons, figures, scaling, verdict, "");
    }
}
