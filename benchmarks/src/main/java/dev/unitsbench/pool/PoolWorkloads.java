package dev.unitsbench.pool;

import dev.unitsbench.work.Workload;
import dev.unitsbench.work.WorkloadFactory;
import dev.unitsbench.work.WorkloadParams;
import dev.unitsbench.work.Workloads;

/** The child-JVM workload of the pool family: a long-lived pool worker. */
public final class PoolWorkloads implements WorkloadFactory {

    @Override
    public Workload create(String kind, WorkloadParams params) {
        Workloads.expectOnly(kind, "pool-worker");
        return new PoolWorker();
    }
}
