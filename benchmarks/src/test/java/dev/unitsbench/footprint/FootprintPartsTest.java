package dev.unitsbench.footprint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The parts of the footprint benchmark: reading /proc, parking threads, parking child JVMs. */
@Timeout(120)
class FootprintPartsTest {

    private static final boolean LINUX = System.getProperty("os.name").startsWith("Linux");

    @Test
    void procSaysThisJvmHoldsMemory() throws Exception {
        assumeTrue(LINUX, "reads /proc");
        ProcessMemory self = ProcessMemory.self();
        assertTrue(self.resident() > 1 << 20, "resident " + self.resident());
        assertTrue(self.proportional() > 0 && self.proportional() <= self.resident() + (1 << 20), self.toString());
        assertTrue(self.reserved() >= self.resident(), self.toString());
    }

    @Test
    void fieldsAreReadInKilobytes() {
        assertEquals(41234, ProcessMemory.kilobytes("Name:\tjava\nVmRSS:\t   41234 kB\n", "VmRSS:"));
    }

    @Test
    void everyParkedThreadParksAndEnds() throws Exception {
        for (Thread.Builder builder : new Thread.Builder[] {Thread.ofPlatform(), Thread.ofVirtual()}) {
            ParkedThreads threads = new ParkedThreads(builder, 200);
            threads.start(Duration.ofSeconds(30));
            assertEquals(200, threads.release());
        }
    }

    /**
     * The process-vs-thread memory row sets a child's Pss beside the growth of this JVM's Pss per
     * platform thread: the same reading of /proc (ProcessMemory.proportional) on both sides. Parked
     * platform threads hold pages of their own, so both that growth and the resident growth show.
     */
    @Test
    void parkedPlatformThreadsGrowThisJvmsPssAndResidentSet() throws Exception {
        assumeTrue(LINUX, "reads /proc");
        long[] growth = FootprintBenchmark.medianGrowthPerUnit(Thread.ofPlatform(), 500,
                snapshot -> snapshot.memory().proportional(), snapshot -> snapshot.memory().resident());
        assertEquals(2, growth.length);
        assertTrue(growth[0] > 0, "Pss per thread " + growth[0]);
        assertTrue(growth[1] > 0, "VmRSS per thread " + growth[1]);
    }

    @Test
    void parkedChildrenWaitForTheParentThenAllMeet() throws Exception {
        assumeTrue(LINUX, "the children's memory is read from /proc");
        try (ParkedChildren children = ParkedChildren.start(2, Duration.ofSeconds(60))) {
            List<Long> pids = children.pids();
            assertEquals(2, pids.size());
            for (long pid : pids) {
                assertTrue(ProcessMemory.of(pid).resident() > 1 << 20, "child " + pid + " holds no memory");
            }
            assertEquals(2, children.release(Duration.ofSeconds(60)));
        }
    }
}
