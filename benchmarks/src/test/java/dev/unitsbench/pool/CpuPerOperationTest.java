package dev.unitsbench.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.unitsbench.work.CpuLoop;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The CPU clock behind the pool family's cpuMillisPerOp metric. */
class CpuPerOperationTest {

    @Test
    void countsTheCpuTimeAnOperationSpendsInThisJvm() {
        assumeTrue(Files.exists(Path.of("/proc/self/stat")), "reads Linux's /proc");
        CpuPerOperation cpu = new CpuPerOperation();
        cpu.reset();
        long sink = 0;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int op = 0; op < 2; op++) {
            cpu.start(List.of());
            // Compute until this thread has had 150 ms of CPU (bounded by 30 s of wall time on a busy machine).
            long cpuUntil = threads.getCurrentThreadCpuTime() + 150_000_000;
            long wallLimit = System.nanoTime() + 30_000_000_000L;
            while (threads.getCurrentThreadCpuTime() < cpuUntil && System.nanoTime() < wallLimit) {
                sink += CpuLoop.free(10_000).run();
            }
            cpu.stop(List.of());
        }
        assertTrue(sink != 1, "keeps the loop");
        // The process spent at least what this thread did; the kernel's 10 ms ticks round each reading.
        assertTrue(cpu.cpuMillisPerOp >= 150 - 2 * CpuPerOperation.MILLIS_PER_TICK, "mean " + cpu.cpuMillisPerOp + " ms");
        assertTrue(CpuPerOperation.ticks(List.of()) > 0, "this JVM has used some CPU");
    }

    @Test
    void aWorkerThatIsGoneMakesTheOperationUncounted() {
        assumeTrue(Files.exists(Path.of("/proc/self/stat")), "reads Linux's /proc");
        assertEquals(-1, CpuPerOperation.ticks(List.of(Long.MAX_VALUE)));
        assertEquals(0, CpuPerOperation.statTimes("no-such-process").length);
    }
}
