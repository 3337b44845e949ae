package dev.unitsbench.model;

/** When the parent waits for each copy it started (claim T4 of the tutorial). */
public enum JoinOrder {
    /** Start every copy, then wait for all of them: the copies overlap. */
    AFTER_ALL_STARTED,
    /** Wait for each copy right after starting it, as a {@code join()} inside the start loop does: serial. */
    AFTER_EACH_START
}
