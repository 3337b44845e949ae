package dev.unitsbench.reports.claims;

/**
 * What the measurements say about a claimed speed difference, at the report's alpha:
 * the claimed-faster side is significantly faster (Welch's t-test, two-sided p below alpha),
 * significantly slower, or neither.
 */
public enum Verdict {
    HOLDS("holds", "significantly faster in the claimed direction"),
    REVERSED("reversed", "significantly faster in the opposite direction"),
    NO_SIGNIFICANT_DIFFERENCE("no significant difference", "the difference is within noise at this alpha"),
    NOT_MEASURED("not measured in this run", "the result file has no benchmark for it"),
    MIXED("mixed", "its comparisons disagree: see each one");

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
