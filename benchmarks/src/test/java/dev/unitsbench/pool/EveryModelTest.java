package dev.unitsbench.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unitsbench.findings.Findings;
import dev.unitsbench.model.ProcessPool;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.annotations.Param;

/**
 * Every model of the pool family computes the same thing: the log scan (claim Q9) finds the
 * generator's known host set, and the mixed tasks (claim Q5) all run exactly once, by every executor
 * the benchmark compares, through the benchmark's own dispatch.
 */
@Timeout(120)
class EveryModelTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private static ProcessPool pool;

    @BeforeAll
    static void startPool() throws Exception {
        pool = PoolWorker.startPool(WorkerJvmFlags.SAME_AS_BENCHMARK, 2); // two workers also on a 1-CPU machine, so that tasks are shared out
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

        Map<String, Set<String>> found = new LinkedHashMap<>();
        found.put("one file after another", LogScan.serially(logs.files()));
        found.put("a pool of 2 worker JVMs", LogScan.withProcessPool(pool, logs.files(), TIMEOUT));
        try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
            found.put("a fixed pool of 2 threads", LogScan.withExecutor(threads, logs.files(), TIMEOUT));
        }
        try (ExecutorService virtual = Executors.newVirtualThreadPerTaskExecutor()) {
            found.put("a virtual thread per file", LogScan.withExecutor(virtual, logs.files(), TIMEOUT));
        }
        try (ProcessPool fresh = PoolWorker.startPool(WorkerJvmFlags.LEAN, 1)) {
            found.put("a pool of 1 lean worker JVM", LogScan.withProcessPool(fresh, logs.files(), TIMEOUT));
        }
        List<String> wrong = found.entrySet().stream().filter(e -> !e.getValue().equals(expected)).map(Map.Entry::getKey).toList();
        Findings.record("Q9", "same-hosts", getClass().getName() + "#theLogScanFindsTheSameHostsInEveryModel",
                wrong.isEmpty()
                        ? "The tutorial's log scan found the same " + expected.size() + " hosts that fetched /robots.txt in "
                                + logs.files().size() + " gzip logs with every model (" + String.join(", ", found.keySet())
                                + "): the generator's answer. The process pool works, and so does every thread model."
                        : "The log scan's host set differed from the generator's answer with: " + String.join(", ", wrong) + ".",
                wrong.isEmpty());
        found.forEach((model, hosts) -> assertEquals(expected, hosts, model));
    }

    @Test
    void theMixedTasksRunExactlyOnceByEveryExecutorOfTheBenchmark() throws Exception {
        MixedTask task = new MixedTask(10_000, 1);
        int tasks = 101; // not a multiple of the worker count
        long expected = tasks * task.expectedResult();

        String[] executors = MixedWorkBenchmark.class.getField("executor").getAnnotation(Param.class).value();
        assertTrue(executors.length >= 2, "the benchmark compares executors");
        for (String name : executors) {
            PoolExecutor executor = PoolExecutor.valueOf(name);
            try (TrialUnits units = TrialUnits.open(executor, WorkerJvmFlags.SAME_AS_BENCHMARK)) {
                assertEquals(expected, MixedWork.run(executor, units, task, tasks, TIMEOUT), name);
            }
        }
        assertEquals(expected, MixedWork.acrossWorkers(pool, task, tasks, TIMEOUT), "shared out across 2 worker JVMs");
        assertEquals(expected, task.runOnVirtualThreads(tasks, TIMEOUT), "a worker JVM's share, on virtual threads");
    }
}
