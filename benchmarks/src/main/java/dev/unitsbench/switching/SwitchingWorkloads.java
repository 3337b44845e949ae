package dev.unitsbench.switching;

import dev.unitsbench.work.Workload;
import dev.unitsbench.work.WorkloadFactory;
import dev.unitsbench.work.WorkloadParams;
import dev.unitsbench.work.Workloads;

/** The child-JVM workload of the switching family: the far end of a pipe ping-pong. */
public final class SwitchingWorkloads implements WorkloadFactory {

    @Override
    public Workload create(String kind, WorkloadParams params) {
        Workloads.expectOnly(kind, "echo");
        return new Echo();
    }
}
