package dev.unitsbench.reports.claims;

import dev.unitsbench.reports.format.Numbers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    /**
     * A claim's verdict and what it rests on.
     *
     * @param conditions the word under each condition of its evidence rows, in catalog order;
     *                   one entry with a null condition when the claim has one
     */
    public record ClaimVerdict(Verdict verdict, String why, List<ConditionVerdict> conditions) {

        ClaimVerdict(Verdict verdict, String why) {
            this(verdict, why, List.of());
        }
    }

    /** The word of a claim's evidence rows under one condition, e.g. "under a GIL": holds. */
    public record ConditionVerdict(String condition, Verdict verdict, String why) {
    }

    /** One word of the legend and its exact rule. */
    public record Rule(String scope, Verdict verdict, String rule) {
    }

    private VerdictRules() {
    }

    /**
     * A comparison's word from the interval it shows ({@code test}, at the row's corrected level)
     * and its equivalence margin: holds when the interval lies wholly beyond the margin on the
     * claimed side, reversed when wholly beyond it on the other side, level when wholly within
     * it, a difference of unclear size when it excludes no difference but reaches into the margin,
     * and no significant difference otherwise.
     */
    public static Verdict word(ComparisonOutcome.Test test) {
        double low = test.low();
        double high = test.high();
        double margin = test.margin();
        if (Double.isNaN(low) || Double.isNaN(high)) {
            return Verdict.INCONCLUSIVE;
        }
        if (low > margin) {
            return Verdict.HOLDS;
        }
        if (high < -margin) {
            return Verdict.REVERSED;
        }
        if (low >= -margin && high <= margin) {
            return Verdict.LEVEL;
        }
        if (low > 0 || high < 0) {
            return Verdict.DIFFERENCE_OF_UNCLEAR_SIZE;
        }
        return Verdict.NO_SIGNIFICANT_DIFFERENCE;
    }

    /** A smoke run's claim: inconclusive, unless nothing in the file bears on it. */
    static ClaimVerdict smokeRun(List<ComparisonOutcome> rows) {
        ClaimVerdict overall = forClaim(rows);
        if (overall.verdict() == Verdict.NOT_MEASURED || overall.verdict() == Verdict.NOT_CHECKED) {
            return overall;
        }
        return new ClaimVerdict(Verdict.INCONCLUSIVE, SMOKE_RUN);
    }

    /**
     * A claim's word from its evidence rows only (comparisons, checks and findings with the role
     * evidence; a check that does not hold counts as reversed), given per condition and then as
     * one word: the conditions' word when they agree, "depends on the condition" when they do
     * not. Under one condition: holds when every row holds; reversed when every row is
     * reversed; level when every row is level; contradictory when some hold and some are
     * reversed; partly when some hold and none is reversed; partly reversed for the mirror; when
     * none holds or is reversed and some are level or undecided: a difference of unclear size if
     * some are and no row's interval includes 1 (so "no significant difference" never stands
     * beside an interval that excludes 1), no significant difference otherwise; inconclusive when
     * all are. A row that predicts "level" holds when it is level and counts as reversed when it is not. Not measured (or not checked) when there is no such row.
     */
    public static ClaimVerdict forClaim(List<ComparisonOutcome> rows) {
        Map<String, List<ComparisonOutcome>> byCondition = new LinkedHashMap<>();
        boolean notChecked = false;
        boolean observedOnly = false;
        for (ComparisonOutcome row : rows) {
            if (!row.evidence() || row.verdict() == null) {
                continue;
            }
            notChecked |= row.verdict() == Verdict.NOT_CHECKED;
            observedOnly |= row.verdict() == Verdict.NO_VERDICT;
            // A comparison with a side missing from the file is inconclusive on its row, but, like one
            // with both sides missing, it is not measured as far as the claim goes: a run of some
            // families only does not turn "holds" into "partly".
            if (row.verdict() == Verdict.NOT_MEASURED || row.verdict() == Verdict.NOT_CHECKED || row.verdict() == Verdict.NO_VERDICT
                    || (row.verdict() == Verdict.INCONCLUSIVE && !row.hasFigures())) {
                continue;
            }
            byCondition.computeIfAbsent(row.condition() == null ? "" : row.condition(), k -> new ArrayList<>()).add(row);
        }
        if (byCondition.isEmpty()) {
            return new ClaimVerdict(observedOnly ? Verdict.NO_VERDICT : notChecked ? Verdict.NOT_CHECKED : Verdict.NOT_MEASURED, "");
        }
        List<ConditionVerdict> conditions = new ArrayList<>();
        byCondition.forEach((condition, evidence) -> conditions.add(tally(condition.isEmpty() ? null : condition, evidence)));
        if (conditions.size() == 1) {
            return new ClaimVerdict(conditions.get(0).verdict(), conditions.get(0).why(), List.copyOf(conditions));
        }
        Verdict first = conditions.get(0).verdict();
        boolean agree = conditions.stream().allMatch(c -> c.verdict() == first);
        String why = conditions.stream().map(c -> c.condition() + ": " + c.verdict().label() + " (" + c.why() + ")")
                .collect(java.util.stream.Collectors.joining("; "));
        return new ClaimVerdict(agree ? first : Verdict.DEPENDS, why, List.copyOf(conditions));
    }

    /**
     * What an evidence row says about its claim: holds, reversed, level, one of the two undecided
     * words, or inconclusive. A check that does not hold counts as reversed; a
     * row that predicts level supports the claim when it is level and contradicts it when it holds
     * or is reversed.
     */
    private static Verdict support(ComparisonOutcome row) {
        Verdict v = row.verdict();
        if (row.predicts() == Verdict.LEVEL && (v == Verdict.HOLDS || v == Verdict.REVERSED || v == Verdict.LEVEL)) {
            return v == Verdict.LEVEL ? Verdict.HOLDS : Verdict.REVERSED;
        }
        return switch (v) {
            case HOLDS, REVERSED, LEVEL, NO_SIGNIFICANT_DIFFERENCE, DIFFERENCE_OF_UNCLEAR_SIZE -> v;
            case DOES_NOT_HOLD -> Verdict.REVERSED;
            default -> Verdict.INCONCLUSIVE;
        };
    }

    /** The word of one condition's evidence rows, with the count of each row word. */
    private static ConditionVerdict tally(String condition, List<ComparisonOutcome> rows) {
        Map<Verdict, Integer> support = new java.util.EnumMap<>(Verdict.class);
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (ComparisonOutcome row : rows) {
            support.merge(support(row), 1, Integer::sum);
            String word = row.predicts() == Verdict.LEVEL ? row.verdict().label() + " (level predicted)" : row.verdict().label();
            counts.merge(word, 1, Integer::sum);
        }
        int holds = support.getOrDefault(Verdict.HOLDS, 0);
        int reversed = support.getOrDefault(Verdict.REVERSED, 0);
        int level = support.getOrDefault(Verdict.LEVEL, 0);
        int includesOne = support.getOrDefault(Verdict.NO_SIGNIFICANT_DIFFERENCE, 0);
        int open = includesOne + support.getOrDefault(Verdict.DIFFERENCE_OF_UNCLEAR_SIZE, 0);
        int inconclusive = support.getOrDefault(Verdict.INCONCLUSIVE, 0);
        int total = holds + reversed + level + open + inconclusive;
        Verdict v;
        if (holds > 0 && reversed > 0) {
            v = Verdict.CONTRADICTORY;
        } else if (holds == total) {
            v = Verdict.HOLDS;
        } else if (reversed == total) {
            v = Verdict.REVERSED;
        } else if (level == total) {
            v = Verdict.LEVEL;
        } else if (holds > 0) {
            v = Verdict.PARTLY;
        } else if (reversed > 0) {
            v = Verdict.PARTLY_REVERSED;
        } else if (includesOne > 0 || (level > 0 && open == 0)) {
            v = Verdict.NO_SIGNIFICANT_DIFFERENCE;
        } else if (open > 0) {
            v = Verdict.DIFFERENCE_OF_UNCLEAR_SIZE;
        } else {
            v = Verdict.INCONCLUSIVE;
        }
        String why = counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
                .collect(java.util.stream.Collectors.joining(", "));
        return new ConditionVerdict(condition, v, why);
    }

    /** Every word with its exact rule, at family-wise error rate {@code alpha}. */
    public static List<Rule> legend(double alpha) {
        String a = alphaText(alpha);
        String margin = "the row's equivalence margin (by default " + marginText(Claim.DEFAULT_MARGIN) + ")";
        List<Rule> rules = new ArrayList<>();
        String c = "comparison";
        rules.add(new Rule(c, Verdict.HOLDS, "both sides eligible, and the row's interval (at 1 - " + a + "/m, see below) lies wholly "
                + "beyond " + margin + " on the claimed side"));
        rules.add(new Rule(c, Verdict.REVERSED, "the interval lies wholly beyond the margin on the other side"));
        rules.add(new Rule(c, Verdict.LEVEL, "the interval lies wholly within the margin (two one-sided tests): an effect inside the "
                + "margin is never holds or reversed"));
        rules.add(new Rule(c, Verdict.DIFFERENCE_OF_UNCLEAR_SIZE, "the interval excludes 1 but reaches into the margin"));
        rules.add(new Rule(c, Verdict.NO_SIGNIFICANT_DIFFERENCE, "the interval includes 1 and reaches beyond the margin"));
        rules.add(new Rule(c, Verdict.INCONCLUSIVE, "a side is not eligible (eligible: " + Eligibility.rule()
                + "), a side has no result, or the file is a smoke run; the row says which"));
        rules.add(new Rule(c, Verdict.NOT_MEASURED, "neither side has a result in this file"));
        rules.add(new Rule("comparison decided by its claimed size", Verdict.HOLDS, "the row's whole interval lies inside the claimed "
                + "range (reversed: wholly above or below it; inconclusive: it straddles an edge); used where the direction alone would "
                + "hold by construction, e.g. how time grows with the number of workers"));
        rules.add(new Rule("check", Verdict.HOLDS, "the per-iteration values of the metric meet the expectation (e.g. every iteration == 0)"));
        rules.add(new Rule("check", Verdict.DOES_NOT_HOLD, "they do not; for the claim it counts as reversed"));
        rules.add(new Rule("finding", Verdict.HOLDS, "the JUnit test observed what the tutorial says (does not hold: the opposite, counted "
                + "as reversed; no verdict: an observation only)"));
        rules.add(new Rule("finding", Verdict.NOT_CHECKED, "the test did not run or left no readable finding"));
        String k = "claim, per condition";
        rules.add(new Rule(k, Verdict.HOLDS, "every evidence row holds (a row that predicts level holds when it is level)"));
        rules.add(new Rule(k, Verdict.REVERSED, "every evidence row is reversed (or, for a check, does not hold)"));
        rules.add(new Rule(k, Verdict.LEVEL, "every evidence row is level"));
        rules.add(new Rule(k, Verdict.CONTRADICTORY, "some hold and some are reversed"));
        rules.add(new Rule(k, Verdict.PARTLY, "some hold, none is reversed"));
        rules.add(new Rule(k, Verdict.PARTLY_REVERSED, "some are reversed, none holds"));
        rules.add(new Rule(k, Verdict.NO_SIGNIFICANT_DIFFERENCE, "none holds or is reversed, some are level or undecided, and some "
                + "undecided row's interval includes 1 (or none is undecided)"));
        rules.add(new Rule(k, Verdict.DIFFERENCE_OF_UNCLEAR_SIZE, "none holds or is reversed, some are undecided, and every undecided row is a "
                + "difference of unclear size (its interval excludes 1)"));
        rules.add(new Rule(k, Verdict.INCONCLUSIVE, "every evidence row is inconclusive, or the file is a smoke run"));
        rules.add(new Rule("claim", Verdict.DEPENDS, "its conditions (e.g. under a GIL, and the JVM as it is) have different words; "
                + "its line gives each"));
        rules.add(new Rule("claim", Verdict.NOT_MEASURED, "no evidence row has a result in this file"));
        rules.add(new Rule("claim", Verdict.NOT_CHECKED, "its only evidence is a JUnit finding, and the test did not run"));
        return List.copyOf(rules);
    }

    /** The paragraphs around the legend: forks, the log scale, pairing, the correction, the margin, roles. */
    public static List<String> method(double alpha) {
        String a = alphaText(alpha);
        return List.of(
                "The fork is the unit of evidence: each fork is reduced to the mean of its measurement iterations. A result's figure is "
                        + "the geometric mean of its fork means with a 95% Student-t interval on their logs (the arithmetic mean for "
                        + "quantities that can be zero or negative). Eligible for a verdict: " + Eligibility.rule() + "; a file with no "
                        + "eligible result is a smoke run, which gets figures and no verdicts.",
                "Two results are compared on the log scale: the estimate is the difference of their mean log fork means, the ratio is "
                        + "its exponential, and its interval is exp(d ± t·se). Where the run made fork r of every benchmark in round r "
                        + "(the suite's runner does, and says so in machine.json), the test is paired: a one-sample t on the per-round "
                        + "log ratios, df = rounds - 1, which cancels the machine's drift between rounds. Two metrics of one result (a "
                        + "CPython experiment that measures both sides in each interpreter run) are paired by run the same way, and "
                        + "CPython's T1-T3 experiments, which the cross-check runs round by round, by round. "
                        + "Otherwise Welch's t on the logs, with Satterthwaite's df. Each row says which. Quantities that can be zero or negative are compared by their "
                        + "difference instead.",
                "The interval a row shows is the one its word is decided by. Within a claim, the evidence rows form one family: with m "
                        + "of them, each interval is at 1 - " + a + "/m (Bonferroni), so the chance that any of them is wrong is at most "
                        + a + ". A side listing alternatives (\"the fastest channel of pipe, socket, file\") tests each alternative and "
                        + "corrects for their number too. Rows of the role jvm-expectation form a family of their own; a context row is "
                        + "tested alone.",
                "In a group-sequential run (machine.json lists its looks), the runner ran further rounds only for the benchmarks "
                        + "of rows still undecided after a look. A row is looked at after each listed round, on its first forks, and "
                        + "stops at the first look that decides it (holds, reversed or level). Its alpha is spent over the looks by the "
                        + "Pocock-type Lan-DeMets function alpha·ln(1 + (e - 1)·t), t the share of the maximum rounds, with critical "
                        + "values calibrated by a seeded simulation of the paired t statistics; the interval shown is the repeated "
                        + "confidence interval of the look the row stopped at, so the looks together miss the truth with probability at "
                        + "most alpha. Each row says after how many rounds it stopped, and why.",
                "Every comparison has an equivalence margin, " + marginText(Claim.DEFAULT_MARGIN) + " unless the catalog gives its own: "
                        + "ratios move by a few percent between two runs of the suite on this machine, and no claim of the tutorial is "
                        + "about an effect that small. A row is level when its interval lies within the margin, and holds or is "
                        + "reversed only when it lies wholly beyond it.",
                "Rows have roles. Evidence rows decide the claim's word, per condition (e.g. under a GIL, on the JVM as it is). "
                        + "Jvm-expectation rows are where the JVM is expected to differ from CPython; they read \"as the JVM predicts\" "
                        + "or not, and are not counted. Context rows (the suite's own engineering, rows true by construction) are shown "
                        + "and never counted. Where the tutorial states an effect size, the row says where its interval lies against it "
                        + "(and, where the size depends on cores, against this machine's ceiling).");
    }

    /** e.g. "+-5% (1/1.05x to 1.05x)". */
    static String marginText(double margin) {
        return "±" + Numbers.percent(margin) + " (" + Numbers.times(1 / (1 + margin)) + " to " + Numbers.times(1 + margin) + ")";
    }

    private static String alphaText(double alpha) {
        return Numbers.format(alpha).replaceAll("0+$", "");
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
