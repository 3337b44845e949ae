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
        assertMessage(List.of(common, "dance"), "unknown workload 'dance'; expected one of: cpu, sleep, rendezvous, noop");
        assertMessage(List.of(common, "cpu", "ten", "free"), "bad number");
        assertMessage(List.of(common, "cpu", "10"), "workload 'cpu' takes more arguments than the 1 given: [10]");
        assertMessage(List.of(common, "sleep", "10", "maybe"), "expected 'gil' or 'free'");
        assertMessage(List.of(common, "noop", "extra"), "workload 'noop' takes 0 arguments, got [extra]");
        assertMessage(List.of(common, "rendezvous", "/tmp", "2", "10", "20"), "workload 'rendezvous' takes 3 arguments, got [/tmp, 2, 10, 20]");
    }

    @Test
    void anUnknownKindIsAnsweredWithExactlyTheFactorysKinds() {
        String factory = TwoKinds.class.getName();
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> Workloads.fromArgs(List.of(factory, "cpu"), processGil));
        assertEquals("unknown workload 'cpu'; expected one of: first-kind, second", unknown.getMessage());
        assertEquals(new Noop(), Workloads.fromArgs(List.of(factory, "first-kind"), processGil));
        assertEquals(Sleep.of(5), Workloads.fromArgs(List.of(factory, "second", "5"), processGil));
        assertMessage(List.of(factory, "first-kind", "1"), "workload 'first-kind' takes 0 arguments, got [1]");
        assertMessage(List.of(factory, "second"), "workload 'second' takes more arguments than the 0 given: []");
        assertMessage(List.of(factory, "FIRST_KIND"), "unknown workload 'FIRST_KIND'");
    }

    @Test
    void aSingleKindFactoryTakesItsKindAlone() {
        Workloads.expectOnly("echo", "echo");
        IllegalArgumentException other = assertThrows(IllegalArgumentException.class,
                () -> Workloads.expectOnly("dance", "echo"));
        assertEquals("unknown workload 'dance'; expected one of: echo", other.getMessage());
    }

    @Test
    void aKindsWordIsItsConstantInLowerCaseWithHyphens() {
        assertEquals("first-kind", Workloads.word(TwoKinds.Kind.FIRST_KIND));
    }

    /** A factory of two kinds, one without parameters and one with. */
    public static final class TwoKinds implements WorkloadFactory {

        enum Kind { FIRST_KIND, SECOND }

        @Override
        public Workload create(String kind, WorkloadParams params) {
            return switch (Workloads.kind(Kind.values(), kind)) {
                case FIRST_KIND -> new Noop();
                case SECOND -> Sleep.of(params.nextLong());
            };
        }
    }

    private void assertMessage(List<String> args, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Workloads.fromArgs(args, processGil));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
