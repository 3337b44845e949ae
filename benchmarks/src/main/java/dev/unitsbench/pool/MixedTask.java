package dev.unitsbench.pool;

import dev.unitsbench.model.ExecutionModel;
import dev.unitsbench.work.CpuLoop;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One task of a high-concurrency server (claim Q5): some computation, then a blocking wait, as a
 * request handler parses, then calls a database. The computation is the suite's {@link CpuLoop}
 * (no GIL); the wait is {@link Thread#sleep}, a blocking call that parks a virtual thread and
 * frees its carrier, and holds a platform thread for its whole length.
 *
 * @param cpuIterations iterations of the CPU loop per task (about 1 ns each)
 * @param sleepMillis the blocking wait per task
 */
public record MixedTask(long cpuIterations, long sleepMillis) {

    public MixedTask {
        if (cpuIterations < 0 || sleepMillis < 0) {
            throw new IllegalArgumentException("cpuIterations and sleepMillis must be >= 0, got "
                    + cpuIterations + " and " + sleepMillis);
        }
    }

    /**
     * Runs the task once.
     *
     * @return the CPU loop's result, the same for every run, so a caller can check the sum
     */
    public long run() throws InterruptedException {
        long result = CpuLoop.free(cpuIterations).run();
        Thread.sleep(sleepMillis);
        return result;
    }

    /** The result of one run, computed without the wait: {@code count} runs sum to {@code count} times it. */
    public long expectedResult() {
        return CpuLoop.free(cpuIterations).run();
    }

    /**
     * Runs {@code count} copies at once on {@code executor} and waits for all of them.
     *
     * @return the sum of their results (wrapping), to check against {@code count * expectedResult()}
     * @throws TimeoutException if they did not all finish within {@code timeout}
     */
    public long runAll(ExecutorService executor, int count, Duration timeout)
            throws InterruptedException, ExecutionException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Future<Long>> futures = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            futures.add(executor.submit(this::run));
        }
        long sum = 0;
        for (Future<Long> future : futures) {
            sum += future.get(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
        }
        return sum;
    }

    /** Runs {@code count} copies at once, a virtual thread each, and waits for all: see {@link #runAll}. */
    public long runOnVirtualThreads(int count, Duration timeout)
            throws InterruptedException, ExecutionException, TimeoutException {
        try (ExecutorService executor = Executors.newThreadPerTaskExecutor(ExecutionModel.VIRTUAL_THREAD.threadBuilder("mixed-task-").factory())) {
            try {
                return runAll(executor, count, timeout);
            } catch (TimeoutException | InterruptedException e) {
                executor.shutdownNow(); // interrupt the sleepers, so that close() does not wait them out
                throw e;
            }
        }
    }
}
