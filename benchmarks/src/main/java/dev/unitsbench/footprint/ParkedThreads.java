package dev.unitsbench.footprint;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

/**
 * N threads, platform or virtual, parked at once: each arrives, then parks
 * ({@link LockSupport#park()}) until {@link #release()}. While they wait, the memory they hold can
 * be read off the process.
 *
 * <p>Why a bare {@code park} and not a latch: a parked virtual thread keeps its frames in a stack
 * chunk on the heap, so the frames on its stack are part of what it costs. Waiting on a
 * {@code CountDownLatch} goes through several frames of {@code AbstractQueuedSynchronizer} that
 * the JIT compiles and inlines differently from run to run, and the heap per thread jumped
 * between about 430 and 1 150 bytes. With a bare {@code park} only this class's own frame
 * varies, with how the JIT compiled it; {@link FootprintBenchmark#virtualThreads} keeps that frame
 * interpreted.
 *
 * <p>The array that holds them is allocated before the first thread starts, so that a heap
 * measurement taken around {@link #start} counts the threads, not the bookkeeping.
 */
public final class ParkedThreads {

    private final Thread.Builder builder;
    private final Thread[] threads;
    private final CountDownLatch arrived;
    private volatile boolean released;

    public ParkedThreads(Thread.Builder builder, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be >= 1, got " + count);
        }
        this.builder = builder;
        this.threads = new Thread[count];
        this.arrived = new CountDownLatch(count);
    }

    /** Starts every thread and waits until all of them are parked. */
    public void start(Duration timeout) throws InterruptedException, TimeoutException {
        Runnable park = () -> {
            arrived.countDown();
            while (!released) {
                LockSupport.park(); // may return early (unpark before park, spurious wake-up): look again
            }
        };
        try {
            for (int i = 0; i < threads.length; i++) {
                threads[i] = builder.unstarted(park);
                threads[i].start();
            }
            if (!arrived.await(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new TimeoutException(arrived.getCount() + " of " + threads.length + " threads not parked after " + timeout);
            }
        } catch (InterruptedException | TimeoutException | RuntimeException | Error e) {
            release();
            throw e;
        }
    }

    /** Lets every thread end, waits for them, and returns how many had parked and ended. */
    public int release() throws InterruptedException {
        released = true;
        for (Thread thread : threads) {
            if (thread != null) {
                LockSupport.unpark(thread);
            }
        }
        int ended = 0;
        for (Thread thread : threads) {
            if (thread != null) {
                thread.join();
                ended++;
            }
        }
        return ended;
    }

    public int count() {
        return threads.length;
    }
}
