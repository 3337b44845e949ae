package dev.unitsbench.reports.stats;

/** The confidence level at which every stage estimates a mean's interval. */
public final class Confidence {

    /** Every mean is shown with its 95% interval. */
    public static final double LEVEL = 0.95;

    private Confidence() {
    }
}
