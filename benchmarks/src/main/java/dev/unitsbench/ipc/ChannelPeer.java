package dev.unitsbench.ipc;

import dev.unitsbench.work.Workload;
import dev.unitsbench.work.Workloads;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The far end of an inter-process channel (claim Q7): counts and checksums every message it
 * receives, echoes those that ask for it, and reports its count and checksum when asked, so the
 * sender can prove that nothing was lost or corrupted. In a child JVM it serves the child's end of
 * {@code channel}; {@link Channel#SHARED_MEMORY_THREADS} runs the same on a thread of the parent,
 * and the other channels between threads run {@link #serve} on a thread over their own end.
 *
 * @param channel which channel to serve
 * @param folder the private folder of the channel's files and sockets
 * @param port the parent's TCP port on 127.0.0.1 (for {@link Channel#TCP_LOOPBACK}; 0 otherwise)
 */
public record ChannelPeer(Channel channel, Path folder, int port) implements Workload {

    /** @return the number of messages received */
    @Override
    public long run() throws IOException {
        try (Link link = channel.peerEnd(folder, port)) {
            return serve(link);
        }
    }

    /**
     * Serves one end of a link until {@link Frame#BYE}.
     *
     * @return the number of messages ({@link Frame#DATA} and {@link Frame#ECHO}) received
     */
    public static long serve(Link link) throws IOException {
        CRC32C checksum = new CRC32C();
        long count = 0;
        byte[] summary = new byte[16];
        while (true) {
            Frame frame = link.receive();
            switch (frame.tag()) {
                case Frame.DATA -> {
                    checksum.update(frame.bytes(), 0, frame.length());
                    count++;
                }
                case Frame.ECHO -> {
                    checksum.update(frame.bytes(), 0, frame.length());
                    count++;
                    link.send(Frame.DATA, frame.bytes(), frame.length());
                }
                case Frame.REPORT -> {
                    ByteBuffer.wrap(summary).putLong(count).putLong(checksum.getValue());
                    link.send(Frame.SUMMARY, summary, summary.length);
                }
                case Frame.BYE -> {
                    return count;
                }
                default -> throw new IOException("corrupt stream: unknown frame tag " + frame.tag());
            }
        }
    }

    @Override
    public List<String> toArgs() {
        return Workloads.words(IpcWorkloads.class, "channel-peer", channel.name(), folder.toString(), Integer.toString(port));
    }
}
