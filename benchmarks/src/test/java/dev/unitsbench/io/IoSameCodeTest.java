package dev.unitsbench.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.unitsbench.harness.Built;
import dev.unitsbench.model.ExecutionModel;
import dev.unitsbench.model.JoinOrder;
import dev.unitsbench.work.Sleep;
import org.junit.jupiter.api.Test;

/** The two sides of T2 and T4 hand the same Sleep to their runners; only the compared factor differs. */
class IoSameCodeTest {

    @Test
    void t2EveryModelSleepsTheSameSleep() throws Exception {
        // Guards T2: sleepAll, workers=400, PLATFORM_THREAD and VIRTUAL_THREAD against PROCESS.
        Sleep processes = sleep(ExecutionModel.PROCESS);
        assertEquals(Sleep.of(2000), processes, "the tutorial's time.sleep(2), without a GIL");
        assertEquals(processes, sleep(ExecutionModel.PLATFORM_THREAD));
        assertEquals(processes, sleep(ExecutionModel.VIRTUAL_THREAD));
    }

    @Test
    void t4BothJoinOrdersSleepTheSameSleepUnderTheSameModel() throws Exception {
        // Guards T4: JoinOrderBenchmark.sleepAll, AFTER_ALL_STARTED against AFTER_EACH_START.
        for (ExecutionModel model : new ExecutionModel[] {ExecutionModel.PROCESS, ExecutionModel.PLATFORM_THREAD}) {
            JoinOrderBenchmark all = joinOrder(model, JoinOrder.AFTER_ALL_STARTED);
            JoinOrderBenchmark each = joinOrder(model, JoinOrder.AFTER_EACH_START);
            assertEquals(Built.field(all, "sleep", Sleep.class), Built.field(each, "sleep", Sleep.class), model.name());
            assertEquals(all.workers, each.workers, model.name());
        }
    }

    private static Sleep sleep(ExecutionModel model) throws ReflectiveOperationException {
        SleepBenchmark benchmark = new SleepBenchmark();
        benchmark.model = model;
        benchmark.workers = 400;
        benchmark.sleepMillis = 2000;
        benchmark.setUp();
        return Built.field(benchmark, "sleep", Sleep.class);
    }

    private static JoinOrderBenchmark joinOrder(ExecutionModel model, JoinOrder join) {
        JoinOrderBenchmark benchmark = new JoinOrderBenchmark();
        benchmark.model = model;
        benchmark.join = join;
        benchmark.workers = 10;
        benchmark.sleepMillis = 200;
        benchmark.setUp();
        return benchmark;
    }
}
