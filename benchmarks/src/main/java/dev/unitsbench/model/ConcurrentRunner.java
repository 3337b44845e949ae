package dev.unitsbench.model;

import dev.unitsbench.work.Workload;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * Runs N copies of a workload under one execution model and waits for all of them.
 *
 * <p>An instance holds what the model keeps between runs (a thread pool, say), so a benchmark
 * opens one per trial, outside the timed region, and closes it at the end. Each call of
 * {@link #runAll} starts its copies afresh: starting a thread or a process is part of the work
 * measured, exactly as in the tutorial.
 */
public interface ConcurrentRunner extends AutoCloseable {

    /**
     * Starts {@code copies} copies of the workload and waits until all have finished.
     *
     * @return the sum of the copies' results, for the caller to consume
     * @throws ExecutionException if a copy failed; the others are stopped
     * @throws TimeoutException if the copies did not all finish within {@code timeout}; they are stopped
     * @throws InterruptedException if the waiting thread is interrupted; the copies are stopped
     */
    long runAll(Workload workload, int copies, JoinOrder joinOrder, Duration timeout)
            throws ExecutionException, TimeoutException, InterruptedException;

    /** Releases what the model holds (threads of a pool); copies of a run never outlive it anyway. */
    @Override
    void close();

    /** Rejects a copy count below one. */
    static void requirePositive(int copies) {
        if (copies < 1) {
            throw new IllegalArgumentException("copies must be >= 1, got " + copies);
        }
    }
}
