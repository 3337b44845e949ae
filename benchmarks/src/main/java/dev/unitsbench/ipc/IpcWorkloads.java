package dev.unitsbench.ipc;

import dev.unitsbench.work.Workload;
import dev.unitsbench.work.WorkloadFactory;
import dev.unitsbench.work.WorkloadParams;
import dev.unitsbench.work.Workloads;

/** The child-JVM workloads of the IPC family: a channel's far end and the joinable queue's server. */
public final class IpcWorkloads implements WorkloadFactory {

    private enum Kind {
        /** {@code channel-peer CHANNEL FOLDER PORT}. */
        CHANNEL_PEER,
        /** {@code queue-server SOCKET}. */
        QUEUE_SERVER
    }

    @Override
    public Workload create(String kind, WorkloadParams params) {
        return switch (Workloads.kind(Kind.values(), kind)) {
            case CHANNEL_PEER -> new ChannelPeer(channel(params.next()), params.nextPath(), params.nextInt());
            case QUEUE_SERVER -> new QueueServer(params.nextPath());
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
