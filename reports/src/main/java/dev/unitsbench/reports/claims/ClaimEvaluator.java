package dev.unitsbench.reports.claims;

import dev.unitsbench.reports.findings.Finding;
import dev.unitsbench.reports.findings.Findings;
import dev.unitsbench.reports.read.BenchmarkResult;
import dev.unitsbench.reports.read.Metric;
import dev.unitsbench.reports.stats.Estimate;
import dev.unitsbench.reports.stats.AnalyzedResult;
import dev.unitsbench.reports.stats.RatioEstimate;
import dev.unitsbench.reports.stats.Statistics;
import dev.unitsbench.reports.stats.WelchTest;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Turns each claim of the catalog into verdicts on the results of one run.
 *
 * <p><b>Comparisons.</b> Two results are compared on their fork means (see
 * {@link Statistics}): the ratio of the means in the claimed direction (above 1: as claimed)
 * with Fieller's interval, and Welch's two-sided t-test. Within a claim, the p-values of every
 * comparison that can carry a verdict are adjusted by Holm's method, so that a claim with ten
 * comparisons is not "holds" by luck; a comparison holds when its adjusted p is below alpha
 * and the claimed side is better (lower time, higher throughput, or as the catalog's
 * {@code better} says for a secondary metric), is reversed when the adjusted p is below alpha
 * the other way, and otherwise shows no significant difference. It is inconclusive, with the
 * reason, when a side is not eligible ({@link Eligibility}), a side is missing, or the whole
 * file is a smoke run; a comparison found on neither side is not measured.
 *
 * <p><b>Best-of sides.</b> A side listing alternatives ({@code "PIPE|UNIX_SOCKET|FILE"}) stands
 * for the best of k results. Picking the best of k noisy means and then testing it as if it
 * had been chosen in advance inflates the error rate, so the evaluator decides by
 * intersection-union instead, which needs no data split (with 3 to 5 forks, halving them
 * would leave too little to test):
 * <ul>
 *   <li>"X beats the best of k" (alternatives on the slower side) holds only when X beats
 *       <em>each</em> of the k at alpha: the test's p is the largest of the k p-values, exact
 *       for an intersection-union test. It is reversed when some alternative beats X at
 *       alpha/k (Bonferroni: p = k times the smallest p against X).</li>
 *   <li>"the best of k beats Y" (alternatives on the faster side) is the mirror: it holds when
 *       some alternative beats Y at alpha/k, and is reversed only when Y beats each of the k.</li>
 * </ul>
 * The figures shown are those of the alternative that came closest (or, when the verdict rests
 * on one alternative, that one); the row says how it was decided.
 *
 * <p><b>Checks</b> hold when the per-iteration values of their metric meet the expectation
 * ({@link Expectation}) and do not hold otherwise. <b>Findings</b> of JUnit tests hold or are
 * reversed as the test says; a finding marked {@code "evidence": false} is shown and not
 * counted. How a claim's verdict follows from its rows is in {@link VerdictRules}.
 */
public final class ClaimEvaluator {

    private final double alpha;

    /** @param alpha significance level (after Holm's correction); the ratio interval is at 1 - alpha */
    public ClaimEvaluator(double alpha) {
        this.alpha = alpha;
    }

    public double alpha() {
        return alpha;
    }

    public List<ClaimOutcome> evaluate(List<Claim> claims, List<AnalyzedResult> results) {
        return evaluate(claims, results, Findings.none());
    }

    public List<ClaimOutcome> evaluate(List<Claim> claims, List<AnalyzedResult> results, Findings findings) {
        return claims.stream().map(c -> evaluate(c, results, findings)).toList();
    }

    public ClaimOutcome evaluate(Claim claim, List<AnalyzedResult> results) {
        return evaluate(claim, results, Findings.none());
    }

    public ClaimOutcome evaluate(Claim claim, List<AnalyzedResult> results, Findings findings) {
        boolean smoke = isSmokeRun(results);
        List<ComparisonOutcome> comparisons = new ArrayList<>();
        for (Claim.ComparisonSpec spec : claim.comparisons()) {
            comparisons.addAll(compare(spec, results));
        }
        comparisons = decide(comparisons, smoke);
        comparisons.addAll(findings(claim, findings));
        List<AnalyzedResult> figures = claim.figures() == null ? List.of() : select(claim.figures().selector(), results);
        List<AnalyzedResult> scaling = claim.scaling() == null ? List.of() : select(claim.scaling().selector(), results);
        VerdictRules.ClaimVerdict overall = VerdictRules.overall(comparisons);
        if (smoke && overall.verdict() != Verdict.NOT_MEASURED && overall.verdict() != Verdict.NOT_CHECKED) {
            overall = new VerdictRules.ClaimVerdict(Verdict.INCONCLUSIVE, VerdictRules.SMOKE_RUN);
        }
        BreakEven breakEven = claim.breakEven() == null ? null : BreakEven.of(claim.breakEven(), results, 1 - alpha);
        return new ClaimOutcome(claim, List.copyOf(comparisons), figures, scaling, overall.verdict(), overall.why(), breakEven);
    }

    /** True when the file has results and none of them is eligible for a verdict ({@link Eligibility}). */
    public static boolean isSmokeRun(List<AnalyzedResult> results) {
        return !results.isEmpty() && Eligibility.isSmokeRun(results.stream().map(AnalyzedResult::result).toList());
    }

    private static List<AnalyzedResult> select(Selector selector, List<AnalyzedResult> results) {
        return results.stream().filter(r -> selector.matches(r.result())).toList();
    }

    /**
     * Gives every row still without a verdict one: Holm's correction over the claim's decidable
     * p-values, then significance and direction. In a smoke run, every comparison and check is
     * inconclusive instead.
     */
    private List<ComparisonOutcome> decide(List<ComparisonOutcome> rows, boolean smoke) {
        List<ComparisonOutcome> decided = new ArrayList<>(rows);
        if (smoke) {
            for (int i = 0; i < decided.size(); i++) {
                ComparisonOutcome row = decided.get(i);
                if (row.hasFigures()) {
                    decided.set(i, row.withVerdict(Verdict.INCONCLUSIVE, Double.NaN, VerdictRules.SMOKE_RUN));
                }
            }
            return decided;
        }
        List<Integer> open = new ArrayList<>();
        for (int i = 0; i < decided.size(); i++) {
            if (decided.get(i).verdict() == null && !Double.isNaN(decided.get(i).p())) {
                open.add(i);
            }
        }
        double[] raw = open.stream().mapToDouble(i -> decided.get(i).p()).toArray();
        double[] adjusted = Statistics.holm(raw);
        for (int k = 0; k < open.size(); k++) {
            ComparisonOutcome row = decided.get(open.get(k));
            Verdict v = adjusted[k] < alpha ? (row.speedup().ratio() > 1 ? Verdict.HOLDS : Verdict.REVERSED)
                    : Verdict.NO_SIGNIFICANT_DIFFERENCE;
            decided.set(open.get(k), row.withVerdict(v, adjusted[k], null));
        }
        for (int i = 0; i < decided.size(); i++) {
            if (decided.get(i).verdict() == null) {
                decided.set(i, decided.get(i).withVerdict(Verdict.NO_SIGNIFICANT_DIFFERENCE, Double.NaN,
                        "the t-test is undefined (no variance between the fork means on either side)"));
            }
        }
        return decided;
    }

    /** The rows of one catalog comparison, verdicts not yet decided (null) unless inconclusive or missing. */
    private List<ComparisonOutcome> compare(Claim.ComparisonSpec spec, List<AnalyzedResult> results) {
        if (spec.isCheck()) {
            return check(spec, results);
        }
        Selector fasterSide = spec.common().narrowedBy(spec.faster());
        Selector slowerSide = spec.common().narrowedBy(spec.slower());
        Set<String> fixed = new LinkedHashSet<>();
        fixed.addAll(fasterSide.params().keySet());
        fixed.addAll(slowerSide.params().keySet());
        List<AnalyzedResult> faster = select(fasterSide, results);
        List<AnalyzedResult> slower = select(slowerSide, results);
        if (faster.isEmpty() && slower.isEmpty()) {
            return List.of(ComparisonOutcome.notMeasured(spec.label(),
                    "no result for " + describe(fasterSide) + " nor for " + describe(slowerSide)));
        }
        if (faster.isEmpty() || slower.isEmpty()) {
            String absent = describe(faster.isEmpty() ? fasterSide : slowerSide);
            return List.of(new ComparisonOutcome(ComparisonOutcome.Kind.COMPARISON, spec.label(), "", null, null, null, null,
                    Verdict.INCONCLUSIVE, "missing side: no result for " + absent, null, null));
        }
        boolean primary = fasterSide.metric() == null && slowerSide.metric() == null;
        Map<String, List<AnalyzedResult>> fasterGroups = group(faster, fixed, primary);
        Map<String, List<AnalyzedResult>> slowerGroups = group(slower, fixed, primary);
        List<ComparisonOutcome> outcomes = new ArrayList<>();
        for (Map.Entry<String, List<AnalyzedResult>> g : fasterGroups.entrySet()) {
            List<AnalyzedResult> others = slowerGroups.get(g.getKey());
            if (others == null) {
                continue;
            }
            String pairing = pairing(free(g.getValue().get(0).result(), fixed));
            boolean fasterBest = fasterSide.picksBest() && g.getValue().size() > 1;
            boolean slowerBest = slowerSide.picksBest() && others.size() > 1;
            if (fasterBest != slowerBest && (fasterBest ? others.size() == 1 : g.getValue().size() == 1)) {
                AnalyzedResult single = fasterBest ? others.get(0) : g.getValue().get(0);
                outcomes.add(bestOf(spec, fasterSide, slowerSide, single, fasterBest ? g.getValue() : others, fasterBest, pairing));
                continue;
            }
            for (AnalyzedResult f : g.getValue()) {
                for (AnalyzedResult s : others) {
                    outcomes.add(pair(spec, fasterSide, f, slowerSide, s, pairing).row(spec.label(), pairing));
                }
            }
        }
        if (outcomes.isEmpty()) {
            return List.of(ComparisonOutcome.notMeasured(spec.label(),
                    "results exist for both sides, but none share the same mode and remaining params"));
        }
        if (spec.byEffect()) {
            outcomes.replaceAll(row -> decideByEffect(row, spec.claimed()));
        }
        return outcomes;
    }

    /** Results grouped by what pairs them: the params no selector fixes, and the mode for a primary score. */
    private static Map<String, List<AnalyzedResult>> group(List<AnalyzedResult> side, Set<String> fixed, boolean byMode) {
        Map<String, List<AnalyzedResult>> groups = new java.util.LinkedHashMap<>();
        for (AnalyzedResult r : side) {
            String key = (byMode ? r.result().mode().jmhName() + " " : "") + free(r.result(), fixed);
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
        }
        return groups;
    }

    /**
     * One compared pair before Holm: the sides with the estimates of the compared metric, the
     * speed-up in the claimed direction, the test, the effect against the claimed one, and why it
     * cannot carry a verdict (null when it can), or why it was not measured.
     */
    private record Pair(AnalyzedResult faster, AnalyzedResult slower, RatioEstimate speedup, WelchTest test,
                        String metric, String effect, String ineligible, String notMeasured) {

        ComparisonOutcome row(String label, String pairing) {
            if (notMeasured != null) {
                return new ComparisonOutcome(ComparisonOutcome.Kind.COMPARISON, label, pairing, null, null, null, null,
                        Verdict.NOT_MEASURED, notMeasured, metric, null);
            }
            return new ComparisonOutcome(ComparisonOutcome.Kind.COMPARISON, label, pairing, faster, slower, speedup, test,
                    ineligible == null ? null : Verdict.INCONCLUSIVE, ineligible, metric, null, test.pValue(), Double.NaN,
                    effect, true, null);
        }
    }

    private Pair pair(Claim.ComparisonSpec spec, Selector fasterSide, AnalyzedResult f, Selector slowerSide, AnalyzedResult s,
                      String pairing) {
        boolean primary = fasterSide.metric() == null && slowerSide.metric() == null;
        Metric fm = fasterSide.metricOf(f.result());
        Metric sm = slowerSide.metricOf(s.result());
        String names = primary ? null : metricName(fasterSide).equals(metricName(slowerSide)) ? metricName(fasterSide)
                : metricName(fasterSide) + " vs " + metricName(slowerSide);
        if (fm == null || sm == null || fm.samples() == null || sm.samples() == null) {
            List<String> missing = new ArrayList<>();
            if (fm == null || fm.samples() == null) {
                missing.add(f.result().shortName() + f.result().paramsText() + " has no per-iteration values of " + metricName(fasterSide));
            }
            if (sm == null || sm.samples() == null) {
                missing.add(s.result().shortName() + s.result().paramsText() + " has no per-iteration values of " + metricName(slowerSide));
            }
            return new Pair(null, null, null, null, names, null, null, String.join("; ", missing));
        }
        boolean higherIsBetter = primary ? f.result().mode().biggerIsBetter() : !spec.lowerIsBetter();
        RatioEstimate speedup = higherIsBetter
                ? Statistics.ratio(fm.samples(), sm.samples(), 1 - alpha)
                : Statistics.ratio(sm.samples(), fm.samples(), 1 - alpha);
        WelchTest test = Statistics.welch(fm.samples(), sm.samples());
        String effect = spec.claimed() == null ? null : spec.claimed().describe(speedup);
        return new Pair(primary ? f : withMetric(f, fm), primary ? s : withMetric(s, sm), speedup, test, names, effect,
                ineligible(f, s), null);
    }

    /**
     * A comparison decided by its claimed range ({@code "decide": "claimed"}): holds when the
     * ratio's whole interval (at 1 - alpha) lies inside the range, reversed when it lies wholly
     * above or below it (the predicted size is wrong), inconclusive when it straddles an edge or
     * is unbounded. No p-value: it takes no part in Holm's correction.
     */
    private static ComparisonOutcome decideByEffect(ComparisonOutcome row, ClaimedEffect claimed) {
        if (row.verdict() != null || row.speedup() == null) {
            return row;
        }
        ClaimedEffect.Position position = claimed.place(row.speedup());
        Verdict v;
        String why = null;
        if (claimed.contains(row.speedup())) {
            v = Verdict.HOLDS;
        } else if (position == ClaimedEffect.Position.ABOVE || position == ClaimedEffect.Position.BELOW) {
            v = Verdict.REVERSED;
            why = "the interval lies " + position.words() + " the claimed range";
        } else {
            v = Verdict.INCONCLUSIVE;
            why = position == ClaimedEffect.Position.UNPLACED ? "the interval is unbounded"
                    : "the interval straddles an edge of the claimed range";
        }
        return new ComparisonOutcome(row.kind(), row.label(), row.pairing(), row.faster(), row.slower(), row.speedup(), row.test(),
                v, why, row.metric(), row.observed(), Double.NaN, Double.NaN, row.effect(), row.evidence(),
                "decided by the claimed size (the " + dev.unitsbench.reports.format.Numbers.percent(row.speedup().level())
                        + " interval must lie inside it), not by significance");
    }

    /** Why a pair cannot carry a verdict, naming each side at fault; null when both are eligible. */
    private static String ineligible(AnalyzedResult f, AnalyzedResult s) {
        String fw = Eligibility.whyNot(f.result());
        String sw = Eligibility.whyNot(s.result());
        if (fw == null && sw == null) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        if (fw != null) {
            parts.add("claimed-faster side has " + fw);
        }
        if (sw != null) {
            parts.add("claimed-slower side has " + sw);
        }
        return String.join("; ", parts);
    }

    /**
     * A single result against a side of k alternatives, by intersection-union (see the class
     * comment).
     *
     * @param alternativesFaster whether the alternatives are the claimed-faster side
     */
    private ComparisonOutcome bestOf(Claim.ComparisonSpec spec, Selector fasterSide, Selector slowerSide, AnalyzedResult single,
                                     List<AnalyzedResult> alternatives, boolean alternativesFaster, String pairing) {
        List<Pair> pairs = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (AnalyzedResult a : alternatives) {
            Pair p = alternativesFaster ? pair(spec, fasterSide, a, slowerSide, single, pairing)
                    : pair(spec, fasterSide, single, slowerSide, a, pairing);
            if (p.notMeasured() != null) {
                return p.row(spec.label(), pairing);
            }
            pairs.add(p);
            names.add(free(a.result(), Set.of()).entrySet().stream()
                    .filter(e -> !single.result().params().getOrDefault(e.getKey(), "").equals(e.getValue()))
                    .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", ")));
        }
        int k = pairs.size();
        // Most favourable to the alternatives: the lowest speed-up of the claimed side when they
        // are the slower side, the highest when they are the faster side.
        int closest = 0;
        for (int i = 1; i < k; i++) {
            double r = pairs.get(i).speedup().ratio();
            double best = pairs.get(closest).speedup().ratio();
            if (alternativesFaster ? r > best : r < best) {
                closest = i;
            }
        }
        String ineligible = pairs.stream().map(Pair::ineligible).filter(java.util.Objects::nonNull).findFirst().orElse(null);
        String singleName = single.result().shortName() + (single.result().paramsText().isEmpty() ? "" : " " + single.result().paramsText());
        // Alternatives that beat the single side (speed-up on the alternatives' side of 1).
        List<Integer> forAlternatives = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            double r = pairs.get(i).speedup().ratio();
            if (alternativesFaster ? r > 1 : r <= 1) {
                forAlternatives.add(i);
            }
        }
        int shown;
        double p;
        String note;
        boolean alternativesEverywhereWorse = forAlternatives.isEmpty();
        if (alternativesEverywhereWorse) {
            // The single side beats every alternative: intersection-union, p = the largest p.
            shown = closest;
            p = pairs.stream().mapToDouble(x -> x.test().pValue()).max().orElse(Double.NaN);
            if (pairs.stream().anyMatch(x -> Double.isNaN(x.test().pValue()))) {
                p = Double.NaN;
            }
            note = "best of " + k + ": " + singleName + " must beat each of the " + k + " alternatives at alpha "
                    + "(intersection-union; p is the largest of the " + k + "); shown: the closest, " + names.get(shown);
        } else {
            // Some alternative beats the single side: Bonferroni over k, p = k x the smallest such p.
            shown = forAlternatives.get(0);
            for (int i : forAlternatives) {
                if (pairs.get(i).test().pValue() < pairs.get(shown).test().pValue()) {
                    shown = i;
                }
            }
            double smallest = pairs.get(shown).test().pValue();
            p = Double.isNaN(smallest) ? Double.NaN : Math.min(1, k * smallest);
            note = "best of " + k + ": decided by the alternative that beats " + singleName + " most clearly, "
                    + names.get(shown) + ", at alpha/" + k + " (Bonferroni; p = " + k + " x its p)";
        }
        Pair s = pairs.get(shown);
        return new ComparisonOutcome(ComparisonOutcome.Kind.COMPARISON, spec.label(), pairing, s.faster(), s.slower(), s.speedup(),
                s.test(), ineligible == null ? null : Verdict.INCONCLUSIVE, ineligible, s.metric(), null, p, Double.NaN,
                s.effect(), true, note);
    }

    /** The params of a result that no selector of the comparison fixes: what pairs two sides. */
    private static Map<String, String> free(BenchmarkResult result, Set<String> fixed) {
        Map<String, String> free = new TreeMap<>(result.params());
        free.keySet().removeAll(fixed);
        return free;
    }

    private static String pairing(Map<String, String> free) {
        return free.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }

    private static String metricName(Selector side) {
        return side.metric() == null ? "the primary score" : side.metric();
    }

    /** The result with the estimate of {@code metric}'s per-iteration values in place of its primary score's. */
    static AnalyzedResult withMetric(AnalyzedResult r, Metric metric) {
        Estimate e = Statistics.estimate(metric.samples(), r.estimate().level(), metric.unit());
        return new AnalyzedResult(r.result(), e);
    }

    /** Each result the check picks, tested alone against the expectation on its per-iteration values. */
    private List<ComparisonOutcome> check(Claim.ComparisonSpec spec, List<AnalyzedResult> results) {
        Selector selector = spec.common();
        List<AnalyzedResult> picked = select(selector, results);
        if (picked.isEmpty()) {
            return List.of(ComparisonOutcome.notMeasured(spec.label(), "no result for " + describe(selector)));
        }
        Set<String> fixed = selector.params().keySet();
        List<ComparisonOutcome> outcomes = new ArrayList<>();
        for (AnalyzedResult r : picked) {
            String pairing = pairing(free(r.result(), fixed));
            Metric metric = selector.metricOf(r.result());
            if (metric == null || metric.samples() == null) {
                outcomes.add(new ComparisonOutcome(ComparisonOutcome.Kind.CHECK, spec.label(), pairing, null, null, null, null,
                        Verdict.NOT_MEASURED, r.result().shortName() + r.result().paramsText() + " has no secondary metric "
                        + selector.metric(), selector.metric(), null));
                continue;
            }
            double[] values = metric.samples().values();
            boolean holds = spec.expect().test(values);
            outcomes.add(new ComparisonOutcome(ComparisonOutcome.Kind.CHECK, spec.label(), pairing, withMetric(r, metric), null,
                    null, null, holds ? Verdict.HOLDS : Verdict.DOES_NOT_HOLD, null, selector.metric(),
                    observed(spec.expect(), values, metric.unit())));
        }
        return outcomes;
    }

    /** e.g. "expected every iteration == 0; observed 0, 0, 3 # (3 iterations, total 3)". */
    static String observed(Expectation expect, double[] values, String unit) {
        StringBuilder text = new StringBuilder("expected ").append(expect.describe()).append("; observed ");
        int shown = Math.min(values.length, 12);
        for (int i = 0; i < shown; i++) {
            text.append(i == 0 ? "" : ", ").append(dev.unitsbench.reports.format.Numbers.format(values[i]));
        }
        if (shown < values.length) {
            text.append(", ...");
        }
        text.append(" ").append(unit).append(" (").append(values.length).append(values.length == 1 ? " iteration" : " iterations")
                .append(", total ").append(dev.unitsbench.reports.format.Numbers.format(Expectation.sum(values))).append(")");
        return text.toString();
    }

    /**
     * The claim's findings: one row per finding file about it (holds, reversed, or no verdict),
     * one "not checked" row per malformed file pointing to it, and, when there is neither, one per
     * expected test saying why it left no finding (no --findings, no folder, no file). Never
     * "holds" without a finding.
     */
    static List<ComparisonOutcome> findings(Claim claim, Findings findings) {
        List<ComparisonOutcome> rows = new ArrayList<>();
        for (Finding f : findings.forClaim(claim.id())) {
            boolean evidence = f.evidence() && !claim.checkOnlyTests().contains(f.test());
            Verdict verdict = f.tutorialHolds() == null ? Verdict.NO_VERDICT : f.tutorialHolds() ? Verdict.HOLDS : Verdict.DOES_NOT_HOLD;
            String when = (f.observedAt() == null ? "" : "observed " + f.observedAt())
                    + (f.jdk() == null ? "" : (f.observedAt() == null ? "" : ", ") + "JDK " + f.jdk());
            rows.add(new ComparisonOutcome(ComparisonOutcome.Kind.FINDING, "JUnit test " + f.test(), "", null, null, null, null,
                    verdict, null, null, f.statement() + (when.isEmpty() ? "" : " (" + when + ")"), Double.NaN, Double.NaN, null,
                    evidence, evidence ? null : "shown, not counted for the claim's verdict (not evidence about the tutorial's claim)"));
        }
        for (Findings.Problem p : findings.problemsForClaim(claim.id())) {
            rows.add(new ComparisonOutcome(ComparisonOutcome.Kind.FINDING, "JUnit test finding " + p.file().getFileName(), "", null, null,
                    null, null, Verdict.NOT_CHECKED, "not checked in this run: " + p.warning(), null, null));
        }
        // An expected test is reported missing only when nothing at all came for the claim: a finding
        // under another test name (a renamed test method) still decides it, and names its test.
        for (String test : claim.findingTests()) {
            if (rows.isEmpty()) {
                boolean evidence = !claim.checkOnlyTests().contains(test);
                rows.add(new ComparisonOutcome(ComparisonOutcome.Kind.FINDING, "JUnit test " + test, "", null, null, null, null,
                        Verdict.NOT_CHECKED, "not checked in this run: " + findings.whyMissing(test), null, null, Double.NaN, Double.NaN,
                        null, evidence, null));
            }
        }
        return rows;
    }

    private static String describe(Selector side) {
        String params = side.params().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
        String names = side.benchmarks().stream().map(b -> b.substring(b.lastIndexOf('.', b.lastIndexOf('.') - 1) + 1))
                .collect(Collectors.joining(" or "));
        return names + (params.isEmpty() ? "" : " (" + params + ")") + (side.metric() == null ? "" : ", metric " + side.metric());
    }
}
