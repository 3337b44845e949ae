package dev.unitsbench.reports.claims;

import java.util.Comparator;
import java.util.List;

/**
 * Decides a comparison one of whose sides lists alternatives ({@code "PIPE|UNIX_SOCKET|FILE"}):
 * it stands for the best of k results. Picking the best of k noisy means and then testing it as
 * if it had been chosen in advance would inflate the error rate, so each of the k pairs is
 * tested, at a level corrected for k as well as for the claim's family (Bonferroni), and the
 * row shows the pair its word rests on:
 * <ul>
 *   <li>"X beats the best of k" (alternatives on the claimed-worse side) is reversed when some
 *       alternative beats X beyond the margin (shown: the one that beats it most surely);
 *       otherwise its word is that of the pair least favourable to X, the one with the lowest
 *       lower bound: it holds only when X beats every alternative beyond the margin.</li>
 *   <li>"the best of k beats Y" is the mirror: it holds when some alternative beats Y beyond the
 *       margin; otherwise its word is that of the pair most favourable to the alternatives.</li>
 * </ul>
 * The word and the interval shown are therefore always one statistic.
 */
final class BestOf {

    /** The pair a best-of row shows, its word, and how it was chosen. */
    record Decision(int shown, Verdict verdict, String note) {
    }

    private BestOf() {
    }

    /**
     * @param tests              one test per alternative, all at the corrected level
     * @param alternativesFaster whether the alternatives are the claimed-better side
     * @param names              how each alternative differs from the single side, e.g. "channel=PIPE"
     * @param single             the single side, in words
     */
    static Decision decide(List<ComparisonOutcome.Test> tests, boolean alternativesFaster, List<String> names, String single) {
        int k = tests.size();
        String level = "each of the " + k + " pairs at the row's level (Bonferroni over the claim's family times " + k + ")";
        if (alternativesFaster) {
            int mostSure = index(tests, Comparator.comparingDouble(ComparisonOutcome.Test::low), true);
            if (VerdictRules.word(tests.get(mostSure)) == Verdict.HOLDS) {
                return new Decision(mostSure, Verdict.HOLDS, "best of " + k + ": " + names.get(mostSure) + " beats " + single
                        + " beyond the margin; " + level);
            }
            int closest = index(tests, Comparator.comparingDouble(ComparisonOutcome.Test::high), true);
            return new Decision(closest, VerdictRules.word(tests.get(closest)), "best of " + k + ": no alternative beats " + single
                    + " beyond the margin; shown: the one closest to it, " + names.get(closest) + "; " + level);
        }
        int mostSure = index(tests, Comparator.comparingDouble(ComparisonOutcome.Test::high), false);
        if (VerdictRules.word(tests.get(mostSure)) == Verdict.REVERSED) {
            return new Decision(mostSure, Verdict.REVERSED, "best of " + k + ": " + names.get(mostSure) + " beats " + single
                    + " beyond the margin; " + level);
        }
        int weakest = index(tests, Comparator.comparingDouble(ComparisonOutcome.Test::low), false);
        return new Decision(weakest, VerdictRules.word(tests.get(weakest)), "best of " + k + ": " + single
                + " must beat every alternative; shown: the one it beats least surely, " + names.get(weakest) + "; " + level);
    }

    /** The index of the largest ({@code largest}) or smallest element under {@code order}. */
    private static int index(List<ComparisonOutcome.Test> tests, Comparator<ComparisonOutcome.Test> order, boolean largest) {
        int best = 0;
        for (int i = 1; i < tests.size(); i++) {
            int c = order.compare(tests.get(i), tests.get(best));
            if (largest ? c > 0 : c < 0) {
                best = i;
            }
        }
        return best;
    }
}
