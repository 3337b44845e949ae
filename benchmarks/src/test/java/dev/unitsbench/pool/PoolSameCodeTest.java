package dev.unitsbench.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.unitsbench.harness.Built;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/*
 * Guards Q5's mixed-work rows (runAll: VIRTUAL_THREAD against THREAD_POOL_PYTHON_DEFAULT and
 * THREAD_PER_TASK, PROCESSES_X_VIRTUAL_THREADS against THREAD_POOL_PYTHON_DEFAULT and
 * VIRTUAL_THREAD) and Q9's log-scan rows (scan: PROCESS_POOL and PROCESS_POOL_WITH_STARTUP against
 * THREAD_POOL and VIRTUAL_THREAD). Every executor of a benchmark is handed the same task (the same
 * MixedTask, as many; the same gzip logs from the same seed, with the same expected hosts) and one
 * operation gives the same answer; only the executor differs. EveryModelTest checks the answers
 * outside the benchmarks.
 */
@Timeout(180)
class PoolSameCodeTest {

    private static final PoolExecutor[] MIXED = {PoolExecutor.VIRTUAL_THREAD, PoolExecutor.THREAD_POOL_PYTHON_DEFAULT,
        PoolExecutor.THREAD_PER_TASK, PoolExecutor.PROCESSES_X_VIRTUAL_THREADS};

    private static final PoolExecutor[] SCAN = {PoolExecutor.PROCESS_POOL, PoolExecutor.PROCESS_POOL_WITH_STARTUP,
        PoolExecutor.THREAD_POOL, PoolExecutor.VIRTUAL_THREAD};

    @Test
    void everyComparedExecutorRunsTheSameMixedTasks() throws Exception {
        Long sum = null;
        for (PoolExecutor executor : MIXED) {
            MixedWorkBenchmark bench = new MixedWorkBenchmark();
            bench.executor = executor;
            bench.tasks = 20;
            bench.cpuIterations = 10_000;
            bench.sleepMillis = 1;
            bench.workerJvm = WorkerJvmFlags.SAME_AS_BENCHMARK;
            try {
                bench.setUp();
                assertEquals(new MixedTask(10_000, 1), Built.field(bench, "task", MixedTask.class), executor.name());
                long result = bench.runAll(new CpuPerOperation());
                if (sum != null) {
                    assertEquals(sum.longValue(), result, executor + ": the same tasks, each run once");
                }
                sum = result;
            } finally {
                bench.tearDown();
            }
        }
    }

    @Test
    void everyComparedExecutorScansTheSameLogsForTheSameHosts() throws Exception {
        Set<?> hosts = null;
        for (PoolExecutor executor : SCAN) {
            LogScanBenchmark bench = new LogScanBenchmark();
            bench.executor = executor;
            bench.files = 4;
            bench.linesPerFile = 500;
            bench.workerJvm = WorkerJvmFlags.SAME_AS_BENCHMARK;
            try {
                bench.setUp();
                Set<?> expected = Built.field(bench, "expected", Set.class);
                if (hosts != null) {
                    assertEquals(hosts, expected, executor + ": the same logs, from the same seed");
                }
                hosts = expected;
                assertEquals(expected, bench.scan(new CpuPerOperation()), executor.name());
            } finally {
                if (Built.field(bench, "folder", Path.class) != null) {
                    bench.tearDown();
                }
            }
        }
    }
}
