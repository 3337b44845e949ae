package dev.unitsbench.model;

import dev.unitsbench.work.Workload;
import dev.unitsbench.work.WorkloadFactory;
import dev.unitsbench.work.WorkloadParams;
import dev.unitsbench.work.Workloads;

/** The child-JVM workloads of the process-semantics tests (claim Q11). */
public final class SemanticsWorkloads implements WorkloadFactory {

    private enum Kind {
        /** {@code hold-lock FILE MILLIS}. */
        HOLD_LOCK,
        /** {@code hold-shared-lock FILE MILLIS}. */
        HOLD_SHARED_LOCK
    }

    @Override
    public Workload create(String kind, WorkloadParams params) {
        return switch (Workloads.kind(Kind.values(), kind)) {
            case HOLD_LOCK -> new HoldFileLock(params.nextPath(), params.nextLong());
            case HOLD_SHARED_LOCK -> new HoldSharedLock(params.nextPath(), params.nextLong());
        };
    }
}
