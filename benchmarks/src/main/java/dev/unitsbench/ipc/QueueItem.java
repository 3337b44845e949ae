package dev.unitsbench.ipc;

/**
 * One work item of the producer/consumer benchmark: a number unique in its round (to find lost and
 * duplicated items) and when it was put (System.nanoTime, a clock that all processes of a Linux
 * machine share, CLOCK_MONOTONIC), to measure its end-to-end latency. A negative id tells a
 * consumer to stop.
 */
public record QueueItem(long id, long putNanos) {

    /** The item that tells one consumer to stop. */
    public static final QueueItem STOP = new QueueItem(-1, 0);
}
