package dev.unitsbench.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unitsbench.model.BenchmarkJvmFlags;
import dev.unitsbench.model.ChildJvmLauncher;
import dev.unitsbench.model.ExecutionModel;
import dev.unitsbench.model.ProcessPool;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Same conditions for the pool family (issue 11.7): worker JVMs get this JVM's collector and
 * heap, and each executor runs on the execution model it names.
 */
@Timeout(120)
class WorkerJvmFlagsTest {

    @Test
    void theWorkersGetTheBenchmarkJvmsCollectorAndHeapOrTheLeanFlags() {
        assertEquals(BenchmarkJvmFlags.gcAndHeapOfThisJvm(), WorkerJvmFlags.SAME_AS_BENCHMARK.flags());
        assertEquals(ChildJvmLauncher.LEAN_JVM_FLAGS, WorkerJvmFlags.LEAN.flags());
    }

    @Test
    void theWorkerJvmsOfAPoolRunWithThoseFlags() throws Exception {
        for (WorkerJvmFlags jvm : WorkerJvmFlags.values()) {
            try (ProcessPool pool = PoolWorker.startPool(jvm, 1)) {
                List<String> arguments = List.of(ProcessHandle.of(pool.workerPids().get(0)).orElseThrow().info().arguments().orElseThrow());
                assertTrue(arguments.containsAll(jvm.flags()), jvm + ": " + arguments);
                long oneLoop = new MixedTask(10, 0).expectedResult();
                assertEquals(Long.toString(oneLoop), pool.submit("mixed 1 10 0").get(60, TimeUnit.SECONDS), jvm + ": the worker serves");
            }
        }
    }

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
    void eachThreadExecutorRunsOnTheModelItNames() throws Exception {
        for (ExecutionModel model : List.of(ExecutionModel.THREAD_POOL, ExecutionModel.VIRTUAL_THREAD, ExecutionModel.PLATFORM_THREAD)) {
            try (ExecutorService executor = LogScan.executorFor(model)) {
                boolean virtual = executor.submit(() -> Thread.currentThread().isVirtual()).get(60, TimeUnit.SECONDS);
                assertEquals(model == ExecutionModel.VIRTUAL_THREAD, virtual, model.toString());
            }
        }
        assertNull(LogScan.executorFor(ExecutionModel.PROCESS), "PROCESS runs worker JVMs, not threads");
        for (PoolExecutor executor : PoolExecutor.values()) {
            assertEquals(executor.name().startsWith("PROCESS"), executor.model() == ExecutionModel.PROCESS, executor.name());
        }
    }
}
