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
 * <p>A comparison holds when Welch's two-sided t-test rejects equal means at {@code alpha}
 * and the claimed-faster side has the better mean (lower time, higher throughput); it is
 * reversed when the test rejects and the other side is better; otherwise there is no
 * significant difference. A comparison may name a secondary metric (an {@code @AuxCounters}
 * field) per side; it is then compared on its per-iteration values, never on JMH's summary
 * score, which for an event counter is the sum over the iterations.
 *
 * <p>A check holds when the per-iteration values of its metric meet its expectation
 * ({@link Expectation}), and does not hold otherwise; each result it picks is checked alone.
 */
public final class ClaimEvaluator {

    private final double alpha;

    /** @param alpha significance level of the t-test; the speed-up interval is at 1 - alpha */
    public ClaimEvaluator(double alpha) {
        this.alpha = alpha;
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
        List<ComparisonOutcome> comparisons = new ArrayList<>();
        for (Claim.ComparisonSpec spec : claim.comparisons()) {
            comparisons.addAll(compare(spec, results));
        }
        comparisons.addAll(findings(claim, findings));
        List<AnalyzedResult> figures = claim.figures() == null ? List.of() : select(claim.figures().selector(), results);
        List<AnalyzedResult> scaling = claim.scaling() == null ? List.of() : select(claim.scaling().selector(), results);
        return new ClaimOutcome(claim, comparisons, figures, scaling, overall(comparisons));
    }

    private static List<AnalyzedResult> select(Selector selector, List<AnalyzedResult> results) {
        return results.stream().filter(r -> selector.matches(r.result())).toList();
    }

    private List<ComparisonOutcome> compare(Claim.ComparisonSpec spec, List<AnalyzedResult> results) {
        if (spec.isCheck()) {
            return check(spec, results);
        }
        Selector fasterSide = spec.common().narrowedBy(spec.faster());
        Selector slowerSide = spec.common().narrowedBy(spec.slower());
        Set<String> fixed = new LinkedHashSet<>();
        fixed.addAll(fasterSide.params().keySet());
        fixed.addAll(slowerSide.params().keySet());
        List<AnalyzedResult> faster = best(fasterSide, select(fasterSide, results), fixed);
        List<AnalyzedResult> slower = best(slowerSide, select(slowerSide, results), fixed);
        if (faster.isEmpty() || slower.isEmpty()) {
            List<String> missing = new ArrayList<>();
            if (faster.isEmpty()) {
                missing.add(describe(fasterSide));
            }
            if (slower.isEmpty()) {
                missing.add(describe(slowerSide));
            }
            return List.of(ComparisonOutcome.notMeasured(spec.label(), "no result for " + String.join(" nor for ", missing)));
        }
        List<ComparisonOutcome> outcomes = new ArrayList<>();
        boolean primary = fasterSide.metric() == null && slowerSide.metric() == null;
        for (AnalyzedResult f : faster) {
            for (AnalyzedResult s : slower) {
                boolean comparable = primary ? f.result().mode() == s.result().mode() : true;
                if (comparable && free(f.result(), fixed).equals(free(s.result(), fixed))) {
                    String pairing = pairing(free(f.result(), fixed));
                    if (primary) {
                        outcomes.add(compare(spec.label(), f, s, pairing));
                    } else {
                        outcomes.add(compareMetric(spec, fasterSide, f, slowerSide, s, pairing));
                    }
                }
            }
        }
        if (outcomes.isEmpty()) {
            return List.of(ComparisonOutcome.notMeasured(spec.label(),
                    "results exist for both sides, but none share the same mode and remaining params"));
        }
        return outcomes;
    }

    /**
     * For a side that lists alternatives ({@link Selector#picksBest()}): per pairing and mode, the
     * one result with the best mean of the side's metric (lowest time, highest throughput; for a
     * secondary metric, lowest, as for bytes). Other sides are returned as they are.
     */
    private static List<AnalyzedResult> best(Selector side, List<AnalyzedResult> picked, Set<String> fixed) {
        if (!side.picksBest()) {
            return picked;
        }
        Map<String, AnalyzedResult> best = new java.util.LinkedHashMap<>();
        for (AnalyzedResult r : picked) {
            Metric metric = side.metricOf(r.result());
            if (metric == null || metric.samples() == null) {
                continue;
            }
            boolean higherWins = side.metric() == null && r.result().mode().biggerIsBetter();
            best.merge(r.result().mode() + " " + free(r.result(), fixed), r, (kept, next) -> {
                double k = meanOf(side, kept);
                double n = meanOf(side, next);
                return (higherWins ? n > k : n < k) ? next : kept;
            });
        }
        return List.copyOf(best.values());
    }

    private static double meanOf(Selector side, AnalyzedResult r) {
        Metric metric = side.metricOf(r.result());
        return Statistics.estimate(metric.samples(), r.estimate().level(), metric.unit()).mean();
    }

    /** The params of a result that no selector of the comparison fixes: what pairs two sides. */
    private static Map<String, String> free(BenchmarkResult result, Set<String> fixed) {
        Map<String, String> free = new TreeMap<>(result.params());
        free.keySet().removeAll(fixed);
        return free;
    }

    private ComparisonOutcome compare(String label, AnalyzedResult faster, AnalyzedResult slower, String pairing) {
        boolean biggerIsBetter = faster.result().mode().biggerIsBetter();
        RatioEstimate speedup = biggerIsBetter
                ? Statistics.ratio(faster.result().primary().samples(), slower.result().primary().samples(), 1 - alpha)
                : Statistics.ratio(slower.result().primary().samples(), faster.result().primary().samples(), 1 - alpha);
        WelchTest test = Statistics.welch(faster.result().primary().samples(), slower.result().primary().samples());
        Verdict verdict = verdict(speedup.ratio(), test);
        return new ComparisonOutcome(label, pairing, faster, slower, speedup, test, verdict, null);
    }

    private static String pairing(Map<String, String> free) {
        return free.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }

    /** Two results compared on a secondary metric (or one side's primary score against the other's metric). */
    private ComparisonOutcome compareMetric(Claim.ComparisonSpec spec, Selector fasterSide, AnalyzedResult f,
                                            Selector slowerSide, AnalyzedResult s, String pairing) {
        Metric fm = fasterSide.metricOf(f.result());
        Metric sm = slowerSide.metricOf(s.result());
        String names = metricName(fasterSide).equals(metricName(slowerSide)) ? metricName(fasterSide)
                : metricName(fasterSide) + " vs " + metricName(slowerSide);
        if (fm == null || sm == null || fm.samples() == null || sm.samples() == null) {
            List<String> missing = new ArrayList<>();
            if (fm == null || fm.samples() == null) {
                missing.add(f.result().shortName() + f.result().paramsText() + " has no per-iteration values of " + metricName(fasterSide));
            }
            if (sm == null || sm.samples() == null) {
                missing.add(s.result().shortName() + s.result().paramsText() + " has no per-iteration values of " + metricName(slowerSide));
            }
            return new ComparisonOutcome(ComparisonOutcome.Kind.COMPARISON, spec.label(), pairing, null, null, null, null,
                    Verdict.NOT_MEASURED, String.join("; ", missing), names, null);
        }
        AnalyzedResult better = withMetric(f, fm);
        AnalyzedResult worse = withMetric(s, sm);
        RatioEstimate ratio = spec.lowerIsBetter()
                ? Statistics.ratio(sm.samples(), fm.samples(), 1 - alpha)
                : Statistics.ratio(fm.samples(), sm.samples(), 1 - alpha);
        WelchTest test = Statistics.welch(fm.samples(), sm.samples());
        return new ComparisonOutcome(ComparisonOutcome.Kind.COMPARISON, spec.label(), pairing, better, worse, ratio, test,
                verdict(ratio.ratio(), test), null, names, null);
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
            double[] values = perIteration(metric);
            boolean holds = spec.expect().test(values);
            outcomes.add(new ComparisonOutcome(ComparisonOutcome.Kind.CHECK, spec.label(), pairing, withMetric(r, metric), null,
                    null, null, holds ? Verdict.HOLDS : Verdict.DOES_NOT_HOLD, null, selector.metric(),
                    observed(spec.expect(), values, metric.unit())));
        }
        return outcomes;
    }

    /** One value per iteration; a histogram's bins are expanded by their counts. */
    private static double[] perIteration(Metric metric) {
        if (!metric.samples().isWeighted()) {
            return metric.samples().values();
        }
        List<Double> all = new ArrayList<>();
        double[] v = metric.samples().values();
        long[] c = metric.samples().counts();
        for (int i = 0; i < v.length; i++) {
            for (long k = 0; k < c[i]; k++) {
                all.add(v[i]);
            }
        }
        return all.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** e.g. "expected every iteration == 0; observed 0, 0, 3 # (3 iterations, total 3)". */
    static String observed(Expectation expect, double[] values, String unit) {
        StringBuilder text = new StringBuilder("expected ").append(expect.describe()).append("; observed ");
        int shown = Math.min(values.length, 12);
        for (int i = 0; i < shown; i++) {
            text.append(i == 0 ? "" : ", ").append(dev.unitsbench.reports.output.Numbers.format(values[i]));
        }
        if (shown < values.length) {
            text.append(", ...");
        }
        text.append(" ").append(unit).append(" (").append(values.length).append(values.length == 1 ? " iteration" : " iterations")
                .append(", total ").append(dev.unitsbench.reports.output.Numbers.format(Expectation.sum(values))).append(")");
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
            Verdict verdict = f.tutorialHolds() == null ? Verdict.NO_VERDICT : f.tutorialHolds() ? Verdict.HOLDS : Verdict.REVERSED;
            String when = (f.observedAt() == null ? "" : "observed " + f.observedAt())
                    + (f.jdk() == null ? "" : (f.observedAt() == null ? "" : ", ") + "JDK " + f.jdk());
            rows.add(new ComparisonOutcome(ComparisonOutcome.Kind.FINDING, "JUnit test " + f.test(), "", null, null, null, null,
                    verdict, null, null, f.statement() + (when.isEmpty() ? "" : " (" + when + ")")));
        }
        for (Findings.Problem p : findings.problemsForClaim(claim.id())) {
            rows.add(new ComparisonOutcome(ComparisonOutcome.Kind.FINDING, "JUnit test finding " + p.file().getFileName(), "", null, null,
                    null, null, Verdict.NOT_CHECKED, "not checked in this run: " + p.warning(), null, null));
        }
        // An expected test is reported missing only when nothing at all came for the claim: a finding
        // under another test name (a renamed test method) still decides it, and names its test.
        for (String test : claim.findingTests()) {
            if (rows.isEmpty()) {
                rows.add(new ComparisonOutcome(ComparisonOutcome.Kind.FINDING, "JUnit test " + test, "", null, null, null, null,
                        Verdict.NOT_CHECKED, "not checked in this run: " + findings.whyMissing(test), null, null));
            }
        }
        return rows;
    }

    /** The rule of the report: significance first, then the sign of the difference. */
    Verdict verdict(double speedup, WelchTest test) {
        if (!test.significantAt(alpha)) {
            return Verdict.NO_SIGNIFICANT_DIFFERENCE;
        }
        return speedup > 1 ? Verdict.HOLDS : Verdict.REVERSED;
    }

    private static Verdict overall(List<ComparisonOutcome> comparisons) {
        Set<Verdict> measured = comparisons.stream()
                .filter(ComparisonOutcome::measured)
                .map(ComparisonOutcome::verdict)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        if (measured.isEmpty()) {
            return comparisons.stream().anyMatch(c -> c.verdict() == Verdict.NOT_CHECKED) ? Verdict.NOT_CHECKED : Verdict.NOT_MEASURED;
        }
        return measured.size() == 1 ? measured.iterator().next() : Verdict.MIXED;
    }

    private static String describe(Selector side) {
        String params = side.params().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
        String names = side.benchmarks().stream().map(b -> b.substring(b.lastIndexOf('.', b.lastIndexOf('.') - 1) + 1))
                .collect(Collectors.joining(" or "));
        return names + (params.isEmpty() ? "" : " (" + params + ")") + (side.metric() == null ? "" : ", metric " + side.metric());
    }
}
