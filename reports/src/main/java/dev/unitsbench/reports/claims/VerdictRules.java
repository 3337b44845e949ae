package dev.unitsbench.reports.claims;

import dev.unitsbench.reports.format.Numbers;

import java.util.ArrayList;
import java.util.List;

/**
 * How each word of the report is decided, in one place: the claim-level rule
 * ({@link #overall}) and the legend that states every rule with this run's thresholds, shown
 * on the page and written as Markdown for the README.
 */
public final class VerdictRules {

    /** Why a file is a smoke run, for the banner and the summary's first line. */
    public static final String SMOKE_RUN_DETAIL = "no result of this file has " + Eligibility.rule()
            + ", so it gets figures and no verdicts";

    /** The reason a smoke run's rows and claims give instead of a verdict. */
    public static final String SMOKE_RUN = "smoke run: " + SMOKE_RUN_DETAIL;

    /** A claim's verdict and what it rests on. */
    public record ClaimVerdict(Verdict verdict, String why) {
    }

    /** One word of the legend and its exact rule. */
    public record Rule(String scope, Verdict verdict, String rule) {
    }

    private VerdictRules() {
    }

    /**
     * A claim's verdict from its rows that count as evidence (comparisons, checks, findings not
     * marked {@code evidence: false}; a check that does not hold counts as reversed): holds when
     * all hold; reversed when all are reversed; contradictory when some hold and some are
     * reversed; partly when some hold and the others are not significant or inconclusive;
     * partly reversed for the mirror; no significant difference when none holds or is reversed
     * and at least one is not significant; inconclusive when all are inconclusive; not
     * measured (or not checked) when there is no such row.
     */
    public static ClaimVerdict overall(List<ComparisonOutcome> rows) {
        int holds = 0;
        int reversed = 0;
        int none = 0;
        int inconclusive = 0;
        boolean notChecked = false;
        boolean observedOnly = false;
        for (ComparisonOutcome row : rows) {
            if (row.verdict() == Verdict.NOT_CHECKED && row.evidence()) {
                notChecked = true;
            }
            if (!row.evidence() || row.verdict() == null) {
                continue;
            }
            if (row.verdict() == Verdict.NO_VERDICT) {
                observedOnly = true;
            }
            // A comparison with a side missing from the file is inconclusive on its row, but, like one
            // with both sides missing, it is not measured as far as the claim goes: a run of some
            // families only does not turn "holds" into "partly".
            if (row.verdict() == Verdict.INCONCLUSIVE && !row.hasFigures()) {
                continue;
            }
            switch (row.verdict()) {
                case HOLDS -> holds++;
                case REVERSED, DOES_NOT_HOLD -> reversed++;
                case NO_SIGNIFICANT_DIFFERENCE -> none++;
                case INCONCLUSIVE -> inconclusive++;
                default -> {
                }
            }
        }
        int total = holds + reversed + none + inconclusive;
        if (total == 0) {
            return new ClaimVerdict(observedOnly ? Verdict.NO_VERDICT : notChecked ? Verdict.NOT_CHECKED : Verdict.NOT_MEASURED, "");
        }
        List<String> parts = new ArrayList<>();
        if (holds > 0) {
            parts.add(holds + (holds == 1 ? " holds" : " hold"));
        }
        if (reversed > 0) {
            parts.add(reversed + " reversed");
        }
        if (none > 0) {
            parts.add(none + " no significant difference");
        }
        if (inconclusive > 0) {
            parts.add(inconclusive + " inconclusive");
        }
        String why = String.join(", ", parts);
        Verdict v;
        if (holds > 0 && reversed > 0) {
            v = Verdict.CONTRADICTORY;
        } else if (holds > 0) {
            v = holds == total ? Verdict.HOLDS : Verdict.PARTLY;
        } else if (reversed > 0) {
            v = reversed == total ? Verdict.REVERSED : Verdict.PARTLY_REVERSED;
        } else if (none > 0) {
            v = Verdict.NO_SIGNIFICANT_DIFFERENCE;
        } else {
            v = Verdict.INCONCLUSIVE;
        }
        return new ClaimVerdict(v, why);
    }

    /** Every word with its exact rule, at significance level {@code alpha}. */
    public static List<Rule> legend(double alpha) {
        String a = Numbers.format(alpha).replaceAll("0+$", "");
        List<Rule> rules = new ArrayList<>();
        String c = "comparison";
        rules.add(new Rule(c, Verdict.HOLDS, "both sides eligible, Holm-adjusted p of Welch's t-test on the fork means below " + a
                + ", and the claimed side better (lower time, higher throughput, or as the catalog's \"better\" says for a metric)"));
        rules.add(new Rule(c, Verdict.REVERSED, "both sides eligible, Holm-adjusted p below " + a + ", and the other side better"));
        rules.add(new Rule(c, Verdict.NO_SIGNIFICANT_DIFFERENCE, "both sides eligible and the Holm-adjusted p is " + a + " or more"));
        rules.add(new Rule(c, Verdict.INCONCLUSIVE, "a side is not eligible (eligible: " + Eligibility.rule()
                + "), a side has no result, or the file is a smoke run; the row says which"));
        rules.add(new Rule(c, Verdict.NOT_MEASURED, "neither side has a result in this file"));
        rules.add(new Rule("comparison decided by its claimed size", Verdict.HOLDS, "both sides eligible and the ratio's whole "
                + Numbers.percent(1 - alpha) + " interval lies inside the claimed range (reversed: wholly above or below it; inconclusive: "
                + "it straddles an edge); used where the direction alone would hold by construction, e.g. how time grows with the number of workers"));
        rules.add(new Rule("check", Verdict.HOLDS, "the per-iteration values of the metric meet the expectation (e.g. every iteration == 0)"));
        rules.add(new Rule("check", Verdict.DOES_NOT_HOLD, "they do not; at claim level it counts as reversed"));
        rules.add(new Rule("finding", Verdict.HOLDS, "the JUnit test observed what the tutorial says (does not hold: the opposite, counted as reversed for the claim; "
                + "no verdict: it recorded an observation only). A finding marked as not evidence is shown and not counted"));
        rules.add(new Rule("finding", Verdict.NOT_CHECKED, "the test did not run or left no readable finding"));
        String k = "claim";
        rules.add(new Rule(k, Verdict.HOLDS, "every comparison, check and finding that counts holds"));
        rules.add(new Rule(k, Verdict.REVERSED, "every one that counts is reversed (or, for a check, does not hold)"));
        rules.add(new Rule(k, Verdict.CONTRADICTORY, "some hold and some are reversed"));
        rules.add(new Rule(k, Verdict.PARTLY, "some hold, none is reversed, the others show no significant difference or are inconclusive"));
        rules.add(new Rule(k, Verdict.PARTLY_REVERSED, "some are reversed, none holds, the others show no significant difference or are inconclusive"));
        rules.add(new Rule(k, Verdict.NO_SIGNIFICANT_DIFFERENCE, "none holds or is reversed, at least one shows no significant difference"));
        rules.add(new Rule(k, Verdict.INCONCLUSIVE, "every one that counts is inconclusive, or the file is a smoke run"));
        rules.add(new Rule(k, Verdict.NOT_MEASURED, "nothing in this file bears on it (a comparison with a side missing is inconclusive "
                + "on its row and not counted for the claim)"));
        rules.add(new Rule(k, Verdict.NOT_CHECKED, "its only evidence is a JUnit finding, and the test did not run"));
        return List.copyOf(rules);
    }

    /** The paragraphs around the legend: the evidence model, Holm, best-of sides, effect sizes. */
    public static List<String> method(double alpha) {
        String a = Numbers.format(alpha).replaceAll("0+$", "");
        String level = Numbers.percent(1 - alpha);
        return List.of(
                "The fork is the unit of evidence. Iterations of one fork share its JIT decisions, heap layout and CPU placement, so they are "
                        + "not independent; each fork is reduced to the mean of its measurement iterations (in sample mode, each iteration first to "
                        + "the mean of the invocations it timed). A result's figure is the mean of its fork means with a 95% Student-t interval on "
                        + "them (df = forks - 1); a one-fork result shows its mean and iterations and \"1 fork: no interval\".",
                "Eligible for a verdict: a result with " + Eligibility.rule() + ". A file with no eligible result is a smoke run (such as the "
                        + "quick run: 1 fork, no warm-up, 1 iteration): its figures are shown, and no comparison or claim gets a verdict.",
                "Two results are compared by Welch's t-test on their fork means, and their ratio gets a " + level + " Fieller interval on the "
                        + "fork means with Welch-Satterthwaite degrees of freedom. Within each claim, the p-values of the comparisons that can "
                        + "carry a verdict are adjusted by Holm's method; a verdict needs an adjusted p below alpha = " + a + ". Both p-values are shown.",
                "Where the tutorial states an effect size (a range such as 10-100x, a single measured figure such as 3.3x, or words such as "
                        + "\"much faster\", which the catalog reads as a stated threshold such as at least 2x), the row says where the "
                        + "ratio's interval lies: inside the claimed range (it overlaps it; for a single figure, contains it), above it, or below it. "
                        + "The verdict itself is about direction and significance; the effect line says whether the size matches.",
                "A side listing alternatives (\"the fastest channel of pipe, socket, file\") is decided without first picking the best of noisy "
                        + "means: \"X beats the best of k\" holds only when X beats each of the k at alpha (p: the largest of the k), and is "
                        + "reversed when some alternative beats X at alpha/k (p: k times the smallest); \"the best of k beats Y\" is the mirror. "
                        + "The figures shown are the alternative that came closest, or the one the verdict rests on.");
    }

    /** The legend as Markdown, for the README's "Reading the report". */
    public static String markdown(double alpha) {
        StringBuilder md = new StringBuilder("## Reading the report\n\n");
        for (String p : method(alpha)) {
            md.append(p).append("\n\n");
        }
        md.append("| applies to | word | decided when |\n|---|---|---|\n");
        for (Rule r : legend(alpha)) {
            md.append("| ").append(r.scope()).append(" | **").append(r.verdict().label()).append("** | ").append(r.rule()).append(" |\n");
        }
        md.append("\nAlpha is ").append(Numbers.format(alpha).replaceAll("0+$", ""))
                .append(" unless `--alpha` says otherwise; the thresholds are named constants in `reports/.../claims/Eligibility.java`.\n");
        return md.toString();
    }
}
