package dev.unitsbench.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unitsbench.harness.ModelState;
import dev.unitsbench.model.ExecutionModel;
import dev.unitsbench.model.JoinOrder;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openjdk.jmh.annotations.Param;

class SleepBenchmarksTest {

    @Test
    void t2RunsTheTutorialsExperimentByDefault() throws Exception {
        // SuiteRunner's tutorial scale has no entry for SleepBenchmark because its defaults are the
        // tutorial's own 400 workers x time.sleep(2); a resize here must add one there.
        assertTrue(values(SleepBenchmark.class, "workers").contains("400"));
        assertEquals(List.of("2000"), values(SleepBenchmark.class, "sleepMillis"));
    }

    @Test
    void q5ComparesBothModelsAtTheSameCount() throws Exception {
        List<String> platform = values(ManySleepersBenchmark.PlatformSleepers.class, "workers");
        List<String> virtual = values(ManySleepersBenchmark.VirtualSleepers.class, "workers");
        assertTrue(virtual.containsAll(platform), "virtual " + virtual + " lacks a platform count " + platform);
        // One sleep for both models: declared once, on the benchmark's own state, not per model.
        assertEquals(1, values(ManySleepersBenchmark.class, "sleepMillis").size());
        for (Class<?> state : List.of(ManySleepersBenchmark.PlatformSleepers.class, ManySleepersBenchmark.VirtualSleepers.class)) {
            assertTrue(Arrays.stream(state.getDeclaredFields()).noneMatch(f -> f.getName().equals("sleepMillis")), state.getSimpleName());
        }
    }

    @ParameterizedTest
    @EnumSource(value = ExecutionModel.class, names = {"PROCESS", "PLATFORM_THREAD", "VIRTUAL_THREAD"})
    void aSleepBatchReturnsEveryCopysSleep(ExecutionModel model) throws Exception {
        SleepBenchmark benchmark = new SleepBenchmark();
        benchmark.model = model;
        benchmark.workers = 3;
        benchmark.sleepMillis = 20;
        assertEquals(3 * 20, oneBatch(benchmark, benchmark::setUp, benchmark::sleepAll));
    }

    @ParameterizedTest
    @EnumSource(JoinOrder.class)
    void aJoinOrderBatchReturnsEveryCopysSleep(JoinOrder join) throws Exception {
        JoinOrderBenchmark benchmark = new JoinOrderBenchmark();
        benchmark.model = ExecutionModel.PLATFORM_THREAD;
        benchmark.join = join;
        benchmark.workers = 3;
        benchmark.sleepMillis = 20;
        assertEquals(3 * 20, oneBatch(benchmark, benchmark::setUp, benchmark::sleepAll));
    }

    private static List<String> values(Class<?> state, String field) throws NoSuchFieldException {
        return List.of(state.getField(field).getAnnotation(Param.class).value());
    }

    /** One batch of a sleep benchmark between its trial set-up and tear-down, as JMH runs them. */
    private static long oneBatch(ModelState benchmark, Runnable setUp, Callable<Long> batch) throws Exception {
        benchmark.openRunner();
        try {
            setUp.run();
            return batch.call();
        } finally {
            benchmark.closeRunner();
        }
    }
}
