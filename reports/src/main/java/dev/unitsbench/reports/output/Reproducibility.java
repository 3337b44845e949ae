package dev.unitsbench.reports.output;

import dev.unitsbench.reports.claims.ClaimOutcome;
import dev.unitsbench.reports.claims.ComparisonOutcome;
import dev.unitsbench.reports.claims.Verdict;
import dev.unitsbench.reports.read.Metric;
import dev.unitsbench.reports.stats.AnalyzedResult;
import dev.unitsbench.reports.stats.Estimate;
import dev.unitsbench.reports.stats.Statistics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether two runs of the same suite agree: for every benchmark and metric in both, is the later
 * run's mean inside the first run's 95% interval (on fork means)? And for every comparison in
 * both, is the later run's ratio inside the first run's interval, the one its verdict was decided
 * by? And which comparisons hold in one run and are reversed in another.
 *
 * <p>What share to expect, with honest intervals and nothing changed: a first run's t interval
 * on n1 forks at level L covers a second run's mean of n2 forks when
 * |T| &lt; t(L, n1 - 1) / sqrt(1 + n1 / n2), T Student-t with n1 - 1 degrees of freedom (the
 * difference of the two means has the variance of both). For 3 forks a side at 95% that is about
 * 91%, not the 83% of two normal means; the page computes it from the fork counts actually
 * compared, and the same for the ratios from their levels and degrees of freedom.
 *
 * @param rows    one per later run, benchmark and metric that the first run gives an interval for
 * @param flipped one line per comparison that holds in one run and is reversed in another
 */
public record Reproducibility(List<Row> rows, List<Coverage> coverage, List<String> flipped, int withoutInterval) {

    /** A later run's mean against the first run's interval. */
    public record Row(String run, String benchmark, String metric, Estimate first, Estimate later, boolean inside) {
    }

    /**
     * How many of a later run's means lie inside the first run's intervals: over the benchmarks'
     * primary scores ({@code scoresInside} of {@code scoresTotal}), and over every metric
     * (secondary ones too, counters and percentiles among them).
     */
    public record Coverage(String first, String later, int scoresInside, int scoresTotal, int inside, int total,
                           double scoresExpected, int ratiosInside, int ratiosTotal, double ratiosExpected) {
        public String line() {
            return "Reproducibility: run " + later + "'s mean inside run " + first + "'s 95% interval for " + scoresInside + " of "
                    + scoresTotal + " benchmarks' primary scores (" + percent(scoresInside, scoresTotal) + "; expected about "
                    + expected(scoresExpected) + " from the forks compared), and for " + inside
                    + " of " + total + " benchmark metrics, secondary ones included (" + percent(inside, total) + "); run " + later
                    + "'s ratio inside run " + first + "'s interval for " + ratiosInside + " of " + ratiosTotal + " comparisons ("
                    + percent(ratiosInside, ratiosTotal) + "; expected about " + expected(ratiosExpected) + ")";
        }

        private static String expected(double share) {
            return Double.isNaN(share) ? "n/a" : Math.round(100 * share) + "%";
        }

        private static String percent(int part, int whole) {
            return whole == 0 ? "n/a" : Math.round(100.0 * part / whole) + "%";
        }
    }

    /** The metric name of a benchmark's primary score in {@link Row#metric()}. */
    static final String SCORE = "score";

    public static Reproducibility of(List<ComparedRun> runs) {
        List<Row> rows = new ArrayList<>();
        List<Coverage> coverage = new ArrayList<>();
        int withoutInterval = 0;
        if (runs.size() < 2) {
            return new Reproducibility(List.of(), List.of(), List.of(), 0);
        }
        ComparedRun first = runs.get(0);
        Map<String, Estimate> reference = estimates(first);
        for (ComparedRun later : runs.subList(1, runs.size())) {
            int inside = 0;
            int total = 0;
            int scoresInside = 0;
            int scoresTotal = 0;
            double scoresExpected = 0;
            for (Map.Entry<String, Estimate> e : estimates(later).entrySet()) {
                Estimate a = reference.get(e.getKey());
                if (a == null) {
                    continue;
                }
                if (!a.hasInterval()) {
                    withoutInterval++;
                    continue;
                }
                double mean = e.getValue().mean();
                boolean in = mean >= a.low() && mean <= a.high();
                String[] parts = e.getKey().split("\n", 2);
                rows.add(new Row(later.label(), parts[0], parts[1], a, e.getValue(), in));
                total++;
                inside += in ? 1 : 0;
                if (parts[1].equals(SCORE)) {
                    scoresTotal++;
                    scoresInside += in ? 1 : 0;
                    scoresExpected += expectedCoverage(a.level(), a.n() - 1, a.n(), e.getValue().n());
                }
            }
            RatioCoverage ratios = ratios(first, later);
            coverage.add(new Coverage(first.label(), later.label(), scoresInside, scoresTotal, inside, total,
                    scoresTotal == 0 ? Double.NaN : scoresExpected / scoresTotal, ratios.inside(), ratios.total(),
                    ratios.total() == 0 ? Double.NaN : ratios.expected() / ratios.total()));
        }
        return new Reproducibility(List.copyOf(rows), List.copyOf(coverage), flipped(runs), withoutInterval);
    }

    /**
     * The chance that a first interval at {@code level} with {@code df} degrees of freedom on n1
     * replicates covers a second estimate on n2 of the same quantity: P(|T_df| &lt; t(level, df) / sqrt(1 + n1 / n2)).
     */
    static double expectedCoverage(double level, double df, double n1, double n2) {
        if (!(df >= 1) || n2 < 1) {
            return Double.NaN;
        }
        double bound = Statistics.tQuantile(level, df) / Math.sqrt(1 + n1 / n2);
        return 1 - 2 * new org.apache.commons.math3.distribution.TDistribution(df).cumulativeProbability(-bound);
    }

    /** Comparisons in both runs with a ratio interval in the first: how many later ratios fall inside, and how many to expect. */
    private record RatioCoverage(int inside, int total, double expected) {
    }

    private static RatioCoverage ratios(ComparedRun first, ComparedRun later) {
        Map<String, ComparisonOutcome> before = comparisons(first);
        int inside = 0;
        int total = 0;
        double expected = 0;
        for (Map.Entry<String, ComparisonOutcome> e : comparisons(later).entrySet()) {
            ComparisonOutcome a = before.get(e.getKey());
            ComparisonOutcome b = e.getValue();
            if (a == null || a.speedup() == null || !a.speedup().bounded() || b.speedup() == null) {
                continue;
            }
            total++;
            double r = b.speedup().ratio();
            inside += r >= a.speedup().low() && r <= a.speedup().high() ? 1 : 0;
            var d = a.test().difference();
            expected += expectedCoverage(a.test().level(), d.df(), Math.min(d.forksA(), d.forksB()),
                    Math.min(b.test().difference().forksA(), b.test().difference().forksB()));
        }
        return new RatioCoverage(inside, total, expected);
    }

    /** Every comparison row with a ratio, by claim, label and pairing. */
    private static Map<String, ComparisonOutcome> comparisons(ComparedRun run) {
        Map<String, ComparisonOutcome> byKey = new LinkedHashMap<>();
        for (ClaimOutcome c : run.claims()) {
            for (ComparisonOutcome cmp : c.comparisons()) {
                if (cmp.kind() == ComparisonOutcome.Kind.COMPARISON && cmp.test() != null) {
                    byKey.put(c.claim().id() + " " + cmp.label() + (cmp.pairing().isEmpty() ? "" : " (" + cmp.pairing() + ")"), cmp);
                }
            }
        }
        return byKey;
    }

    /** Estimates by benchmark id and metric ("score" for the primary one). */
    private static Map<String, Estimate> estimates(ComparedRun run) {
        Map<String, Estimate> byKey = new LinkedHashMap<>();
        for (AnalyzedResult r : run.results()) {
            byKey.put(r.result().id() + "\n" + SCORE, r.estimate());
            for (Map.Entry<String, Metric> m : r.result().secondary().entrySet()) {
                if (m.getValue().samples() != null) {
                    byKey.put(r.result().id() + "\n" + m.getKey(),
                            Statistics.estimate(m.getValue().samples(), r.estimate().level(), m.getValue().unit()));
                }
            }
        }
        return byKey;
    }

    private static List<String> flipped(List<ComparedRun> runs) {
        Map<String, Map<String, Verdict>> byComparison = new LinkedHashMap<>();
        for (ComparedRun run : runs) {
            for (ClaimOutcome c : run.claims()) {
                for (ComparisonOutcome cmp : c.comparisons()) {
                    String key = c.claim().id() + " " + cmp.label() + (cmp.pairing().isEmpty() ? "" : " (" + cmp.pairing() + ")");
                    byComparison.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(run.label(), cmp.verdict());
                }
            }
        }
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, Map<String, Verdict>> e : byComparison.entrySet()) {
            List<String> holds = e.getValue().entrySet().stream().filter(v -> v.getValue() == Verdict.HOLDS).map(Map.Entry::getKey).toList();
            List<String> reversed = e.getValue().entrySet().stream().filter(v -> v.getValue() == Verdict.REVERSED).map(Map.Entry::getKey).toList();
            if (!holds.isEmpty() && !reversed.isEmpty()) {
                lines.add(e.getKey() + ": holds in " + String.join(", ", holds) + ", reversed in " + String.join(", ", reversed));
            }
        }
        return List.copyOf(lines);
    }
}
