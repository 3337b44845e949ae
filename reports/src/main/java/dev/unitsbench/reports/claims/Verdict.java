package dev.unitsbench.reports.claims;

/**
 * The words of the report. Per comparison: holds, reversed, level, difference of unclear size,
 * no significant difference, inconclusive, not measured; a check: holds or does not hold; a finding: holds, reversed, no
 * verdict, not checked. Per claim and condition: holds, reversed, level, contradictory, partly, partly
 * reversed, difference of unclear size, no significant difference, inconclusive, not measured (or not checked); a claim whose
 * conditions differ depends on the condition. The exact rules, with
 * the run's thresholds, are written by {@link VerdictRules}; {@link #meaning} is the short gloss.
 */
public enum Verdict {
    HOLDS("holds", "the claimed side is better: the row's interval lies wholly beyond the equivalence margin, on the claimed side"),
    REVERSED("reversed", "the other side is better: the row's interval lies wholly beyond the equivalence margin, on the other side"),
    LEVEL("level", "the row's interval lies wholly within the equivalence margin: whatever the difference, it is too small to matter"),
    DIFFERENCE_OF_UNCLEAR_SIZE("difference of unclear size", "the row's interval excludes 1 but reaches into the equivalence margin: "
            + "a difference, not shown to be larger than the margin"),
    NO_SIGNIFICANT_DIFFERENCE("no significant difference", "the row's interval includes 1 and reaches beyond the equivalence margin: "
            + "the fork means do not tell the sides apart"),
    INCONCLUSIVE("inconclusive", "the data cannot carry a verdict: too few forks, no warm-up, a side missing, or a smoke run (the row says which)"),
    NOT_MEASURED("not measured in this run", "the result file has no benchmark for it"),
    CONTRADICTORY("contradictory", "some evidence holds and some is reversed, under the same condition"),
    PARTLY("partly", "some evidence holds, none is reversed, the rest is level, undecided or inconclusive"),
    PARTLY_REVERSED("partly reversed", "some evidence is reversed, none holds, the rest is level, undecided or inconclusive"),
    DEPENDS("depends on the condition", "the claim's word differs between its conditions (e.g. under a GIL or not); its line gives each"),
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
