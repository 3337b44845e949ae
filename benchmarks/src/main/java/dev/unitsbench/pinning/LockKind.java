package dev.unitsbench.pinning;

import java.util.concurrent.locks.ReentrantLock;

/**
 * The two mutexes of the JDK, as the {@code lock} param of this family. A virtual thread that
 * blocks while holding a {@code synchronized} monitor pinned its carrier thread before JDK 24
 * (JEP 491); one that blocks while holding a {@code ReentrantLock} never did.
 */
public enum LockKind {

    /** A {@code synchronized} block on a monitor object of its own. */
    SYNCHRONIZED {
        @Override
        public Guard newGuard() {
            Object monitor = new Object();
            return section -> {
                synchronized (monitor) {
                    section.run();
                }
            };
        }
    },

    /** A {@code ReentrantLock} of its own, locked and unlocked around the section. */
    REENTRANT_LOCK {
        @Override
        public Guard newGuard() {
            ReentrantLock lock = new ReentrantLock();
            return section -> {
                lock.lock();
                try {
                    section.run();
                } finally {
                    lock.unlock();
                }
            };
        }
    };

    /** A new lock of this kind, not shared with any other guard. */
    public abstract Guard newGuard();

    /** One lock: runs a section while holding it. */
    @FunctionalInterface
    public interface Guard {
        void hold(Section section) throws Exception;
    }

    /** The code run while the lock is held: the critical section. */
    @FunctionalInterface
    public interface Section {
        void run() throws Exception;
    }
}
