package dev.unitsbench.reports.claims;

import dev.unitsbench.reports.read.BenchmarkMode;
import dev.unitsbench.reports.read.BenchmarkResult;

import java.util.List;

/**
 * When a result may take part in a verdict. The thresholds live here, in one place, and the
 * report's legend quotes them.
 *
 * <p>A result is eligible when it has at least {@link #MIN_FORKS} forks (the fork is the unit
 * of replication: with two, a t interval has one degree of freedom and a 95% multiplier of
 * 12.7; with three, 4.3) and it was warmed up: at least {@link #MIN_WARMUP_ITERATIONS}
 * warm-up iteration, or single-shot mode, whose cold start is what it measures. A file in which
 * no result is eligible is a smoke run (e.g. the quick run: 1 fork, no warm-up, 1 iteration):
 * its figures are shown, and nothing gets a verdict.
 */
public final class Eligibility {

    /** Forks a result needs to count as evidence. */
    public static final int MIN_FORKS = 3;
    /** Warm-up iterations a result needs, unless it is single-shot. */
    public static final int MIN_WARMUP_ITERATIONS = 1;

    private Eligibility() {
    }

    /** Why {@code result} cannot take part in a verdict, e.g. "1 fork (needs 3)"; null when it can. */
    public static String whyNot(BenchmarkResult result) {
        int forks = result.primary().samples() == null ? 0 : result.primary().samples().forkCount();
        boolean warm = result.mode() == BenchmarkMode.SINGLE_SHOT_TIME || result.harness().warmupIterations() >= MIN_WARMUP_ITERATIONS;
        String why = null;
        if (forks < MIN_FORKS) {
            why = forks + (forks == 1 ? " fork" : " forks") + " (needs " + MIN_FORKS + ")";
        }
        if (!warm) {
            String cold = "no warm-up iteration (needs " + MIN_WARMUP_ITERATIONS + " unless single-shot)";
            why = why == null ? cold : why + ", " + cold;
        }
        return why;
    }

    public static boolean eligible(BenchmarkResult result) {
        return whyNot(result) == null;
    }

    /** True when no result of the file is eligible: a smoke run, which gets figures and no verdicts. */
    public static boolean isSmokeRun(List<BenchmarkResult> results) {
        return results.stream().noneMatch(Eligibility::eligible);
    }

    /** The rule in words, for the legend and the summary. */
    public static String rule() {
        return "at least " + MIN_FORKS + " forks, and at least " + MIN_WARMUP_ITERATIONS
                + " warm-up iteration unless the mode is single-shot";
    }
}
