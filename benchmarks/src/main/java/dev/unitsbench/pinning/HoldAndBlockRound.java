package dev.unitsbench.pinning;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One round of "block while holding a lock", free of JMH: {@code units} threads start at once,
 * each takes a lock of its OWN (so no unit ever waits for another's lock) and blocks inside it for
 * the blocking time. Nothing is shared, so the round takes about one blocking time, unless the
 * units cannot all block at once: virtual threads that pin their carrier block it, and the round
 * then takes about {@code units / carriers} blocking times.
 *
 * <p>The locks, and for {@link Blocking#SOCKET_READ} the loopback peer with one connection per
 * unit, are made once and reused by every round; close the round to close the peer.
 */
final class HoldAndBlockRound implements AutoCloseable {

    /** Extra time a round may take beyond every unit blocking one after the other. */
    static final Duration GRACE = Duration.ofSeconds(30);

    private final int units;
    private final Blocking blocking;
    private final Duration blockTime;
    private final LockKind.Guard[] guards;
    private final DelayedReplyPeer peer;
    private final Duration timeout;
    private int round;

    HoldAndBlockRound(int units, LockKind lock, Blocking blocking, Duration blockTime) throws IOException {
        if (units < 1) {
            throw new IllegalArgumentException("a round needs at least 1 unit, got " + units);
        }
        this.units = units;
        this.blocking = blocking;
        this.blockTime = blockTime;
        this.timeout = blockTime.multipliedBy(units).plus(GRACE);
        guards = new LockKind.Guard[units];
        for (int i = 0; i < units; i++) {
            guards[i] = lock.newGuard();
        }
        peer = blocking == Blocking.SOCKET_READ ? new DelayedReplyPeer(units, blockTime, timeout) : null;
    }

    Duration blockTime() {
        return blockTime;
    }

    /** Runs one round on threads of {@code builder}; returns its wall time in nanoseconds. */
    long run(Thread.Builder builder) throws Exception {
        return run(builder, () -> { });
    }

    /**
     * Runs one round, each unit calling {@code whileHolding} after taking its lock and before it
     * blocks (a test's probe of how many units hold their locks at once).
     */
    long run(Thread.Builder builder, LockKind.Section whileHolding) throws Exception {
        int value = round++;
        AtomicInteger finished = new AtomicInteger();
        AtomicReference<Exception> failure = new AtomicReference<>();
        Thread[] threads = new Thread[units];
        long start = System.nanoTime();
        for (int i = 0; i < units; i++) {
            int unit = i;
            threads[i] = builder.start(() -> {
                try {
                    guards[unit].hold(() -> {
                        whileHolding.run();
                        block(unit, value);
                    });
                    finished.incrementAndGet();
                } catch (Exception e) {
                    failure.compareAndSet(null, e);
                }
            });
        }
        for (Thread t : threads) {
            if (!t.join(timeout)) {
                throw new IllegalStateException(t.getName() + " did not finish its round in " + timeout);
            }
        }
        long wall = System.nanoTime() - start;
        if (failure.get() != null) {
            throw failure.get();
        }
        if (finished.get() != units) {
            throw new IllegalStateException(finished.get() + " of " + units + " units finished the round");
        }
        return wall;
    }

    private void block(int unit, int value) throws IOException, InterruptedException {
        switch (blocking) {
            case SLEEP -> Thread.sleep(blockTime);
            case SOCKET_READ -> DelayedReplyPeer.request(peer.client(unit), value);
        }
    }

    @Override
    public void close() throws IOException {
        if (peer != null) {
            peer.close();
        }
    }
}
