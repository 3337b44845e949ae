package dev.unitsbench.pinning;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One round of a contended counter, free of JMH: {@code units} threads start at once and each
 * increments one shared {@code long}, {@code increments} times, taking the one shared lock around
 * every increment. The critical section never blocks; the round measures what the lock itself
 * costs under contention. The count is checked: a round that lost an update fails.
 */
final class CounterRound {

    /** The longest a round may take: it is milliseconds of work, so this only catches a hang. */
    static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final int units;
    private final int increments;
    private final LockKind.Guard guard;
    private long count;

    CounterRound(int units, int increments, LockKind lock) {
        this(units, increments, lock.newGuard());
    }

    /** A round whose units all take {@code guard} (a test's unguarded control). */
    CounterRound(int units, int increments, LockKind.Guard guard) {
        if (units < 1 || increments < 1) {
            throw new IllegalArgumentException("a counter round needs at least 1 unit and 1 increment, got "
                    + units + " and " + increments);
        }
        this.units = units;
        this.increments = increments;
        this.guard = guard;
    }

    /** Increments counted by one round. */
    long incrementsPerRound() {
        return (long) units * increments;
    }

    /** Runs one round on threads of {@code builder}; returns the count it reached. */
    long run(Thread.Builder builder) throws Exception {
        count = 0;
        AtomicReference<Exception> failure = new AtomicReference<>();
        LockKind.Section increment = () -> count++;
        Thread[] threads = new Thread[units];
        for (int i = 0; i < units; i++) {
            threads[i] = builder.start(() -> {
                try {
                    for (int k = 0; k < increments; k++) {
                        guard.hold(increment);
                    }
                } catch (Exception e) {
                    failure.compareAndSet(null, e);
                }
            });
        }
        for (Thread t : threads) {
            if (!t.join(TIMEOUT)) {
                throw new IllegalStateException(t.getName() + " did not finish its increments in " + TIMEOUT);
            }
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        // join() orders every increment before this read
        if (count != incrementsPerRound()) {
            throw new IllegalStateException("the counter reached " + count + ", not " + incrementsPerRound()
                    + ": the lock lost updates");
        }
        return count;
    }
}
