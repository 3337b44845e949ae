package dev.unitsbench.reports.claims;

/**
 * What the measurements say about a claim, at the report's alpha: the claimed-faster side is
 * significantly faster (Welch's t-test, two-sided p below alpha), significantly slower, or
 * neither; a checked expectation holds or does not; a JUnit test's finding holds, is
 * reversed, or was not checked in this run.
 */
public enum Verdict {
    HOLDS("holds", "significantly better in the claimed direction, or the checked expectation is met"),
    REVERSED("reversed", "significantly better in the opposite direction, or a test observed the opposite of the claim"),
    NO_SIGNIFICANT_DIFFERENCE("no significant difference", "the difference is within noise at this alpha"),
    NOT_MEASURED("not measured in this run", "the result file has no benchmark for it"),
    MIXED("mixed", "its comparisons disagree: see each one"),
    DOES_NOT_HOLD("does not hold", "a checked expectation failed on the observed values (see them beside it)"),
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
