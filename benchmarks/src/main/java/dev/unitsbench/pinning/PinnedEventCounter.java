package dev.unitsbench.pinning;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import jdk.jfr.consumer.RecordingStream;

/**
 * Counts JFR's {@code jdk.VirtualThreadPinned} events in this JVM between {@link #start()} and
 * {@link #stop()}: the JDK's own record of a virtual thread that parked (slept, waited on a socket,
 * a lock) while pinned to its carrier. The threshold is 0, so every such park counts, however short.
 *
 * <p>A recording stream hands events over in batches, about once a second, so reading a running
 * count would miss the last second. {@link RecordingStream#stop()} (JDK 20+) "waits until all events
 * in the recording have been consumed", so the count returned by {@link #stop()} is complete; one
 * counter therefore covers one window (a JMH iteration) and a new one is started for the next.
 */
final class PinnedEventCounter implements AutoCloseable {

    static final String EVENT = "jdk.VirtualThreadPinned";

    private final RecordingStream stream = new RecordingStream();
    private final AtomicLong count = new AtomicLong();

    private PinnedEventCounter() {
        stream.enable(EVENT).withThreshold(Duration.ZERO).withoutStackTrace();
        stream.onEvent(EVENT, event -> count.incrementAndGet());
    }

    /** A counter that counts from now on. */
    static PinnedEventCounter start() {
        PinnedEventCounter counter = new PinnedEventCounter();
        counter.stream.startAsync();
        return counter;
    }

    /** Stops counting and returns every event recorded since {@link #start()}. */
    long stop() {
        stream.stop();
        return count.get();
    }

    @Override
    public void close() {
        stream.close();
    }
}
