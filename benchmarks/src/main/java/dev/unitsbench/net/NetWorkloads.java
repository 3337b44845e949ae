package dev.unitsbench.net;

import dev.unitsbench.work.EmulatedGil;
import dev.unitsbench.work.Workload;
import dev.unitsbench.work.WorkloadFactory;
import dev.unitsbench.work.Workloads;
import java.util.List;

/** The child-JVM workloads of the echo-server family: a pre-forked server worker and the load generator. */
public final class NetWorkloads implements WorkloadFactory {

    @Override
    public Workload create(List<String> words, EmulatedGil processGil) {
        return switch (words.get(0)) {
            case "echo-server" -> {
                Workloads.expectParams(words, 2);
                yield new EchoServerWorker(transport(words.get(1)), Integer.parseInt(words.get(2)));
            }
            case "echo-load" -> {
                Workloads.expectParams(words, 3);
                yield new EchoLoadWorker(transport(words.get(1)), Integer.parseInt(words.get(2)), Integer.parseInt(words.get(3)));
            }
            default -> throw Workloads.unknownKind(words, "echo-server, echo-load");
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
