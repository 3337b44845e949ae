package dev.unitsbench.work;

/** The workloads several families share: the CPU loop, the sleep, the rendezvous, the no-op. */
public final class CommonWorkloads implements WorkloadFactory {

    private enum Kind {
        /** {@code cpu ITERATIONS gil|free}. */
        CPU,
        /** {@code sleep MILLIS gil|free}. */
        SLEEP,
        /** {@code rendezvous FOLDER PARTIES TIMEOUT_MILLIS}. */
        RENDEZVOUS,
        NOOP
    }

    @Override
    public Workload create(String kind, WorkloadParams params) {
        return switch (Workloads.kind(Kind.values(), kind)) {
            case CPU -> new CpuLoop(params.nextLong(), params.nextGil());
            case SLEEP -> new Sleep(params.nextLong(), params.nextGil());
            case RENDEZVOUS -> new Rendezvous(params.nextPath(), params.nextInt(), params.nextLong());
            case NOOP -> new Noop();
        };
    }
}
