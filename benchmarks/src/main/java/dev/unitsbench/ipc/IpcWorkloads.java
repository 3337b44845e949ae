package dev.unitsbench.ipc;

import dev.unitsbench.work.EmulatedGil;
import dev.unitsbench.work.Workload;
import dev.unitsbench.work.WorkloadFactory;
import dev.unitsbench.work.Workloads;
import java.nio.file.Path;
import java.util.List;

/** The child-JVM workloads of the IPC family: a channel's far end and the joinable queue's server. */
public final class IpcWorkloads implements WorkloadFactory {

    @Override
    public Workload create(List<String> words, EmulatedGil processGil) {
        return switch (words.get(0)) {
            case "channel-peer" -> {
                Workloads.expectParams(words, 3);
                yield new ChannelPeer(channel(words.get(1)), Path.of(words.get(2)), Integer.parseInt(words.get(3)));
            }
            case "queue-server" -> {
                Workloads.expectParams(words, 1);
                yield new QueueServer(Path.of(words.get(1)));
            }
            default -> throw Workloads.unknownKind(words, "channel-peer, queue-server");
        };
    }

    private static Channel channel(String word) {
        try {
            Channel channel = Channel.valueOf(word);
            if (channel.betweenProcesses()) {
                return channel;
            }
        } catch (IllegalArgumentException e) {
            // Said below.
        }
        throw new IllegalArgumentException("expected a channel between processes (PIPE, UNIX_SOCKET, TCP_LOOPBACK, SHARED_MEMORY, FILE), got '" + word + "'");
    }
}
