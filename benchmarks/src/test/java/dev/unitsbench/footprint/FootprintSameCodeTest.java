package dev.unitsbench.footprint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.unitsbench.harness.Built;
import dev.unitsbench.harness.ChildCommand;
import dev.unitsbench.model.ChildJvm;
import dev.unitsbench.model.ChildJvmLauncher;
import dev.unitsbench.model.ExecutionModel;
import dev.unitsbench.work.Rendezvous;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/*
 * Guards Q1's memory row: processes' proportionalBytesPerUnit against platformThreads'. Both read
 * the same /proc figure (ProcessMemory.proportional) while every unit of the operation is alive and
 * waiting, then let every unit end. A parked child is the lean child JVM that ExecutionModel.PROCESS
 * runs, waiting in a Rendezvous of all the children and the parent; a parked thread is a thread of
 * the benchmark's PLATFORM_THREAD model waiting in LockSupport.park. The unit is the factor; how
 * each waits differs (a child polls its folder every 5 ms and sleeps between polls; a thread parks).
 */
@Timeout(120)
class FootprintSameCodeTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Test
    void everyParkedChildIsTheLeanChildWaitingForAllTheOthersWhileItsPssIsRead() throws Exception {
        assumeTrue(System.getProperty("os.name").startsWith("Linux"), "reads /proc");
        int units = 2;
        try (ParkedChildren parked = ParkedChildren.start(units, TIMEOUT)) {
            List<?> children = Built.field(parked, "children", List.class);
            assertEquals(units, children.size());
            for (Object child : children) {
                ChildCommand command = ChildCommand.of((ChildJvm) child);
                assertEquals(ChildCommand.launcherArguments(ChildJvmLauncher.lean()), command.launcher(),
                        "the child PROCESS runs (ExecutionModel.open: the lean launcher)");
                Rendezvous rendezvous = assertInstanceOf(Rendezvous.class, command.workload());
                assertEquals(units + 1, rendezvous.parties(), "every child and the parent meet");
            }
            for (long pid : parked.pids()) {
                assertTrue(ProcessMemory.of(pid).proportional() > 0, "a waiting child's Pss is read from /proc");
            }
            assertEquals(units, parked.release(TIMEOUT), "every child waited for all the others, then ended");
        }
    }

    @Test
    void theParkedThreadsAreThoseOfTheBenchmarksModelAndAllEnd() throws Exception {
        FootprintBenchmark.PlatformUnits state = new FootprintBenchmark.PlatformUnits();
        state.model = ExecutionModel.PLATFORM_THREAD;
        ParkedThreads threads = new ParkedThreads(state.model.threadBuilder("parked-platform-"), 50);
        threads.start(TIMEOUT);
        try {
            for (Thread thread : Built.field(threads, "threads", Thread[].class)) {
                assertFalse(thread.isVirtual(), "a platform thread per unit");
                long deadline = System.nanoTime() + TIMEOUT.toNanos();
                while (thread.getState() != Thread.State.WAITING && System.nanoTime() < deadline) {
                    Thread.sleep(1); // between its arrival and its park
                }
                assertEquals(Thread.State.WAITING, thread.getState(), "parked while memory is read");
            }
        } finally {
            assertEquals(50, threads.release(), "every thread parked and ended");
        }
    }
}
