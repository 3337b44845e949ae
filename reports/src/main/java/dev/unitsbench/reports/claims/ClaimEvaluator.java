package dev.unitsbench.reports.claims;

import dev.unitsbench.reports.findings.Finding;
import dev.unitsbench.reports.findings.Findings;
import dev.unitsbench.reports.format.Numbers;
import dev.unitsbench.reports.read.BenchmarkResult;
import dev.unitsbench.reports.read.Metric;
import dev.unitsbench.reports.read.Samples;
import dev.unitsbench.reports.stats.AnalyzedResult;
import dev.unitsbench.reports.stats.Difference;
import dev.unitsbench.reports.stats.Estimate;
import dev.unitsbench.reports.stats.GroupSequential;
import dev.unitsbench.reports.stats.Statistics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Turns each claim of the catalog into verdicts on the results of one run.
 *
 * <p><b>Comparisons.</b> The claimed-better side is compared with the other on their fork means
 * ({@link Statistics#compare}): the log of the ratio, paired by round where the run says its
 * forks ran in rounds, else Welch. Its interval, at a level corrected for the claim's family
 * (Bonferroni: {@code 1 - alpha / m} over the claim's m evidence rows; jvm-expectation rows are a
 * family of their own; a context row is tested alone), is shown on the row and decides its word
 * against the row's equivalence margin ({@link VerdictRules#word}). A best-of side is decided by
 * {@link BestOf}. In a group-sequential run (the runner ran further rounds only for rows still
 * open), a row is looked at after each of the run's looks it reached, on its first forks only,
 * each look at the level {@link GroupSequential} spends on it, and stops at the first look that
 * decides it; the row says after how many rounds and why ({@link ComparisonOutcome.Look}). A comparison is inconclusive, with the reason, when a side is not eligible
 * ({@link Eligibility}), a side is missing, or the whole file is a smoke run; a comparison found
 * on neither side is not measured.
 *
 * <p><b>Checks</b> hold when the per-iteration values of their metric meet the expectation
 * ({@link Expectation}). <b>Findings</b> of JUnit tests hold or are reversed as the test says; a
 * finding marked {@code "evidence": false} is context. How a claim's word follows from its rows
 * is in {@link VerdictRules#forClaim}.
 */
public final class ClaimEvaluator {

    private final double alpha;
    private final RunDesign design;

    /** @param alpha the family-wise error rate of each claim's evidence rows */
    public ClaimEvaluator(double alpha, RunDesign design) {
        this.alpha = alpha;
        this.design = design;
    }

    public ClaimEvaluator(double alpha) {
        this(alpha, RunDesign.UNKNOWN);
    }

    public List<ClaimOutcome> evaluate(List<Claim> claims, List<AnalyzedResult> results) {
        return evaluate(claims, results, List.of(), Findings.none());
    }

    public List<ClaimOutcome> evaluate(List<Claim> claims, List<AnalyzedResult> results, Findings findings) {
        return evaluate(claims, results, List.of(), findings);
    }

    /**
     * @param results  the run's results
     * @param external results measured outside the run (the CPython cross-check): the catalog
     *                 may compare them, they are never paired by round, and they do not make a
     *                 smoke run a measurement
     */
    public List<ClaimOutcome> evaluate(List<Claim> claims, List<AnalyzedResult> results, List<AnalyzedResult> external,
                                       Findings findings) {
        return evaluate(claims, results, external, Set.of(), findings);
    }

    /**
     * @param externalInRounds the names of the external results that ran in rounds of their own (the
     *                         cross-check's T1-T3 experiments): two of them are paired by round
     */
    public List<ClaimOutcome> evaluate(List<Claim> claims, List<AnalyzedResult> results, List<AnalyzedResult> external,
                                       Set<String> externalInRounds, Findings findings) {
        return claims.stream().map(c -> evaluate(c, results, external, externalInRounds, findings)).toList();
    }

    public ClaimOutcome evaluate(Claim claim, List<AnalyzedResult> results) {
        return evaluate(claim, results, List.of(), Findings.none());
    }

    public ClaimOutcome evaluate(Claim claim, List<AnalyzedResult> results, Findings findings) {
        return evaluate(claim, results, List.of(), findings);
    }

    public ClaimOutcome evaluate(Claim claim, List<AnalyzedResult> results, List<AnalyzedResult> external, Findings findings) {
        return evaluate(claim, results, external, Set.of(), findings);
    }

    private ClaimOutcome evaluate(Claim claim, List<AnalyzedResult> results, List<AnalyzedResult> external,
                                  Set<String> externalInRounds, Findings findings) {
        boolean smoke = isSmokeRun(results);
        List<AnalyzedResult> all = new ArrayList<>(results);
        all.addAll(external);
        Set<BenchmarkResult> outsideRounds = Collections.newSetFromMap(new IdentityHashMap<>());
        external.forEach(r -> outsideRounds.add(r.result()));
        List<Row> rows = new ArrayList<>();
        for (Claim.ComparisonSpec spec : claim.comparisons()) {
            rows.addAll(compare(spec, all, outsideRounds, externalInRounds));
        }
        // The latest round of the run: a row whose results ran in it may still get another.
        int latestRound = results.stream().mapToInt(r -> r.result().primary().samples() == null ? 0
                : r.result().primary().samples().forkCount()).max().orElse(0);
        List<ComparisonOutcome> decided = decide(rows, smoke, latestRound);
        decided.addAll(findings(claim, findings));
        List<AnalyzedResult> figures = claim.figures() == null ? List.of() : select(claim.figures().selector(), results);
        List<AnalyzedResult> scaling = claim.scaling() == null ? List.of() : select(claim.scaling().selector(), results);
        VerdictRules.ClaimVerdict overall = smoke ? VerdictRules.smokeRun(decided) : VerdictRules.forClaim(decided);
        BreakEven breakEven = claim.breakEven() == null ? null : BreakEven.of(claim.breakEven(), results, 1 - alpha, design);
        return new ClaimOutcome(claim, List.copyOf(decided), figures, scaling, overall.verdict(), overall.why(), breakEven,
                overall.conditions(), Lesson.of(claim, overall, decided, breakEven, smoke, design));
    }

    /** True when the file has results and none of them is eligible for a verdict ({@link Eligibility}). */
    public static boolean isSmokeRun(List<AnalyzedResult> results) {
        return !results.isEmpty() && Eligibility.isSmokeRun(results.stream().map(AnalyzedResult::result).toList());
    }

    private static List<AnalyzedResult> select(Selector selector, List<AnalyzedResult> results) {
        return results.stream().filter(r -> selector.matches(r.result())).toList();
    }

    /**
     * A row of the claim before its family is known: either finished (a check, a row without
     * figures, an ineligible pair) or a candidate whose pairs are tested once the correction is known.
     */
    private record Row(ComparisonOutcome finished, Candidate candidate) {

        static Row of(ComparisonOutcome finished) {
            return new Row(finished, null);
        }

        static Row of(Candidate candidate) {
            return new Row(null, candidate);
        }
    }

    /**
     * A comparison to decide: one pair, or one pair per alternative of a best-of side.
     *
     * @param alternativesFaster for a best-of side: whether the alternatives are the claimed-better side
     * @param names              for a best-of side: how each alternative differs from the single side
     * @param single             for a best-of side: the single side in words; null otherwise
     */
    private record Candidate(Claim.ComparisonSpec spec, String pairing, List<Pair> pairs, boolean alternativesFaster,
                             List<String> names, String single) {

        boolean bestOf() {
            return single != null;
        }
    }

    /**
     * One compared pair: the sides with the estimates of the compared metric, and how they differ
     * in the claimed direction (above 0: the claimed side better).
     *
     * @param better     the claimed-better side's samples, in the direction compared (a minus b)
     * @param worse      the other side's
     * @param paired     whether the forks are paired by round (the run's rounds, or the cross-check's own)
     * @param runRounds  whether both sides are the run's own results, made in its rounds: only these have looks
     * @param sameRun    whether both sides are metrics of one result, so fork (or run) i of each was measured together
     * @param pointRatio the ratio of the means in the claimed direction, shown where there is no log scale
     * @param margin     the catalog's equivalence margin, a share (0.05: ±5%)
     * @param linearMargin the margin as an amount, for a difference on the linear scale
     */
    private record Pair(AnalyzedResult faster, AnalyzedResult slower, Samples better, Samples worse, boolean paired, boolean runRounds,
                        boolean sameRun, double pointRatio, double margin, double linearMargin, String metric, String ineligible) {

        /** The difference on every fork. */
        Difference difference() {
            return !paired && sameRun ? Statistics.compareWithinRuns(better, worse) : Statistics.compare(better, worse, paired);
        }

        /** The difference on forks 1 to {@code rounds} of each side: what a look after that round saw. */
        Difference differenceAfter(int rounds) {
            return Statistics.compare(better.firstForks(rounds), worse.firstForks(rounds), paired);
        }

        /** The forks both sides have. */
        int rounds() {
            return Math.min(better.forkCount(), worse.forkCount());
        }

        ComparisonOutcome.Test at(double level, int family) {
            return test(difference(), level, family);
        }

        ComparisonOutcome.Test afterRounds(int rounds, double level, int family) {
            return test(differenceAfter(rounds), level, family);
        }

        private ComparisonOutcome.Test test(Difference d, double level, int family) {
            double m = d.scale() == Difference.Scale.LOG ? Math.log1p(margin) : linearMargin;
            return new ComparisonOutcome.Test(d, d.ratio(level, pointRatio), family, m);
        }
    }

    /**
     * Gives every candidate its verdict: the claim's evidence rows form one Bonferroni family, its
     * jvm-expectation rows another, and a context row is tested alone. In a smoke run, every row
     * with figures is inconclusive instead.
     */
    private List<ComparisonOutcome> decide(List<Row> rows, boolean smoke, int latestRound) {
        Map<Claim.Role, Integer> families = new EnumMap<>(Claim.Role.class);
        for (Row row : rows) {
            if (row.candidate() != null && row.candidate().spec().role() != Claim.Role.CONTEXT) {
                families.merge(row.candidate().spec().role(), 1, Integer::sum);
            }
        }
        List<ComparisonOutcome> decided = new ArrayList<>();
        for (Row row : rows) {
            if (row.finished() != null) {
                decided.add(smoke && row.finished().hasFigures()
                        ? row.finished().withVerdict(Verdict.INCONCLUSIVE, VerdictRules.SMOKE_RUN) : row.finished());
                continue;
            }
            Candidate c = row.candidate();
            int family = families.getOrDefault(c.spec().role(), 1);
            ComparisonOutcome outcome = decide(c, family, latestRound);
            decided.add(smoke ? outcome.withVerdict(Verdict.INCONCLUSIVE, VerdictRules.SMOKE_RUN) : outcome);
        }
        return decided;
    }

    /**
     * A candidate's word at the level its family allows: in one go in a run of fixed size; look by
     * look in a group-sequential run, stopping at the first look that decides it, each look at the
     * level {@link GroupSequential} spends on it.
     */
    private ComparisonOutcome decide(Candidate c, int family, int latestRound) {
        int k = c.bestOf() ? c.pairs().size() : 1;
        double rowAlpha = alpha / (family * k);
        List<Integer> looks = looksOf(c);
        if (looks.isEmpty()) {
            return decideAt(c, family, 1 - rowAlpha, 0);
        }
        double[] levels = GroupSequential.of(design.looks()).levels(rowAlpha);
        List<BenchmarkResult> compared = new ArrayList<>();
        c.pairs().forEach(p -> {
            compared.add(p.faster().result());
            compared.add(p.slower().result());
        });
        int planned = design.looks().size();
        for (int i = 0; i < looks.size(); i++) {
            ComparisonOutcome outcome = decideAt(c, family, levels[i], looks.get(i));
            int rounds = looks.get(i);
            boolean decided = outcome.verdict() == Verdict.HOLDS || outcome.verdict() == Verdict.REVERSED
                    || outcome.verdict() == Verdict.LEVEL;
            if (decided || i == looks.size() - 1) {
                ComparisonOutcome.Stop stop = decided ? ComparisonOutcome.Stop.DECIDED
                        : i == planned - 1 ? ComparisonOutcome.Stop.MAXIMUM
                        : rounds == latestRound && c.spec().role() != Claim.Role.CONTEXT ? ComparisonOutcome.Stop.OPEN
                        : ComparisonOutcome.Stop.ENDED;
                return outcome.withLook(new ComparisonOutcome.Look(i + 1, planned, rounds, stop, compared, design.stopped()));
            }
        }
        throw new AssertionError("unreachable: the last look returns");
    }

    /**
     * The looks of a group-sequential run that every pair of {@code c} reached (both sides ran in
     * that many rounds); empty in a run of fixed size, for results outside the rounds, or when the
     * pairs did not reach the first look.
     */
    private List<Integer> looksOf(Candidate c) {
        if (!design.sequential() || c.pairs().stream().anyMatch(p -> !p.runRounds())) {
            return List.of();
        }
        int rounds = c.pairs().stream().mapToInt(Pair::rounds).min().orElse(0);
        return design.looks().stream().filter(r -> r <= rounds).toList();
    }

    /** The candidate's word on forks 1 to {@code rounds} of each side (0: every fork), at {@code level}. */
    private ComparisonOutcome decideAt(Candidate c, int family, double level, int rounds) {
        Claim.ComparisonSpec spec = c.spec();
        if (!c.bestOf()) {
            Pair p = c.pairs().get(0);
            ComparisonOutcome.Test test = rounds == 0 ? p.at(level, family) : p.afterRounds(rounds, level, family);
            ComparisonOutcome.Sides sides = new ComparisonOutcome.Sides(p.faster(), p.slower(), p.metric());
            String effect = effect(spec, test, p);
            if (spec.byEffect()) {
                return byClaimedSize(spec, c.pairing(), sides, test, effect);
            }
            return ComparisonOutcome.comparison(spec, c.pairing(), sides, test, VerdictRules.word(test), null, effect, null);
        }
        int k = c.pairs().size();
        List<ComparisonOutcome.Test> tests = c.pairs().stream()
                .map(p -> rounds == 0 ? p.at(level, family * k) : p.afterRounds(rounds, level, family * k)).toList();
        BestOf.Decision d = BestOf.decide(tests, c.alternativesFaster(), c.names(), c.single());
        Pair p = c.pairs().get(d.shown());
        ComparisonOutcome.Test test = tests.get(d.shown());
        return ComparisonOutcome.comparison(spec, c.pairing(), new ComparisonOutcome.Sides(p.faster(), p.slower(), p.metric()), test,
                d.verdict(), null, effect(spec, test, p), d.note());
    }

    /**
     * A comparison decided by its claimed range ({@code "decide": "claimed"}): holds when the
     * row's interval lies inside the range, reversed when it lies wholly above or below it,
     * inconclusive when it straddles an edge.
     */
    private static ComparisonOutcome byClaimedSize(Claim.ComparisonSpec spec, String pairing, ComparisonOutcome.Sides sides,
                                                   ComparisonOutcome.Test test, String effect) {
        ClaimedEffect claimed = spec.claimed();
        ClaimedEffect.Position position = claimed.place(test.speedup());
        Verdict v;
        String why = null;
        if (claimed.contains(test.speedup())) {
            v = Verdict.HOLDS;
        } else if (position == ClaimedEffect.Position.ABOVE || position == ClaimedEffect.Position.BELOW) {
            v = Verdict.REVERSED;
            why = "the interval lies " + position.words() + " the claimed range";
        } else {
            v = Verdict.INCONCLUSIVE;
            why = position == ClaimedEffect.Position.UNPLACED ? "the interval cannot be placed (linear scale or too few forks)"
                    : "the interval straddles an edge of the claimed range";
        }
        return ComparisonOutcome.comparison(spec, pairing, sides, test, v, why, effect,
                "decided by the claimed size (the row's interval must lie inside it), not by the direction alone");
    }

    /** The row's interval against the tutorial's claimed effect, scaled to this machine's cores where the claim depends on them. */
    private String effect(Claim.ComparisonSpec spec, ComparisonOutcome.Test test, Pair p) {
        if (spec.claimed() == null) {
            return null;
        }
        String workers = spec.claimed().workersParam() == null ? null : p.faster().result().params().get(spec.claimed().workersParam());
        return spec.claimed().describe(test.speedup(), design.cores(), workers);
    }

    /** The rows of one catalog comparison: finished, or candidates to decide once the family is known. */
    private List<Row> compare(Claim.ComparisonSpec spec, List<AnalyzedResult> results, Set<BenchmarkResult> outsideRounds,
                              Set<String> externalInRounds) {
        if (spec.isCheck()) {
            return check(spec, results).stream().map(Row::of).toList();
        }
        Selector fasterSide = spec.common().narrowedBy(spec.faster());
        Selector slowerSide = spec.common().narrowedBy(spec.slower());
        Set<String> fixed = new LinkedHashSet<>();
        fixed.addAll(fasterSide.params().keySet());
        fixed.addAll(slowerSide.params().keySet());
        List<AnalyzedResult> faster = select(fasterSide, results);
        List<AnalyzedResult> slower = select(slowerSide, results);
        if (faster.isEmpty() && slower.isEmpty()) {
            return List.of(Row.of(ComparisonOutcome.withoutFigures(ComparisonOutcome.Kind.COMPARISON, spec, "", Verdict.NOT_MEASURED,
                    "no result for " + describe(fasterSide) + " nor for " + describe(slowerSide), null)));
        }
        if (faster.isEmpty() || slower.isEmpty()) {
            String absent = describe(faster.isEmpty() ? fasterSide : slowerSide);
            return List.of(Row.of(ComparisonOutcome.withoutFigures(ComparisonOutcome.Kind.COMPARISON, spec, "", Verdict.INCONCLUSIVE,
                    "missing side: no result for " + absent, null)));
        }
        boolean primary = fasterSide.metric() == null && slowerSide.metric() == null;
        Map<String, List<AnalyzedResult>> fasterGroups = group(faster, fixed, primary);
        Map<String, List<AnalyzedResult>> slowerGroups = group(slower, fixed, primary);
        List<Row> rows = new ArrayList<>();
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
                rows.add(bestOf(spec, fasterSide, slowerSide, single, fasterBest ? g.getValue() : others, fasterBest, pairing,
                        outsideRounds, externalInRounds));
                continue;
            }
            for (AnalyzedResult f : g.getValue()) {
                for (AnalyzedResult s : others) {
                    rows.add(row(spec, pairing, List.of(pair(spec, fasterSide, f, slowerSide, s, outsideRounds, externalInRounds)), false,
                            null, null));
                }
            }
        }
        if (rows.isEmpty()) {
            return List.of(Row.of(ComparisonOutcome.withoutFigures(ComparisonOutcome.Kind.COMPARISON, spec, "", Verdict.NOT_MEASURED,
                    "results exist for both sides, but none share the same mode and remaining params", null)));
        }
        return rows;
    }

    /** A candidate of these pairs, or a finished row when a pair has no figures or a side is not eligible. */
    private Row row(Claim.ComparisonSpec spec, String pairing, List<PairOrMissing> pairs, boolean alternativesFaster,
                           List<String> names, String single) {
        for (PairOrMissing p : pairs) {
            if (p.missing() != null) {
                return Row.of(ComparisonOutcome.withoutFigures(ComparisonOutcome.Kind.COMPARISON, spec, pairing, Verdict.NOT_MEASURED,
                        p.missing(), p.metric()));
            }
        }
        List<Pair> tested = pairs.stream().map(PairOrMissing::pair).toList();
        for (Pair p : tested) {
            if (p.ineligible() != null) {
                ComparisonOutcome.Test test = p.at(1 - alpha, 1);
                return Row.of(ComparisonOutcome.comparison(spec, pairing, new ComparisonOutcome.Sides(p.faster(), p.slower(), p.metric()),
                        test, Verdict.INCONCLUSIVE, p.ineligible(), null, null));
            }
        }
        return Row.of(new Candidate(spec, pairing, tested, alternativesFaster, names, single));
    }

    /** A pair, or why it has no figures (a side without per-iteration values of the metric). */
    private record PairOrMissing(Pair pair, String missing, String metric) {
    }

    /** Results grouped by what pairs them: the params no selector fixes, and the mode for a primary score. */
    private static Map<String, List<AnalyzedResult>> group(List<AnalyzedResult> side, Set<String> fixed, boolean byMode) {
        Map<String, List<AnalyzedResult>> groups = new LinkedHashMap<>();
        for (AnalyzedResult r : side) {
            String key = (byMode ? r.result().mode().jmhName() + " " : "") + free(r.result(), fixed);
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
        }
        return groups;
    }

    private PairOrMissing pair(Claim.ComparisonSpec spec, Selector fasterSide, AnalyzedResult f, Selector slowerSide,
                               AnalyzedResult s, Set<BenchmarkResult> outsideRounds, Set<String> externalInRounds) {
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
            return new PairOrMissing(null, String.join("; ", missing), names);
        }
        AnalyzedResult fa = primary ? f : withMetric(f, fm);
        AnalyzedResult sa = primary ? s : withMetric(s, sm);
        boolean higherIsBetter = primary ? f.result().mode().biggerIsBetter() : !spec.lowerIsBetter();
        boolean external = outsideRounds.contains(f.result()) || outsideRounds.contains(s.result());
        boolean paired = external ? externalInRounds.contains(f.result().benchmark()) && externalInRounds.contains(s.result().benchmark())
                : design.forksInRounds();
        double fMean = fa.estimate().mean();
        double sMean = sa.estimate().mean();
        double pointRatio = higherIsBetter ? fMean / sMean : sMean / fMean;
        double linearMargin = spec.margin() * Math.max(Math.abs(fMean), Math.abs(sMean));
        Samples better = higherIsBetter ? fm.samples() : sm.samples();
        Samples worse = higherIsBetter ? sm.samples() : fm.samples();
        return new PairOrMissing(new Pair(fa, sa, better, worse, paired, paired && !external, f.result() == s.result(), pointRatio,
                spec.margin(), linearMargin, names, ineligible(f, s)), null, names);
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

    /** A single result against a side of k alternatives, decided by {@link BestOf}. */
    private Row bestOf(Claim.ComparisonSpec spec, Selector fasterSide, Selector slowerSide, AnalyzedResult single,
                       List<AnalyzedResult> alternatives, boolean alternativesFaster, String pairing, Set<BenchmarkResult> outsideRounds,
                       Set<String> externalInRounds) {
        List<PairOrMissing> pairs = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (AnalyzedResult a : alternatives) {
            pairs.add(alternativesFaster ? pair(spec, fasterSide, a, slowerSide, single, outsideRounds, externalInRounds)
                    : pair(spec, fasterSide, single, slowerSide, a, outsideRounds, externalInRounds));
            names.add(free(a.result(), Set.of()).entrySet().stream()
                    .filter(e -> !single.result().params().getOrDefault(e.getKey(), "").equals(e.getValue()))
                    .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", ")));
        }
        String singleName = single.result().shortName() + (single.result().paramsText().isEmpty() ? "" : " " + single.result().paramsText());
        return row(spec, pairing, pairs, alternativesFaster, List.copyOf(names), singleName);
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
    private static List<ComparisonOutcome> check(Claim.ComparisonSpec spec, List<AnalyzedResult> results) {
        Selector selector = spec.common();
        List<AnalyzedResult> picked = select(selector, results);
        if (picked.isEmpty()) {
            return List.of(ComparisonOutcome.withoutFigures(ComparisonOutcome.Kind.CHECK, spec, "", Verdict.NOT_MEASURED,
                    "no result for " + describe(selector), null));
        }
        Set<String> fixed = selector.params().keySet();
        List<ComparisonOutcome> outcomes = new ArrayList<>();
        for (AnalyzedResult r : picked) {
            String pairing = pairing(free(r.result(), fixed));
            Metric metric = selector.metricOf(r.result());
            if (metric == null || metric.samples() == null) {
                outcomes.add(ComparisonOutcome.withoutFigures(ComparisonOutcome.Kind.CHECK, spec, pairing, Verdict.NOT_MEASURED,
                        r.result().shortName() + r.result().paramsText() + " has no secondary metric " + selector.metric(),
                        selector.metric()));
                continue;
            }
            double[] values = metric.samples().values();
            outcomes.add(ComparisonOutcome.check(spec, pairing, withMetric(r, metric), selector.metric(), spec.expect().test(values),
                    observed(spec.expect(), values, metric.unit())));
        }
        return outcomes;
    }

    /** e.g. "expected every iteration == 0; observed 0, 0, 3 # (3 iterations, total 3)". */
    static String observed(Expectation expect, double[] values, String unit) {
        StringBuilder text = new StringBuilder("expected ").append(expect.describe()).append("; observed ");
        int shown = Math.min(values.length, 12);
        for (int i = 0; i < shown; i++) {
            text.append(i == 0 ? "" : ", ").append(Numbers.format(values[i]));
        }
        if (shown < values.length) {
            text.append(", ...");
        }
        text.append(" ").append(unit).append(" (").append(values.length).append(values.length == 1 ? " iteration" : " iterations")
                .append(", total ").append(Numbers.format(Expectation.sum(values))).append(")");
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
        // A finding is this suite's JUnit test: where the claim's rows name conditions, its condition is the JVM.
        String condition = claim.comparisons().stream().anyMatch(c -> c.condition() != null) ? "on the JVM" : null;
        for (Finding f : findings.forClaim(claim.id())) {
            boolean evidence = f.evidence() && !claim.checkOnlyTests().contains(f.test());
            Verdict verdict = f.tutorialHolds() == null ? Verdict.NO_VERDICT : f.tutorialHolds() ? Verdict.HOLDS : Verdict.DOES_NOT_HOLD;
            String when = (f.observedAt() == null ? "" : "observed " + f.observedAt())
                    + (f.jdk() == null ? "" : (f.observedAt() == null ? "" : ", ") + "JDK " + f.jdk());
            rows.add(ComparisonOutcome.finding("JUnit test " + f.test(), verdict, null,
                    f.statement() + (when.isEmpty() ? "" : " (" + when + ")"), evidence,
                    evidence ? null : "context: shown, not counted for the claim's word (not evidence about the tutorial's claim)", condition));
        }
        for (Findings.Problem p : findings.problemsForClaim(claim.id())) {
            rows.add(ComparisonOutcome.finding("JUnit test finding " + p.file().getFileName(), Verdict.NOT_CHECKED,
                    "not checked in this run: " + p.warning(), null, true, null, condition));
        }
        // An expected test is reported missing only when nothing at all came for the claim: a finding
        // under another test name (a renamed test method) still decides it, and names its test.
        for (String test : claim.findingTests()) {
            if (rows.isEmpty()) {
                rows.add(ComparisonOutcome.finding("JUnit test " + test, Verdict.NOT_CHECKED,
                        "not checked in this run: " + findings.whyMissing(test), null, !claim.checkOnlyTests().contains(test), null,
                        condition));
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
