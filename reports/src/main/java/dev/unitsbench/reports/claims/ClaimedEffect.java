package dev.unitsbench.reports.claims;

import dev.unitsbench.reports.stats.RatioEstimate;

/**
 * The size of the effect the tutorial claims for a comparison, as a ratio in the claimed
 * direction: {@code "claimed": {"min": 10, "max": 100, "text": "10-100x"}}. A point claim
 * has {@code min == max}; an open claim ("at least 2x") has no max.
 *
 * <p>Where the claimed size depends on the machine's cores (under a GIL, N processes can be at
 * most min(N, cores) times faster than N threads), the catalog says so with
 * {@code "tutorialCores": 8, "workersParam": "workers"}: the row then also gives the ceiling on
 * the machine that ran it and where the measured interval lies against it.
 *
 * @param min           smallest claimed ratio
 * @param max           largest claimed ratio; {@code +Infinity} when open
 * @param text          the claim in words, shown as is
 * @param tutorialCores the cores of the machine the tutorial measured on; 0 when the size does not depend on cores
 * @param workersParam  the param that gives the number of workers; null when the size does not depend on cores
 */
public record ClaimedEffect(double min, double max, String text, int tutorialCores, String workersParam) {

    public ClaimedEffect(double min, double max, String text) {
        this(min, max, text, 0, null);
    }

    /** Where a measured ratio's interval lies against the claimed range. */
    public enum Position {
        INSIDE("inside"), ABOVE("above"), BELOW("below"), UNPLACED("cannot be placed against");

        private final String words;

        Position(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    /**
     * Inside when the interval overlaps the claimed range (for a point claim: contains it);
     * above when all of it exceeds the range; below when all of it falls short; unplaced when
     * the interval is unbounded (one fork, or a denominator too noisy).
     */
    public Position place(RatioEstimate ratio) {
        if (!ratio.bounded()) {
            return Position.UNPLACED;
        }
        if (ratio.low() > max) {
            return Position.ABOVE;
        }
        if (ratio.high() < min) {
            return Position.BELOW;
        }
        return Position.INSIDE;
    }

    /** True when the whole interval lies within the claimed range. */
    public boolean contains(RatioEstimate ratio) {
        return ratio.bounded() && ratio.low() >= min && ratio.high() <= max;
    }

    /**
     * Where the ratio's interval lies against the claim, e.g. "above the claimed 10-100x"; read
     * after the ratio and its interval ("954x [851x – 1,065x], above the claimed 10-100x").
     */
    public String describe(RatioEstimate ratio) {
        return describe(ratio, 0, null);
    }

    /**
     * As {@link #describe(RatioEstimate)}, followed, for a claim that depends on cores, by the
     * ceiling min(workers, cores) on this machine and where the interval lies against it, e.g.
     * "below the claimed 3.3x (8 cores); this machine's ceiling is min(4 workers, 2 cores) = 2x,
     * and the interval lies below it".
     *
     * @param cores   this machine's cores; 0 when unknown
     * @param workers the pair's workers param value; null when unknown
     */
    public String describe(RatioEstimate ratio, int cores, String workers) {
        String against = against(ratio);
        if (workersParam == null) {
            return against;
        }
        String tutorial = against + " (measured on " + tutorialCores + " cores)";
        Ceiling c = Ceiling.of(cores, workers);
        if (c == null) {
            return tutorial + "; this machine's ceiling is unknown (its cores or the workers are not known)";
        }
        Position p = c.place(ratio);
        String where = p == Position.UNPLACED ? "the interval cannot be placed against it"
                : p == Position.INSIDE ? "the interval reaches it" : "the interval lies " + p.words() + " it";
        return tutorial + "; this machine's ceiling is min(" + c.workers() + " workers, " + cores + " cores) = " + c.value() + "x, and " + where;
    }

    /**
     * The short form for a claim's one-line lesson, e.g. "below the claimed 3.3x (8 cores); this
     * machine's ceiling min(4, 2) = 2x: below it".
     */
    public String brief(RatioEstimate ratio, int cores, String workers) {
        Position p = place(ratio);
        String claimed = "the claimed " + shortText() + (workersParam == null ? "" : " (" + tutorialCores + " cores)");
        String head = p == Position.UNPLACED ? "not placed against " + claimed
                : p == Position.INSIDE ? (contains(ratio) ? "inside " : "overlapping ") + claimed : p.words() + " " + claimed;
        Ceiling c = workersParam == null ? null : Ceiling.of(cores, workers);
        if (c == null) {
            return head;
        }
        Position q = c.place(ratio);
        String where = q == Position.UNPLACED ? "not placed" : q == Position.INSIDE ? "reaches it" : q.words() + " it";
        return head + "; this machine's ceiling min(" + c.workers() + ", " + cores + ") = " + c.value() + "x: " + where;
    }

    /** min(workers, cores): the most N processes can gain over N threads under a GIL on this machine. */
    private record Ceiling(int workers, int value) {

        /** Null when the cores or the workers are not known. */
        static Ceiling of(int cores, String workers) {
            int n;
            try {
                n = workers == null ? 0 : Integer.parseInt(workers);
            } catch (NumberFormatException e) {
                n = 0;
            }
            return cores <= 0 || n <= 0 ? null : new Ceiling(n, Math.min(n, cores));
        }

        Position place(RatioEstimate ratio) {
            return new ClaimedEffect(value, value, "").place(ratio);
        }
    }

    /** The claimed range in figures: "3.3x", "10-100x", "at least 2x". */
    public String shortText() {
        if (min == max) {
            return figure(min) + "x";
        }
        return Double.isInfinite(max) ? "at least " + figure(min) + "x" : figure(min) + "-" + figure(max) + "x";
    }

    /** Up to three significant digits, no trailing zeros: 3.3, 10, 0.8. */
    private static String figure(double value) {
        return java.math.BigDecimal.valueOf(value).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
    }

    private String against(RatioEstimate ratio) {
        Position p = place(ratio);
        if (p == Position.INSIDE && !contains(ratio)) {
            return "overlapping the claimed " + text;
        }
        if (p == Position.UNPLACED) {
            return "no bounded interval, so it cannot be placed against the claimed " + text;
        }
        return p.words() + " the claimed " + text;
    }
}
