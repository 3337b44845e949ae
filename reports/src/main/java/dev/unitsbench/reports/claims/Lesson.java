package dev.unitsbench.reports.claims;

import dev.unitsbench.reports.format.Numbers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A claim's answer in one line, for the claims at a glance: its word under each condition with
 * the headline ratio against the claimed one, then what the JVM was expected to change and
 * whether it did, then the break-even. For T1, e.g.: "holds under a GIL: 1.39x [1.33x – 1.45x],
 * below the claimed 3.3x (measured on 8 cores); this machine's ceiling is ... ; reversed on the
 * JVM as it is, as the JVM predicts: 0.74x [...]; break-even at about ...".
 */
final class Lesson {

    private Lesson() {
    }

    static String of(Claim claim, VerdictRules.ClaimVerdict overall, List<ComparisonOutcome> rows, BreakEven breakEven, boolean smoke,
                     RunDesign design) {
        if (smoke) {
            return "smoke run: figures only, no verdict";
        }
        List<String> parts = new ArrayList<>();
        for (VerdictRules.ConditionVerdict c : overall.conditions()) {
            String head = c.verdict().label() + (c.condition() == null ? "" : " " + c.condition());
            ComparisonOutcome headline = headline(rows, Claim.Role.EVIDENCE, c.condition(), c.verdict());
            parts.add(head + ": " + (headline == null ? c.why() : figures(headline, design, true)));
        }
        Map<String, List<ComparisonOutcome>> expectations = new LinkedHashMap<>();
        for (ComparisonOutcome row : rows) {
            if (row.role() == Claim.Role.JVM_EXPECTATION && row.hasFigures()) {
                expectations.computeIfAbsent(row.condition() == null ? "" : row.condition(), k -> new ArrayList<>()).add(row);
            }
        }
        expectations.forEach((condition, list) -> {
            ComparisonOutcome row = list.get(0);
            Boolean as = row.asPredicted();
            String against = as == null ? " (the JVM predicts " + row.predicts().label() + ")"
                    : as ? ", as the JVM predicts" : ", unlike the JVM's prediction (" + row.predicts().label() + ")";
            parts.add(row.verdict().label() + (condition.isEmpty() ? "" : " " + condition) + against + ": " + figures(row, design, false));
        });
        if (breakEven != null && breakEven.kind() == BreakEven.Kind.CROSSES) {
            parts.add(breakEven.text());
        }
        return String.join("; ", parts);
    }

    /**
     * The row of {@code role} under {@code condition} whose ratio the line shows beside the word: the
     * first comparison with figures whose own word is the one the word rests on (a holding row for
     * "partly", a reversed one for "partly reversed"), else the first comparison with figures.
     */
    private static ComparisonOutcome headline(List<ComparisonOutcome> rows, Claim.Role role, String condition, Verdict word) {
        Verdict shown = switch (word) {
            case PARTLY -> Verdict.HOLDS;
            case PARTLY_REVERSED -> Verdict.REVERSED;
            default -> word;
        };
        ComparisonOutcome first = null;
        for (ComparisonOutcome row : rows) {
            if (row.role() == role && java.util.Objects.equals(row.condition(), condition) && row.hasFigures()
                    && row.kind() == ComparisonOutcome.Kind.COMPARISON) {
                if (row.verdict() == shown) {
                    return row;
                }
                first = first == null ? row : first;
            }
        }
        return first;
    }

    /** e.g. "1.39x [1.33x – 1.45x], below the claimed 3.3x (8 cores); this machine's ceiling min(4, 2) = 2x: below it". */
    private static String figures(ComparisonOutcome row, RunDesign design, boolean withClaimed) {
        if (row.speedup() == null) {
            return row.observed() == null ? "" : row.observed();
        }
        if (row.test().difference().scale() == dev.unitsbench.reports.stats.Difference.Scale.LINEAR) {
            return "a difference of " + Numbers.format(row.test().difference().estimate()) + " [" + Numbers.format(row.test().low())
                    + " – " + Numbers.format(row.test().high()) + "] in the claimed direction";
        }
        String ratio = Numbers.times(row.speedup().ratio()) + (row.speedup().bounded() ? " [" + Numbers.ratioInterval(row.speedup()) + "]" : "");
        ClaimedEffect claimed = row.claimed();
        if (!withClaimed || claimed == null || !row.speedup().bounded()) {
            return ratio;
        }
        String workers = claimed.workersParam() == null || row.faster() == null ? null
                : row.faster().result().params().get(claimed.workersParam());
        return ratio + ", " + claimed.brief(row.speedup(), design.cores(), workers);
    }
}
