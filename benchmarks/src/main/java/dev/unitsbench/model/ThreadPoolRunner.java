package dev.unitsbench.model;

import dev.unitsbench.work.Workload;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Submits each copy to a fixed pool of platform threads created once, when the runner opens. */
final class ThreadPoolRunner implements ConcurrentRunner {

    private final ExecutorService pool;

    ThreadPoolRunner(int threads) {
        ThreadFactory platform = ExecutionModel.THREAD_POOL.threadBuilder("pool-worker-").factory();
        this.pool = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = platform.newThread(task);
            thread.setDaemon(true); // a pool left open never keeps a JVM alive
            return thread;
        });
    }

    @Override
    public long runAll(Workload workload, int copies, JoinOrder joinOrder, Duration timeout)
            throws ExecutionException, TimeoutException, InterruptedException {
        ConcurrentRunner.requirePositive(copies);
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Future<Long>> futures = new ArrayList<>(copies);
        try {
            for (int i = 0; i < copies; i++) {
                futures.add(pool.submit(workload::run));
                if (joinOrder == JoinOrder.AFTER_EACH_START) {
                    await(futures.get(i), deadline);
                }
            }
            long sum = 0;
            for (Future<Long> future : futures) {
                sum += await(future, deadline);
            }
            return sum;
        } finally {
            for (Future<Long> future : futures) {
                future.cancel(true);
            }
        }
    }

    private static long await(Future<Long> future, long deadline)
            throws ExecutionException, TimeoutException, InterruptedException {
        return future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    @Override
    public void close() {
        pool.shutdownNow();
        try {
            pool.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
