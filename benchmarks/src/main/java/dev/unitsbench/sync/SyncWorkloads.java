package dev.unitsbench.sync;

import dev.unitsbench.work.Workload;
import dev.unitsbench.work.WorkloadFactory;
import dev.unitsbench.work.WorkloadParams;
import dev.unitsbench.work.Workloads;

/** The child-JVM workloads of the coordination family: a ticket buyer, a tally unit, the dict server. */
public final class SyncWorkloads implements WorkloadFactory {

    private enum Kind {
        /** {@code tickets FOLDER GUARD THINK_MILLIS}. */
        TICKETS,
        /** {@code tally-unit KIND LOCATION KEYS UPDATES}. */
        TALLY_UNIT,
        /** {@code dict-server SOCKET}. */
        DICT_SERVER
    }

    @Override
    public Workload create(String kind, WorkloadParams params) {
        return switch (Workloads.kind(Kind.values(), kind)) {
            case TICKETS -> new TicketBuyer(params.nextPath(), TicketGuard.valueOf(params.next()), params.nextLong(),
                    new TicketBuyer.JvmLocks());
            case TALLY_UNIT -> new TallyUnit(SharedTally.Kind.valueOf(params.next()), params.nextPath(),
                    params.nextInt(), params.nextLong());
            case DICT_SERVER -> new DictServer(params.nextPath());
        };
    }
}
