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
                new Noop());
        for (Workload workload : workloads) {
            assertEquals(workload, Workloads.fromArgs(workload.toArgs(), processGil));
        }
    }

    @Test
    void aGilWorkloadGetsTheProcessGil() {
        CpuLoop loop = (CpuLoop) Workloads.fromArgs(List.of(CommonWorkloads.class.getName(), "cpu", "10", "gil"), processGil);
        assertSame(processGil, loop.gil());
    }

    @Test
    void badArgumentsSayWhatIsWrong() {
        String common = CommonWorkloads.class.getName();
        assertMessage(List.of(), "no workload given");
        assertMessage(List.of("cpu", "10", "free"), "unknown workload factory 'cpu'");
        assertMessage(List.of("java.lang.String", "cpu"), "is not a WorkloadFactory");
        assertMessage(List.of(common), "no workload kind given");
        assertMessage(List.of(common, "dance"), "unknown workload 'dance'");
        assertMessage(List.of(common, "cpu", "ten", "free"), "bad number");
        assertMessage(List.of(common, "cpu", "10"), "takes 2 arguments");
        assertMessage(List.of(common, "sleep", "10", "maybe"), "expected 'gil' or 'free'");
        assertMessage(List.of(common, "noop", "extra"), "takes 0 arguments");
    }

    @Test
    void aSingleKindFactoryTakesItsKindAloneAndNothingElse() {
        Workloads.expectOnly(List.of("echo"), "echo");
        IllegalArgumentException other = assertThrows(IllegalArgumentException.class,
                () -> Workloads.expectOnly(List.of("dance"), "echo"));
        assertTrue(other.getMessage().contains("unknown workload 'dance'; expected one of: echo"), other.getMessage());
        IllegalArgumentException extra = assertThrows(IllegalArgumentException.class,
                () -> Workloads.expectOnly(List.of("echo", "1"), "echo"));
        assertTrue(extra.getMessage().contains("takes 0 arguments"), extra.getMessage());
    }

    private void assertMessage(List<String> args, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Workloads.fromArgs(args, processGil));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
