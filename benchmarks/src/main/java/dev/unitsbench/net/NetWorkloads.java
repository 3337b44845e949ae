package dev.unitsbench.net;

import dev.unitsbench.work.Workload;
import dev.unitsbench.work.WorkloadFactory;
import dev.unitsbench.work.WorkloadParams;
import dev.unitsbench.work.Workloads;

/** The child-JVM workloads of the echo-server family: a pre-forked server worker and the load generator. */
public final class NetWorkloads implements WorkloadFactory {

    private enum Kind {
        /** {@code echo-server tcp|udp PORT}. */
        ECHO_SERVER,
        /** {@code echo-load tcp|udp PORT CLIENTS}. */
        ECHO_LOAD
    }

    @Override
    public Workload create(String kind, WorkloadParams params) {
        return switch (Workloads.kind(Kind.values(), kind)) {
            case ECHO_SERVER -> new EchoServerWorker(transport(params.next()), params.nextInt());
            case ECHO_LOAD -> new EchoLoadWorker(transport(params.next()), params.nextInt(), params.nextInt());
        };
    }

    private static EchoTransport transport(String word) {
        return switch (word) {
            case "tcp" -> EchoTransport.TCP;
            case "udp" -> EchoTransport.UDP;
            default -> throw new IllegalArgumentException("expected 'tcp' or 'udp', got '" + word + "'");
        };
    }
}
