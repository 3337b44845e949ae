package dev.unitsbench.ipc;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * How a reader of a channel without a wake-up (a mapped ring, a file) waits for the writer: spin
 * briefly (the data is often a few hundred nanoseconds away), then yield the core (there are only
 * two), then park for short periods. The wait is bounded: past {@link #LIMIT} without progress, or
 * once the peer is gone, it fails instead of spinning forever.
 */
final class Idle {

    /** How long a wait may last before the peer is taken for stuck: far beyond any message here. */
    static final Duration LIMIT = Duration.ofSeconds(60);

    private static final int SPINS = 100;
    private static final int YIELDS = 200;
    private static final long PARK_NANOS = 20_000;

    /** A wait that never gives up because of the peer: for a child, whose parent's death ends it anyway. */
    static final Idle UNWATCHED = new Idle(() -> true);

    private final BooleanSupplier peerAlive;

    Idle(BooleanSupplier peerAlive) {
        this.peerAlive = peerAlive;
    }

    /**
     * Pauses once. {@code attempt} counts the pauses of this wait from 0, {@code since} is when
     * it began (System.nanoTime).
     */
    void pause(int attempt, long since) throws IOException {
        if (attempt < SPINS) {
            Thread.onSpinWait();
            return;
        }
        if (attempt < YIELDS) {
            Thread.yield();
            return;
        }
        LockSupport.parkNanos(PARK_NANOS);
        if (Thread.interrupted()) {
            throw new InterruptedIOException("interrupted while waiting for the peer");
        }
        if ((attempt & 63) == 0) {
            if (!peerAlive.getAsBoolean()) {
                throw new IOException("the peer is gone (its standard error is above)");
            }
            if (System.nanoTime() - since > LIMIT.toNanos()) {
                throw new IOException("the peer made no progress for " + LIMIT.toSeconds() + " s");
            }
        }
    }
}
