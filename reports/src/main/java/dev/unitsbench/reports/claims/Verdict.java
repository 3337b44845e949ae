package dev.unitsbench.reports.claims;

/**
 * The words of the report. Per comparison: holds, reversed, no significant difference,
 * inconclusive, not measured; a check: holds or does not hold; a finding: holds, reversed, no
 * verdict, not checked. Per claim: holds, reversed, contradictory, partly, partly reversed, no
 * significant difference, inconclusive, not measured (or not checked). The exact rules, with
 * the run's thresholds, are written by {@link VerdictRules}; {@link #meaning} is the short gloss.
 */
public enum Verdict {
    HOLDS("holds", "in the claimed direction, significant after Holm's correction"),
    REVERSED("reversed", "in the opposite direction, significant after Holm's correction"),
    NO_SIGNIFICANT_DIFFERENCE("no significant difference", "the fork means do not tell the sides apart"),
    INCONCLUSIVE("inconclusive", "the data cannot carry a verdict: too few forks, no warm-up, a side missing, or a smoke run (the row says which)"),
    NOT_MEASURED("not measured in this run", "the result file has no benchmark for it"),
    CONTRADICTORY("contradictory", "some comparisons hold and some are reversed"),
    PARTLY("partly", "some comparisons hold, none is reversed, the others are not significant or inconclusive"),
    PARTLY_REVERSED("partly reversed", "some comparisons are reversed, none holds, the others are not significant or inconclusive"),
    DOES_NOT_HOLD("does not hold", "a checked expectation failed on the observed values, or a test observed the opposite of the claim"),
    NOT_CHECKED("not checked in this run", "the JUnit test that decides it did not run or left no readable finding"),
    NO_VERDICT("no verdict", "the test recorded what it observed without saying whether the claim holds");

    private final String label;
    private final String meaning;

    Verdict(String label, String meaning) {
        this.label = label;
        this.meaning = meaning;
    }

    public String label() {
        return label;
    }

    public String meaning() {
        return meaning;
    }

    /** A CSS-friendly name, e.g. {@code no-significant-difference}. */
    public String cssClass() {
        return name().toLowerCase().replace('_', '-');
    }
}
