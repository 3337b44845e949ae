package dev.unitsbench.work;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkloadsTest {

    private final EmulatedGil processGil = new EmulatedGil();

    @Test
    void everyWorkloadSurvivesTheTripThroughItsArguments() {
        List<Workload> workloads = List.of(
                CpuLoop.free(123),
                new CpuLoop(456, processGil),
                Sleep.of(7),
                new Sleep(8, processGil),
                new Rendezvous(Path.of("/tmp/some folder"), 3, 1000),
                new Noop(),
                new Echo(),
                new HoldFileLock(Path.of("/tmp/some.lock"), 50));
        for (Workload workload : workloads) {
            assertEquals(workload, Workloads.fromArgs(workload.toArgs(), processGil));
        }
    }

    @Test
    void aGilWorkloadGetsTheProcessGil() {
        CpuLoop loop = (CpuLoop) Workloads.fromArgs(List.of("cpu", "10", "gil"), processGil);
        assertSame(processGil, loop.gil());
    }

    @Test
    void badArgumentsSayWhatIsWrong() {
        assertMessage(List.of(), "no workload given");
        assertMessage(List.of("dance"), "unknown workload 'dance'");
        assertMessage(List.of("cpu", "ten", "free"), "bad number");
        assertMessage(List.of("cpu", "10"), "takes 2 arguments");
        assertMessage(List.of("sleep", "10", "maybe"), "expected 'gil' or 'free'");
        assertMessage(List.of("noop", "extra"), "takes 0 arguments");
    }

    private void assertMessage(List<String> args, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Workloads.fromArgs(args, processGil));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
