package dev.unitsbench.reports.claims;

import dev.unitsbench.reports.read.BenchmarkResult;
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
 * significant difference.
 */
public final class ClaimEvaluator {

    private final double alpha;

    /** @param alpha significance level of the t-test; the speed-up interval is at 1 - alpha */
    public ClaimEvaluator(double alpha) {
        this.alpha = alpha;
    }

    public List<ClaimOutcome> evaluate(List<Claim> claims, List<AnalyzedResult> results) {
        return claims.stream().map(c -> evaluate(c, results)).toList();
    }

    public ClaimOutcome evaluate(Claim claim, List<AnalyzedResult> results) {
        List<ComparisonOutcome> comparisons = new ArrayList<>();
        for (Claim.ComparisonSpec spec : claim.comparisons()) {
            comparisons.addAll(compare(spec, results));
        }
        List<AnalyzedResult> figures = claim.figures() == null ? List.of() : select(claim.figures().selector(), results);
        List<AnalyzedResult> scaling = claim.scaling() == null ? List.of() : select(claim.scaling().selector(), results);
        return new ClaimOutcome(claim, comparisons, figures, scaling, overall(comparisons));
    }

    private static List<AnalyzedResult> select(Selector selector, List<AnalyzedResult> results) {
        return results.stream().filter(r -> selector.matches(r.result())).toList();
    }

    private List<ComparisonOutcome> compare(Claim.ComparisonSpec spec, List<AnalyzedResult> results) {
        Selector fasterSide = spec.common().narrowedBy(spec.faster());
        Selector slowerSide = spec.common().narrowedBy(spec.slower());
        List<AnalyzedResult> faster = select(fasterSide, results);
        List<AnalyzedResult> slower = select(slowerSide, results);
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
        Set<String> fixed = new LinkedHashSet<>();
        fixed.addAll(fasterSide.params().keySet());
        fixed.addAll(slowerSide.params().keySet());
        List<ComparisonOutcome> outcomes = new ArrayList<>();
        for (AnalyzedResult f : faster) {
            for (AnalyzedResult s : slower) {
                if (f.result().mode() == s.result().mode() && free(f.result(), fixed).equals(free(s.result(), fixed))) {
                    outcomes.add(compare(spec.label(), f, s, free(f.result(), fixed)));
                }
            }
        }
        if (outcomes.isEmpty()) {
            return List.of(ComparisonOutcome.notMeasured(spec.label(),
                    "results exist for both sides, but none share the same mode and remaining params"));
        }
        return outcomes;
    }

    /** The params of a result that no selector of the comparison fixes: what pairs two sides. */
    private static Map<String, String> free(BenchmarkResult result, Set<String> fixed) {
        Map<String, String> free = new TreeMap<>(result.params());
        free.keySet().removeAll(fixed);
        return free;
    }

    private ComparisonOutcome compare(String label, AnalyzedResult faster, AnalyzedResult slower, Map<String, String> free) {
        boolean biggerIsBetter = faster.result().mode().biggerIsBetter();
        RatioEstimate speedup = biggerIsBetter
                ? Statistics.ratio(faster.result().primary().samples(), slower.result().primary().samples(), 1 - alpha)
                : Statistics.ratio(slower.result().primary().samples(), faster.result().primary().samples(), 1 - alpha);
        WelchTest test = Statistics.welch(faster.result().primary().samples(), slower.result().primary().samples());
        Verdict verdict = verdict(speedup.ratio(), test);
        String pairing = free.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
        return new ComparisonOutcome(label, pairing, faster, slower, speedup, test, verdict, null);
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
                .map(ComparisonOutcome::verdict)
                .filter(v -> v != Verdict.NOT_MEASURED)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        if (measured.isEmpty()) {
            return Verdict.NOT_MEASURED;
        }
        return measured.size() == 1 ? measured.iterator().next() : Verdict.MIXED;
    }

    private static String describe(Selector side) {
        String params = side.params().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
        String names = side.benchmarks().stream().map(b -> b.substring(b.lastIndexOf('.', b.lastIndexOf('.') - 1) + 1))
                .collect(Collectors.joining(" or "));
        return names + (params.isEmpty() ? "" : " (" + params + ")");
    }
}
