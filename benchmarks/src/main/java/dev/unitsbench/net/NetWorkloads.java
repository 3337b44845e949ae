package dev.unitsbench.net;

import dev.unitsbench.work.Workload;
import dev.unitsbench.work.WorkloadFactory;
import dev.unitsbench.work.WorkloadParams;
import dev.unitsbench.work.Workloads;

/** The child-JVM workloads of the echo-server family: a pre-forked server, a connection's server, and the load generator. */
public final class NetWorkloads implements WorkloadFactory {

    private enum Kind {
        /** {@code echo-server tcp|udp PORT}. */
        ECHO_SERVER,
        /** {@code echo-connection}. */
        ECHO_CONNECTION,
        /** {@code echo-load tcp|udp PORT CLIENTS PROBE_TIMEOUT_MILLIS}. */
        ECHO_LOAD
    }

    @Override
    public Workload create(String kind, WorkloadParams params) {
        return switch (Workloads.kind(Kind.values(), kind)) {
            case ECHO_SERVER -> new PreforkedServerChild(transport(params.next()), params.nextInt());
            case ECHO_CONNECTION -> new ConnectionChild();
            case ECHO_LOAD -> new EchoLoadChild(transport(params.next()), params.nextInt(), params.nextInt(), params.nextInt());
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
