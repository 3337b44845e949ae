package dev.unitsbench.ipc;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Python's {@code queue.Queue}/{@code multiprocessing.JoinableQueue} for threads of one JVM: a
 * FIFO queue that also counts unfinished tasks. {@link #put} adds one, {@link #taskDone} (Python's
 * {@code task_done}) removes one, and {@link #join} waits until none is left, so a producer learns
 * when all its work has been consumed, not just taken.
 *
 * <p>The count is raised before the item is queued, so that {@code join} can never see zero while
 * an item waits in the queue. It is lowered with a compare-and-set that refuses to go below zero:
 * one {@code taskDone} too many is an error, as in Python ({@code ValueError}). The lock is taken
 * only by {@code join} and by the {@code taskDone} that reaches zero, to wake the joiners.
 * Unbounded, as Python's is by default ({@code maxsize=0}).
 */
public final class JoinableQueue<E> implements TaskQueue<E> {

    private final BlockingQueue<E> items = new LinkedBlockingQueue<>();
    private final AtomicLong unfinished = new AtomicLong();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition allDone = lock.newCondition();

    @Override
    public void put(E item) throws InterruptedException {
        unfinished.incrementAndGet();
        items.put(item);
    }

    @Override
    public E take() throws InterruptedException {
        return items.take();
    }

    /** Removes the next item, waiting at most {@code timeout}; null if none came. */
    public E poll(Duration timeout) throws InterruptedException {
        return items.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** @throws IllegalStateException if called more times than items were put */
    @Override
    public void taskDone() {
        long left;
        do {
            left = unfinished.get();
            if (left == 0) {
                throw new IllegalStateException("taskDone() called more times than items were put");
            }
        } while (!unfinished.compareAndSet(left, left - 1));
        if (left == 1) {
            lock.lock();
            try {
                allDone.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    /** Waits until every item put so far has been taken and {@linkplain #taskDone done}. */
    public void join() throws InterruptedException {
        lock.lock();
        try {
            while (unfinished.get() > 0) {
                allDone.await();
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean join(Duration timeout) throws InterruptedException {
        long left = timeout.toNanos();
        lock.lock();
        try {
            while (unfinished.get() > 0) {
                if (left <= 0) {
                    return false;
                }
                left = allDone.awaitNanos(left);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Tasks put and not yet done. */
    public long unfinished() {
        return unfinished.get();
    }
}
