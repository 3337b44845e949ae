package dev.unitsbench.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unitsbench.harness.Built;
import dev.unitsbench.model.ConcurrentRunner;
import dev.unitsbench.model.ExecutionModel;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Param;

/*
 * Guards Q5's coroutine half: ManySleepersBenchmark virtualThreads against platformThreads at
 * workers=10000. Both run the same runner class (one thread per copy, joined after all started)
 * on the same Sleep, at a worker count both states declare; only the thread builder differs.
 */
class ManySleepersSameCodeTest {

    @Test
    void virtualAndPlatformSleepersRunTheSameRunnerOnTheSameSleepAtTheComparedCount() throws Exception {
        assertTrue(params(ManySleepersBenchmark.VirtualSleepers.class).contains("10000"), "the compared count, virtual");
        assertTrue(params(ManySleepersBenchmark.PlatformSleepers.class).contains("10000"), "the compared count, platform");
        assertEquals(List.of("1000000"), params(ManySleepersBenchmark.MillionVirtualSleepers.class), "a million, in a state of its own");

        ManySleepersBenchmark bench = new ManySleepersBenchmark();
        bench.sleepMillis = 20;
        ManySleepersBenchmark.VirtualSleepers virtual = new ManySleepersBenchmark.VirtualSleepers();
        virtual.model = ExecutionModel.VIRTUAL_THREAD;
        virtual.workers = 200;
        ManySleepersBenchmark.PlatformSleepers platform = new ManySleepersBenchmark.PlatformSleepers();
        platform.model = ExecutionModel.PLATFORM_THREAD;
        platform.workers = 200;
        virtual.openRunner();
        platform.openRunner();
        try {
            assertEquals(virtual.runner().getClass(), platform.runner().getClass(), "one thread per copy on both sides");
            assertTrue(builder(virtual.runner()).unstarted(() -> { }).isVirtual());
            assertFalse(builder(platform.runner()).unstarted(() -> { }).isVirtual());
            assertEquals(bench.virtualThreads(virtual, new ManySleepersBenchmark.HeapPeak()), bench.platformThreads(platform),
                    "the same copies of the same sleep, all ended");
        } finally {
            virtual.closeRunner();
            platform.closeRunner();
        }
    }

    private static List<String> params(Class<?> state) throws NoSuchFieldException {
        return Arrays.asList(state.getField("workers").getAnnotation(Param.class).value());
    }

    private static Thread.Builder builder(ConcurrentRunner runner) throws ReflectiveOperationException {
        return Built.field(runner, "builder", Thread.Builder.class);
    }
}
