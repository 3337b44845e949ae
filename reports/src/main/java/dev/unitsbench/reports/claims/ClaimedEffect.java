package dev.unitsbench.reports.claims;

import dev.unitsbench.reports.stats.RatioEstimate;

/**
 * The size of the effect the tutorial claims for a comparison, as a ratio in the claimed
 * direction: {@code "claimed": {"min": 10, "max": 100, "text": "10-100x"}}. A point claim
 * has {@code min == max}; an open claim ("at least 2x") has no max.
 *
 * @param min  smallest claimed ratio
 * @param max  largest claimed ratio; {@code +Infinity} when open
 * @param text the claim in words, shown as is
 */
public record ClaimedEffect(double min, double max, String text) {

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
