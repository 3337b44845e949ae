package dev.unitsbench.reports.read;

/**
 * JMH's benchmark modes as they appear in the {@code "mode"} field of its JSON.
 * Which direction is "better" decides both the verdict of a claim and which dashboard file
 * a result goes to: throughput is bigger-is-better, every time mode smaller-is-better.
 */
public enum BenchmarkMode {
    THROUGHPUT("thrpt", "throughput", true),
    AVERAGE_TIME("avgt", "average time", false),
    SAMPLE_TIME("sample", "sampled time", false),
    SINGLE_SHOT_TIME("ss", "single-shot time", false);

    private final String jmhName;
    private final String label;
    private final boolean biggerIsBetter;

    BenchmarkMode(String jmhName, String label, boolean biggerIsBetter) {
        this.jmhName = jmhName;
        this.label = label;
        this.biggerIsBetter = biggerIsBetter;
    }

    /** The short name JMH writes, e.g. {@code ss}. */
    public String jmhName() {
        return jmhName;
    }

    /** Words for a reader, e.g. "single-shot time". */
    public String label() {
        return label;
    }

    public boolean biggerIsBetter() {
        return biggerIsBetter;
    }

    /** @return the mode, or null when JMH wrote a name this reporter does not know */
    public static BenchmarkMode fromJmhName(String name) {
        for (BenchmarkMode mode : values()) {
            if (mode.jmhName.equals(name)) {
                return mode;
            }
        }
        return null;
    }
}
