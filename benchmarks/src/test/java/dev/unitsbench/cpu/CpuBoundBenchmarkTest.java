package dev.unitsbench.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unitsbench.model.ExecutionModel;
import dev.unitsbench.work.CpuLoop;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openjdk.jmh.annotations.Param;

class CpuBoundBenchmarkTest {

    /** The loop of the tests: long enough to cross a few GIL chunks, short enough for a unit test. */
    private static final long ITERATIONS = 3 * 65_536 + 5;

    @Test
    void theWorkSweepBracketsTheTutorialsSize() throws Exception {
        // The report reads T1's break-even from workSweep alone, and states it beside computeAll's
        // verdict at the tutorial's size: the sweep must contain that size, and reach both sides.
        long headline = Long.parseLong(single(CpuBoundBenchmark.Scaling.class, "iterations"));
        List<Long> sweep = values(CpuBoundBenchmark.WorkSize.class, "iterations").stream().map(Long::parseLong).toList();
        assertTrue(sweep.contains(headline), "workSweep lacks the tutorial's " + headline + " iterations: " + sweep);
        assertTrue(sweep.stream().anyMatch(n -> n < headline), "workSweep has no size below the tutorial's: " + sweep);
        assertTrue(sweep.stream().anyMatch(n -> n > headline), "workSweep has no size above the tutorial's: " + sweep);
    }

    @Test
    void theWorkSweepIsComputeAllsHeadlinePointAtOtherSizes() throws Exception {
        // Same workers, a GIL, and the two models T1 compares: only the work per worker varies.
        assertEquals(List.of("4"), values(CpuBoundBenchmark.WorkSize.class, "workers"));
        assertTrue(values(CpuBoundBenchmark.Scaling.class, "workers").contains("4"));
        assertEquals(List.of("true"), values(CpuBoundBenchmark.WorkSize.class, "gil"));
        assertEquals(List.of("PROCESS", "PLATFORM_THREAD"), values(CpuBoundBenchmark.WorkSize.class, "model"));
    }

    @Test
    void computeAllHasTheWorkerCountsQ3Compares() throws Exception {
        // Q3 compares 1 worker with 4 per model, with and without the GIL, on every model.
        List<String> workers = values(CpuBoundBenchmark.Scaling.class, "workers");
        assertTrue(workers.contains("1") && workers.contains("4"), "computeAll workers: " + workers);
        assertEquals(List.of("false", "true"), values(CpuBoundBenchmark.Scaling.class, "gil"));
        assertEquals(List.of(ExecutionModel.values()).stream().map(Enum::name).toList(),
                values(CpuBoundBenchmark.Scaling.class, "model"));
    }

    @ParameterizedTest
    @EnumSource(ExecutionModel.class)
    void aBatchReturnsTheSumOfEveryCopysResult(ExecutionModel model) throws Exception {
        CpuBoundBenchmark.WorkSize batch = new CpuBoundBenchmark.WorkSize();
        batch.model = model;
        batch.workers = 3;
        batch.gil = true;
        batch.iterations = ITERATIONS;
        batch.setUp();
        try {
            assertEquals(3 * CpuLoop.free(ITERATIONS).run(), new CpuBoundBenchmark().workSweep(batch));
            assertEquals(3 * CpuLoop.free(ITERATIONS).run(), new CpuBoundBenchmark().workSweep(batch),
                    "a second batch on the same trial state differs");
        } finally {
            batch.close();
        }
    }

    private static List<String> values(Class<?> state, String field) throws NoSuchFieldException {
        return List.of(state.getField(field).getAnnotation(Param.class).value());
    }

    private static String single(Class<?> state, String field) throws NoSuchFieldException {
        List<String> values = values(state, field);
        assertEquals(1, values.size(), state.getSimpleName() + "." + field + " should have one value: " + values);
        return values.get(0);
    }
}
