package dev.unitsbench.switching;

import dev.unitsbench.work.EmulatedGil;
import dev.unitsbench.work.Workload;
import dev.unitsbench.work.WorkloadFactory;
import dev.unitsbench.work.Workloads;
import java.util.List;

/** The child-JVM workload of the switching family: the far end of a pipe ping-pong. */
public final class SwitchingWorkloads implements WorkloadFactory {

    @Override
    public Workload create(List<String> words, EmulatedGil processGil) {
        Workloads.expectOnly(words, "echo");
        return new Echo();
    }
}
