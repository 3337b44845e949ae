package dev.unitsbench.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.unitsbench.model.ProcessPool;
import dev.unitsbench.work.AccessLogs;
import dev.unitsbench.work.MixedTask;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every model of the pool family computes the same thing: the log scan (claim Q9) finds the
 * generator's known host set, and the mixed tasks (claim Q5) all run exactly once.
 */
@Timeout(120)
class EveryModelTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private static ProcessPool pool;

    @BeforeAll
    static void startPool() throws Exception {
        pool = ProcessPool.start(2); // two workers also on a 1-CPU machine, so that tasks are shared out
    }

    @AfterAll
    static void closePool() {
        pool.close();
    }

    @Test
    void theLogScanFindsTheSameHostsInEveryModel(@TempDir Path dir) throws Exception {
        AccessLogs logs = AccessLogs.write(dir, 7, 2_000, LogScanBenchmark.SEED);
        Set<String> expected = logs.allRobotHosts();
        assertFalse(expected.isEmpty());

        assertEquals(expected, LogScan.serially(logs.files()), "one file after another");
        assertEquals(expected, LogScan.withProcessPool(pool, logs.files(), TIMEOUT), "process pool");
        try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
            assertEquals(expected, LogScan.withExecutor(threads, logs.files(), TIMEOUT), "fixed thread pool");
        }
        try (ExecutorService virtual = Executors.newVirtualThreadPerTaskExecutor()) {
            assertEquals(expected, LogScan.withExecutor(virtual, logs.files(), TIMEOUT), "a virtual thread per file");
        }
        try (ProcessPool fresh = ProcessPool.start(1)) {
            assertEquals(expected, LogScan.withProcessPool(fresh, logs.files(), TIMEOUT), "a pool of one worker");
        }
    }

    @Test
    void theMixedTasksRunExactlyOnceInEveryModel() throws Exception {
        MixedTask task = new MixedTask(10_000, 1);
        int tasks = 101; // not a multiple of the worker count
        long expected = tasks * task.expectedResult();

        assertEquals(expected, task.runOnVirtualThreads(tasks, TIMEOUT), "one JVM, virtual threads");
        assertEquals(expected, MixedWork.acrossWorkers(pool, task, tasks, TIMEOUT), "worker JVMs x virtual threads");
        try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
            assertEquals(expected, task.runAll(threads, tasks, TIMEOUT), "platform pool");
        }
    }
}
