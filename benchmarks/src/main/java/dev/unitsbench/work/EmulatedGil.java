package dev.unitsbench.work;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A global interpreter lock in the manner of CPython's, so that JVM threads can reproduce the
 * shape of the tutorial's Python figures (claims T1 and Q3).
 *
 * <p>A thread holds the lock while it computes. Once per {@link #SWITCH_INTERVAL}, the holder
 * checks whether another thread is waiting and, if so, hands the lock over and queues behind it
 * (the lock is fair, so the longest waiter gets it: CPython 3.2+ forces the same hand-over). A
 * thread gives the lock up around blocking calls ({@link #releasedAround}), as CPython does
 * around {@code time.sleep} and socket I/O. So at most one thread computes at any moment, and
 * threads only help when they block.
 *
 * <p>One instance stands for one interpreter: threads of one JVM share it; each child JVM has its
 * own, as each Python process has its own GIL.
 */
public final class EmulatedGil {

    /** CPython's default switch interval ({@code sys.getswitchinterval()} is 0.005 s). */
    public static final Duration SWITCH_INTERVAL = Duration.ofMillis(5);

    private static final long SWITCH_INTERVAL_NANOS = SWITCH_INTERVAL.toNanos();

    private final ReentrantLock lock = new ReentrantLock(true);

    /** When the current holder took the lock; read and written only by the holder. */
    private long heldSince;

    /** Takes the lock, waiting for the holder to offer it. */
    public void acquire() {
        lock.lock();
        heldSince = System.nanoTime();
    }

    /** Gives the lock up. Only the holder may call this. */
    public void release() {
        if (!lock.isHeldByCurrentThread()) {
            throw new IllegalMonitorStateException("the GIL is not held by " + Thread.currentThread());
        }
        lock.unlock();
    }

    /**
     * Called by the holder between two chunks of work: if it has held the lock for a switch
     * interval and another thread waits, it hands the lock over and waits for its next turn.
     */
    public void offerIfDue() {
        if (System.nanoTime() - heldSince >= SWITCH_INTERVAL_NANOS) {
            if (lock.hasQueuedThreads()) {
                lock.unlock();
                lock.lock();
            }
            heldSince = System.nanoTime();
        }
    }

    /** Runs a blocking call with the lock given up, and takes it back afterwards. */
    public <T> T releasedAround(Callable<T> blockingCall) throws Exception {
        release();
        try {
            return blockingCall.call();
        } finally {
            acquire();
        }
    }

    /** Whether the calling thread holds the lock. */
    public boolean isHeldByCurrentThread() {
        return lock.isHeldByCurrentThread();
    }
}
