package dev.unitsbench.sync;

import java.io.IOException;

/**
 * A counter and a small map ({@code keys} entries) that several units update at once: part 4
 * of claim Q7, the tutorial's {@code Manager().dict()} and its {@code data["num"] -= 1}.
 *
 * <p>One {@link #update} adds one to the counter and one to the map entry {@code key}. After
 * {@code U} units made {@code N} updates each, an honest tally holds {@code U * N} in the counter
 * and in the sum of the map; whatever is missing is a lost update.
 */
public interface SharedTally extends AutoCloseable {

    /** Where the tally lives and how an update reaches it. */
    enum Kind {
        /** Threads: an {@code AtomicLong} and a {@code ConcurrentHashMap} ({@code merge}). */
        ATOMIC(true),
        /** Threads: a plain {@code long} field and a {@code HashMap}, both under one {@code ReentrantLock}. */
        LOCKED(true),
        /** Threads: the same plain field and map with no lock: read, add one, write back. */
        UNLOCKED(true),
        /** Processes: a memory-mapped file of longs, updated by atomic {@code getAndAdd}. */
        MAPPED_ATOMIC(false),
        /** Processes: the same mapped longs, read and written back with no atomicity. */
        MAPPED_UNLOCKED(false),
        /** Any unit: a dict-server process over a Unix-domain socket, one {@code ADD} request per entry. */
        MANAGER_ADD(false),
        /**
         * Any unit: the same dict-server, but {@code GET} then {@code SET}, as the tutorial's
         * {@code data["num"] = data["num"] - 1} does through a Manager proxy: two requests, no lock.
         */
        MANAGER_GET_SET(false);

        private final boolean inJvm;

        Kind(boolean inJvm) {
            this.inJvm = inJvm;
        }

        /** Whether the tally is an object of one JVM (so only threads of that JVM share it). */
        public boolean inJvm() {
            return inJvm;
        }
    }

    /** Adds one to the counter and one to map entry {@code key}. */
    void update(int key) throws IOException;

    /** The counter now. */
    long counter() throws IOException;

    /** The sum of the map's entries now. */
    long mapTotal() throws IOException;

    /** Sets the counter and every map entry to zero. */
    void reset() throws IOException;

    @Override
    void close() throws IOException;

    /** The check every tally makes of its size: a map of no entries has nothing to update. */
    static void checkKeys(int keys) {
        if (keys < 1) {
            throw new IllegalArgumentException("keys must be >= 1, got " + keys);
        }
    }
}
