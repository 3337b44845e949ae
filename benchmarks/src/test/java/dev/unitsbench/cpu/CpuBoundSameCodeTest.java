package dev.unitsbench.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.unitsbench.harness.Built;
import dev.unitsbench.model.ConcurrentRunner;
import dev.unitsbench.model.ExecutionModel;
import dev.unitsbench.work.CpuLoop;
import org.junit.jupiter.api.Test;

/** The two sides of T1 and Q3 hand the same CpuLoop to their runners; only the compared factor differs. */
class CpuBoundSameCodeTest {

    @Test
    void t1ProcessesAndThreadsRunTheSameLoopUnderTheSameGil() throws Exception {
        // Guards T1: computeAll, gil=true, workers=4, PROCESS against PLATFORM_THREAD.
        CpuBoundBenchmark.Scaling processes = scaling(ExecutionModel.PROCESS, 4, true);
        CpuBoundBenchmark.Scaling threads = scaling(ExecutionModel.PLATFORM_THREAD, 4, true);
        try {
            assertNotNull(loop(processes).gil(), "processes run without the emulated GIL");
            assertNotNull(loop(threads).gil(), "threads run without the emulated GIL");
            assertEquals(loop(processes).toArgs(), loop(threads).toArgs());
            assertEquals(copies(processes), copies(threads));
            assertNotEquals(runner(processes).getClass(), runner(threads).getClass(), "the execution model is the factor");
        } finally {
            processes.close();
            threads.close();
        }
    }

    @Test
    void q3OneAndFourThreadsRunTheSameLoopOnTheSameRunner() throws Exception {
        // Guards Q3: computeAll, PLATFORM_THREAD, gil=false, 1 worker against 4.
        CpuBoundBenchmark.Scaling one = scaling(ExecutionModel.PLATFORM_THREAD, 1, false);
        CpuBoundBenchmark.Scaling four = scaling(ExecutionModel.PLATFORM_THREAD, 4, false);
        try {
            assertEquals(loop(one), loop(four));
            assertEquals(runner(one).getClass(), runner(four).getClass());
            assertEquals(1, copies(one));
            assertEquals(4, copies(four));
        } finally {
            one.close();
            four.close();
        }
    }

    private static CpuBoundBenchmark.Scaling scaling(ExecutionModel model, int workers, boolean gil) {
        CpuBoundBenchmark.Scaling state = new CpuBoundBenchmark.Scaling();
        state.model = model;
        state.workers = workers;
        state.gil = gil;
        state.iterations = 1_000;
        state.setUp();
        return state;
    }

    private static CpuLoop loop(CpuBoundBenchmark.Batch batch) throws ReflectiveOperationException {
        return Built.field(batch, "loop", CpuLoop.class);
    }

    private static int copies(CpuBoundBenchmark.Batch batch) throws ReflectiveOperationException {
        return Built.field(batch, "copies", Integer.class);
    }

    private static ConcurrentRunner runner(CpuBoundBenchmark.Batch batch) throws ReflectiveOperationException {
        return Built.field(batch, "runner", ConcurrentRunner.class);
    }
}
