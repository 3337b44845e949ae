package dev.unitsbench.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unitsbench.model.BenchmarkJvmFlags;
import dev.unitsbench.model.ChildJvmLauncher;
import dev.unitsbench.model.ProcessPool;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Same conditions for the pool family: worker JVMs get this JVM's collector and heap, or the lean flags. */
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
}
