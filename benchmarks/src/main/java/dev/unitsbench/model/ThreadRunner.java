package dev.unitsbench.model;

import dev.unitsbench.work.Workload;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/** Runs each copy on a thread of its own, platform or virtual, created by the given builder. */
final class ThreadRunner implements ConcurrentRunner {

    private final Thread.Builder builder;

    ThreadRunner(Thread.Builder builder) {
        this.builder = builder;
    }

    @Override
    public long runAll(Workload workload, int copies, JoinOrder joinOrder, Duration timeout)
            throws ExecutionException, TimeoutException, InterruptedException {
        ConcurrentRunner.requirePositive(copies);
        long deadline = System.nanoTime() + timeout.toNanos();
        // Slot i is written only by thread i and read only after joining it.
        long[] results = new long[copies];
        Throwable[] failures = new Throwable[copies];
        Thread[] threads = new Thread[copies];
        try {
            for (int i = 0; i < copies; i++) {
                int slot = i;
                threads[i] = builder.start(() -> {
                    try {
                        results[slot] = workload.run();
                    } catch (Throwable t) {
                        failures[slot] = t;
                    }
                });
                if (joinOrder == JoinOrder.AFTER_EACH_START) {
                    join(threads[i], deadline, copies);
                }
            }
            for (Thread thread : threads) {
                join(thread, deadline, copies);
            }
        } finally {
            for (Thread thread : threads) {
                if (thread != null && thread.isAlive()) {
                    thread.interrupt();
                }
            }
        }
        long sum = 0;
        for (int i = 0; i < copies; i++) {
            if (failures[i] != null) {
                throw new ExecutionException("copy " + i + " of " + copies + " failed: " + failures[i], failures[i]);
            }
            sum += results[i];
        }
        return sum;
    }

    private static void join(Thread thread, long deadline, int copies) throws InterruptedException, TimeoutException {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0 || !thread.join(Duration.ofNanos(remaining))) {
            throw new TimeoutException(copies + " copies did not finish in time; " + thread.getName() + " was still running");
        }
    }

    @Override
    public void close() {
        // Nothing is kept between runs.
    }
}
