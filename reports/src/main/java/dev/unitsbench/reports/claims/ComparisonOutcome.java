package dev.unitsbench.reports.claims;

import dev.unitsbench.reports.read.BenchmarkResult;
import dev.unitsbench.reports.stats.AnalyzedResult;
import dev.unitsbench.reports.stats.Difference;
import dev.unitsbench.reports.stats.RatioEstimate;

import java.util.List;

/**
 * One row of a claim: a tested pair of results, one checked result, a finding of a JUnit test,
 * or the note that a comparison found nothing to test. Built by one factory per kind.
 *
 * @param kind      a two-sided comparison, a check of one result against an expectation, or a finding
 * @param label     the catalog's words for the row
 * @param pairing   the params both sides share beyond the catalog's selectors, e.g.
 *                  {@code model=PROCESS}; empty when there are none
 * @param role      whether the row counts toward the claim's word
 * @param condition the condition its word holds under, e.g. "under a GIL"; null for the claim's only one
 * @param predicts  what the row is expected to show (holds, level, or for a jvm-expectation row, reversed)
 * @param sides     the results compared (or checked), with the estimates of the compared metric; null when not measured
 * @param test      the statistic the verdict is decided by; null for checks, findings and rows without figures
 * @param verdict   the row's word
 * @param reason    why the row has no verdict from data (not measured, inconclusive), or what decided it
 *                  when that is not the interval alone; null otherwise
 * @param observed  for checks: the expectation and the values seen; for findings: the test's statement
 * @param effect    the ratio's interval against the tutorial's claimed effect, in words; null when none is claimed
 * @param claimed   the effect the tutorial claims for the row; null when it states none
 * @param note      how a best-of side or a claimed size decided the row; null otherwise
 */
public record ComparisonOutcome(Kind kind, String label, String pairing, Claim.Role role, String condition, Verdict predicts,
                                Sides sides, Test test, Verdict verdict, String reason, String observed, String effect,
                                ClaimedEffect claimed, String note) {

    public enum Kind { COMPARISON, CHECK, FINDING }

    /**
     * The results a row shows.
     *
     * @param faster the result claimed to be better, or the checked result
     * @param slower the result claimed to be worse; for a best-of side, the alternative shown; null for checks
     * @param metric the secondary metric(s) compared, e.g. {@code residentBytesPerUnit}; null for the primary score
     */
    public record Sides(AnalyzedResult faster, AnalyzedResult slower, String metric) {
    }

    /**
     * The statistic a comparison is decided by, and the interval it shows.
     *
     * @param difference the claimed-better side against the other, in the claimed direction
     *                   (above 0: as claimed); paired or Welch, log or linear scale
     * @param speedup    how many times better the claimed side is, with the interval at the row's
     *                   level (the one its verdict is decided by); for the linear scale, the ratio
     *                   of means without an interval
     * @param family     how many tests the row's level is corrected for (Bonferroni): alpha / family
     * @param margin     the equivalence margin on the difference's scale: log(1 + m) for the log
     *                   scale, an absolute amount for the linear one
     * @param look       in a group-sequential run, the look the row stopped at and why; null in a run of fixed size
     */
    public record Test(Difference difference, RatioEstimate speedup, int family, double margin, Look look) {

        public Test(Difference difference, RatioEstimate speedup, int family, double margin) {
            this(difference, speedup, family, margin, null);
        }

        Test at(Look where) {
            return new Test(difference, speedup, family, margin, where);
        }

        /** The confidence level of the interval shown and decided by. */
        public double level() {
            return speedup.level();
        }

        /** The lower end of the interval, on the difference's scale. */
        public double low() {
            return difference.low(level());
        }

        /** The upper end of the interval, on the difference's scale. */
        public double high() {
            return difference.high(level());
        }
    }

    /**
     * Where a row of a group-sequential run stopped: after how many rounds, at which look, and why.
     *
     * @param look    the look it stopped at, 1-based
     * @param looks   how many looks the run planned
     * @param rounds  the rounds its interval rests on: fork 1 to {@code rounds} of each side
     * @param stop    why it stopped there
     * @param results every result its word rests on (both sides; each alternative of a best-of side)
     * @param runStopped why the run's last stage stopped, as the runner says; null when it does not
     */
    public record Look(int look, int looks, int rounds, Stop stop, List<BenchmarkResult> results, String runStopped) {

        public Look {
            results = List.copyOf(results);
        }

        /** e.g. "3 rounds: decided at look 1 of 3". */
        public String describe() {
            String head = rounds + " rounds: ";
            return head + switch (stop) {
                case DECIDED -> "decided at look " + look + " of " + looks;
                case MAXIMUM -> "undecided at the last look, " + look + " of " + looks;
                case OPEN -> "undecided at look " + look + " of " + looks + " when the run stopped"
                        + (runStopped == null ? "" : " (" + runStopped + ")");
                case ENDED -> "undecided at look " + look + " of " + looks + "; its results ran no further round"
                        + " (only rows that decide a claim's word ask for one)";
            };
        }
    }

    /** Why a row of a group-sequential run stopped. */
    public enum Stop {
        /** Its interval decided it (holds, reversed or level). */
        DECIDED,
        /** Undecided at the last planned look. */
        MAXIMUM,
        /** Undecided, and its results ran in the latest round: the runner may still run another. */
        OPEN,
        /** Undecided, and no further round was asked for it: a context row, or its results ran no further round. */
        ENDED
    }

    /** A comparison with its figures and its test. */
    static ComparisonOutcome comparison(Claim.ComparisonSpec spec, String pairing, Sides sides, Test test, Verdict verdict,
                                        String reason, String effect, String note) {
        return new ComparisonOutcome(Kind.COMPARISON, spec.label(), pairing, spec.role(), spec.condition(), spec.predicts(), sides,
                test, verdict, reason, null, effect, spec.claimed(), note);
    }

    /** A checked result: holds or does not hold, as {@code observed} says. */
    static ComparisonOutcome check(Claim.ComparisonSpec spec, String pairing, AnalyzedResult checked, String metric, boolean holds,
                                   String observed) {
        return new ComparisonOutcome(Kind.CHECK, spec.label(), pairing, spec.role(), spec.condition(), Verdict.HOLDS,
                new Sides(checked, null, metric), null, holds ? Verdict.HOLDS : Verdict.DOES_NOT_HOLD, null, observed, null, null, null);
    }

    /**
     * A finding of a JUnit test; context when it is not evidence about the tutorial's claim.
     *
     * @param condition "on the JVM" where the claim's other rows have conditions (a finding is always the JVM's); else null
     */
    static ComparisonOutcome finding(String label, Verdict verdict, String reason, String statement, boolean evidence, String note,
                                     String condition) {
        return new ComparisonOutcome(Kind.FINDING, label, "", evidence ? Claim.Role.EVIDENCE : Claim.Role.CONTEXT, condition, Verdict.HOLDS,
                null, null, verdict, reason, statement, null, null, note);
    }

    static ComparisonOutcome finding(String label, Verdict verdict, String reason, String statement, boolean evidence, String note) {
        return finding(label, verdict, reason, statement, evidence, note, null);
    }

    /** A row of {@code spec} with no figures: not measured, or inconclusive (a side missing), saying why. */
    static ComparisonOutcome withoutFigures(Kind kind, Claim.ComparisonSpec spec, String pairing, Verdict verdict, String reason,
                                            String metric) {
        return new ComparisonOutcome(kind, spec.label(), pairing, spec.role(), spec.condition(), spec.predicts(),
                metric == null ? null : new Sides(null, null, metric), null, verdict, reason, null, null, spec.claimed(), null);
    }

    /** True when the row counts toward the claim's word. */
    public boolean evidence() {
        return role == Claim.Role.EVIDENCE;
    }

    /** True when a verdict came out of data (a comparison, a check or a finding). */
    public boolean measured() {
        return verdict != Verdict.NOT_MEASURED && verdict != Verdict.NOT_CHECKED;
    }

    /** True when there are figures to show: both sides of a comparison, or the checked result. */
    public boolean hasFigures() {
        return kind == Kind.COMPARISON ? test != null && sides != null && sides.slower() != null : measured();
    }

    public AnalyzedResult faster() {
        return sides == null ? null : sides.faster();
    }

    public AnalyzedResult slower() {
        return sides == null ? null : sides.slower();
    }

    public String metric() {
        return sides == null ? null : sides.metric();
    }

    /** The ratio in the claimed direction with the interval the verdict is decided by; null without a test. */
    public RatioEstimate speedup() {
        return test == null ? null : test.speedup();
    }

    /** The test's two-sided p-value before correction; NaN when there is none. */
    public double p() {
        return test == null ? Double.NaN : test.difference().pValue();
    }

    /**
     * Whether the row's word agrees with what it predicts: for a jvm-expectation row, "as the JVM
     * predicts"; null when the row has no decided word (not significant, inconclusive).
     */
    public Boolean asPredicted() {
        return switch (verdict) {
            case HOLDS, REVERSED, LEVEL -> verdict == predicts;
            default -> null;
        };
    }

    /** This row with where a group-sequential run stopped it. */
    ComparisonOutcome withLook(Look look) {
        return new ComparisonOutcome(kind, label, pairing, role, condition, predicts, sides, test.at(look), verdict, reason, observed, effect,
                claimed, note);
    }

    ComparisonOutcome withVerdict(Verdict v, String why) {
        return new ComparisonOutcome(kind, label, pairing, role, condition, predicts, sides, test, v, why, observed, effect, claimed, note);
    }
}
