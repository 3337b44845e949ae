package dev.unitsbench.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unitsbench.model.ExecutionModel;
import dev.unitsbench.model.ProcessPool;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What each executor of the pool family runs its tasks on: worker JVMs kept for the trial, or this
 * JVM's threads, whose executors differ only in the kind of thread and how many run at once.
 */
@Timeout(120)
class PoolExecutorTest {

    /** More tasks than any fixed pool of the family has threads (Python's default is at most 32). */
    private static final int TASKS = 40;

    @Test
    void onlyTheLongLivedProcessPoolsKeepWorkerJvmsForTheTrial() throws Exception {
        assertEquals(List.of(PoolExecutor.PROCESS_POOL, PoolExecutor.PROCESSES_X_VIRTUAL_THREADS),
                Arrays.stream(PoolExecutor.values()).filter(PoolExecutor::keepsWorkerJvms).toList());
        try (TrialUnits kept = TrialUnits.open(PoolExecutor.PROCESS_POOL, WorkerJvmFlags.LEAN);
                TrialUnits perOperation = TrialUnits.open(PoolExecutor.PROCESS_POOL_WITH_STARTUP, WorkerJvmFlags.LEAN);
                TrialUnits threads = TrialUnits.open(PoolExecutor.VIRTUAL_THREAD, WorkerJvmFlags.LEAN)) {
            assertEquals(ProcessPool.defaultSize(), kept.workerPids().size());
            assertNull(kept.threads);
            assertEquals(List.of(), perOperation.workerPids(), "started inside each operation, not by the trial");
            assertNull(perOperation.threads);
            assertNull(threads.pool);
            assertTrue(threads.threads.submit(() -> Thread.currentThread().isVirtual()).get(60, TimeUnit.SECONDS));
        }
    }

    @Test
    void pythonsDefaultPoolIsCpusPlusFourCappedAt32() {
        assertEquals(5, PoolExecutor.pythonDefaultPoolSize(1));
        assertEquals(6, PoolExecutor.pythonDefaultPoolSize(2));
        assertEquals(32, PoolExecutor.pythonDefaultPoolSize(28));
        assertEquals(32, PoolExecutor.pythonDefaultPoolSize(64));
    }

    @Test
    void eachThreadExecutorRunsItsModelsThreadsAndAsManyAtOnceAsItsSizeAllows() throws Exception {
        int cpus = ProcessPool.defaultSize();
        for (PoolExecutor executor : PoolExecutor.values()) {
            if (executor.model() == ExecutionModel.PROCESS) {
                assertNull(executor.openThreads(), executor + " runs worker JVMs, not threads");
                continue;
            }
            int atOnce = switch (executor) {
                case THREAD_POOL -> cpus;
                case THREAD_POOL_PYTHON_DEFAULT -> PoolExecutor.pythonDefaultPoolSize(cpus);
                default -> TASKS;
            };
            try (ExecutorService threads = executor.openThreads()) {
                assertEquals(atOnce, mostAtOnce(threads, atOnce), executor + ": tasks running at once");
                boolean virtual = threads.submit(() -> Thread.currentThread().isVirtual()).get(60, TimeUnit.SECONDS);
                assertEquals(executor.model() == ExecutionModel.VIRTUAL_THREAD, virtual, executor + ": virtual threads");
            }
        }
    }

    /**
     * Submits {@link #TASKS} tasks that each wait, on entry, until {@code expected} tasks have
     * entered (or a timeout), and returns the most that were running at once: {@code expected} if
     * the executor runs that many together and no more.
     */
    private static int mostAtOnce(ExecutorService threads, int expected) throws Exception {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch enoughEntered = new CountDownLatch(1);
        List<Future<?>> tasks = new ArrayList<>(TASKS);
        for (int i = 0; i < TASKS; i++) {
            tasks.add(threads.submit(() -> {
                int now = running.incrementAndGet();
                most.accumulateAndGet(now, Math::max);
                if (now >= expected) {
                    enoughEntered.countDown();
                }
                if (!enoughEntered.await(10, TimeUnit.SECONDS)) {
                    enoughEntered.countDown(); // a smaller bound than expected: let the rest through, and fail
                }
                running.decrementAndGet();
                return null;
            }));
        }
        for (Future<?> task : tasks) {
            task.get(60, TimeUnit.SECONDS);
        }
        return most.get();
    }
}
