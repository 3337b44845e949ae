package dev.unitsbench.reports.stats;

import org.apache.commons.math3.distribution.TDistribution;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The boundaries of a group-sequential design: a row is looked at after each of several rounds
 * and stops at the first look where its interval decides it, and its error rate stays at
 * {@code alpha} however many looks it took.
 *
 * <p><b>Error spending.</b> Looking again at a growing sample and stopping when the interval
 * excludes something inflates the error rate if each look uses the fixed-sample level. The
 * {@code alpha} of a row is therefore spent over the looks by the Lan-DeMets spending function of
 * Pocock type, {@code alpha * ln(1 + (e - 1) * t)}, where {@code t} is the share of the maximum
 * rounds run at the look: most of it at the first look (0.70 alpha when the first of 3 looks is at
 * round 3 of 5), the rest at the later ones. The interval at look k is the repeated confidence
 * interval {@code d ± c_k·se}: the chance that any look's interval misses the true difference is
 * {@code alpha}, so the interval at the look a row stopped covers with at least {@code 1 - alpha}.
 * References: Lan and DeMets (1983), Biometrika 70:659; Jennison and Turnbull, Group Sequential
 * Methods with Applications to Clinical Trials (2000), chapters 7 and 9.
 *
 * <p><b>Calibration.</b> Published boundaries assume a known variance. Here each look is a
 * Student-t statistic on 2 to 5 per-round log ratios, whose tails are much heavier, so the
 * critical values are calibrated by simulation: under normal noise the joint law of the looks' t
 * statistics, centred on the true difference, does not depend on the difference or the variance
 * (it is pivotal), so one seeded simulation of {@value #SIMULATED} experiments gives the
 * {@code c_k} for any row. The first look's is exact (a t quantile); each later one is the value
 * that makes the share of simulated experiments first crossing there what the spending function
 * spends there. Each {@code c_k} is returned as the nominal confidence level of a t interval with
 * the look's degrees of freedom, so {@link Difference} draws it as any other interval.
 */
public final class GroupSequential {

    /** Simulated experiments per design; fixed seed: the same file always gives the same boundaries. */
    static final int SIMULATED = 400_000;

    private static final long SEED = 20261206L;

    private static final Map<List<Integer>, GroupSequential> DESIGNS = new ConcurrentHashMap<>();

    private final List<Integer> looks;
    /** |t| of each simulated experiment at each look, centred on the truth; [look][experiment]. */
    private final float[][] absT;
    private final Map<Double, double[]> levels = new ConcurrentHashMap<>();

    private GroupSequential(List<Integer> looks) {
        this.looks = List.copyOf(looks);
        this.absT = simulate(this.looks);
    }

    /**
     * The design whose looks come after these numbers of rounds (at least 2 each, increasing); the
     * last is the maximum.
     */
    public static GroupSequential of(List<Integer> looks) {
        if (looks.isEmpty() || looks.get(0) < 2) {
            throw new IllegalArgumentException("looks need two rounds or more: " + looks);
        }
        for (int i = 1; i < looks.size(); i++) {
            if (looks.get(i) <= looks.get(i - 1)) {
                throw new IllegalArgumentException("looks must increase: " + looks);
            }
        }
        return DESIGNS.computeIfAbsent(List.copyOf(looks), GroupSequential::new);
    }

    /** The rounds after which the looks come. */
    public List<Integer> looks() {
        return looks;
    }

    /** The share of {@code alpha} spent up to and including look {@code k} (0-based). */
    public double spent(int k) {
        double t = (double) looks.get(k) / looks.get(looks.size() - 1);
        return Math.log(1 + (Math.E - 1) * t);
    }

    /**
     * The nominal two-sided confidence level of a paired t interval at each look (df = rounds - 1)
     * that makes the looks' intervals, together, miss the truth with probability {@code alpha}.
     */
    public double[] levels(double alpha) {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must lie in (0, 1): " + alpha);
        }
        return levels.computeIfAbsent(alpha, this::calibrate).clone();
    }

    private double[] calibrate(double alpha) {
        int n = absT[0].length;
        double[] level = new double[looks.size()];
        boolean[] crossed = new boolean[n];
        double first = alpha * spent(0);
        level[0] = 1 - first;
        double c = new TDistribution(looks.get(0) - 1).inverseCumulativeProbability(1 - first / 2);
        for (int i = 0; i < n; i++) {
            crossed[i] = absT[0][i] > c;
        }
        for (int k = 1; k < looks.size(); k++) {
            int target = (int) Math.round(alpha * (spent(k) - spent(k - 1)) * n);
            float[] open = new float[n];
            int m = 0;
            for (int i = 0; i < n; i++) {
                if (!crossed[i]) {
                    open[m++] = absT[k][i];
                }
            }
            float[] sorted = Arrays.copyOf(open, m);
            Arrays.sort(sorted);
            // The critical value leaves `target` of the still-open experiments above it.
            double ck = target <= 0 ? Double.POSITIVE_INFINITY : sorted[Math.max(0, m - target - 1)];
            for (int i = 0; i < n; i++) {
                crossed[i] |= absT[k][i] > ck;
            }
            level[k] = Double.isInfinite(ck) ? 1 : 2 * new TDistribution(looks.get(k) - 1).cumulativeProbability(ck) - 1;
        }
        return level;
    }

    /** Per-round differences of N(0, 1) noise, and the t statistic of their running mean at each look. */
    private static float[][] simulate(List<Integer> looks) {
        int rounds = looks.get(looks.size() - 1);
        float[][] absT = new float[looks.size()][SIMULATED];
        SplittableRandom random = new SplittableRandom(SEED);
        for (int i = 0; i < SIMULATED; i++) {
            double sum = 0;
            double sumSquares = 0;
            int k = 0;
            for (int r = 1; r <= rounds; r++) {
                double x = random.nextGaussian();
                sum += x;
                sumSquares += x * x;
                if (r == looks.get(k)) {
                    double mean = sum / r;
                    double variance = (sumSquares - r * mean * mean) / (r - 1);
                    absT[k][i] = (float) Math.abs(mean / Math.sqrt(variance / r));
                    k++;
                }
            }
        }
        return absT;
    }
}
