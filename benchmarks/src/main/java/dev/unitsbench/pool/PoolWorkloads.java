package dev.unitsbench.pool;

import dev.unitsbench.work.EmulatedGil;
import dev.unitsbench.work.Workload;
import dev.unitsbench.work.WorkloadFactory;
import dev.unitsbench.work.Workloads;
import java.util.List;

/** The child-JVM workload of the pool family: a long-lived pool worker. */
public final class PoolWorkloads implements WorkloadFactory {

    @Override
    public Workload create(List<String> words, EmulatedGil processGil) {
        Workloads.expectOnly(words, "pool-worker");
        return new PoolWorker();
    }
}
