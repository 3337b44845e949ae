package dev.unitsbench.spawn;

/**
 * How {@link StartJoin} starts and waits for {@value #UNITS} units: the same loop, with only the
 * number of units started before the first wait changing.
 */
public enum StartPattern {

    /** Start one unit, wait for it, repeat: every start and every wait on its own. */
    ONE_AT_A_TIME(1),

    /**
     * Start {@value #UNITS} units, then wait for each: later units start while earlier ones run
     * and end, and the waits find most units already ended.
     */
    BATCH_OF_100(100);

    /** Units per operation in every pattern, so that every pattern's score is per unit of the same count. */
    public static final int UNITS = 100;

    private final int batch;

    StartPattern(int batch) {
        if (UNITS % batch != 0) {
            throw new IllegalArgumentException("a batch of " + batch + " does not divide " + UNITS);
        }
        this.batch = batch;
    }

    /** Units started before the first wait. */
    public int batch() {
        return batch;
    }
}
