package dev.unitsbench.ipc;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;

/**
 * The ways two units exchange messages (claim Q7): five channels between the parent JVM and a
 * child JVM, and an in-JVM queue between two threads of one JVM as the baseline.
 */
public enum Channel {

    /** The child's standard input and output: two anonymous pipes, the tutorial's {@code Pipe()}. */
    PIPE,
    /** A Unix-domain stream socket, its file in the private folder. */
    UNIX_SOCKET,
    /** A TCP connection on 127.0.0.1 (loopback only), Nagle off: each message leaves at once. */
    TCP_LOOPBACK,
    /** Two ring buffers in a memory-mapped file ({@link MappedRing}), the tutorial's shared memory. */
    SHARED_MEMORY,
    /** Two plain files, appended by the writer and polled by the reader ({@link FileLane}). */
    FILE,
    /** Two {@code ArrayBlockingQueue}s between two platform threads of this JVM ({@link QueueLink}). */
    QUEUE_PLATFORM,
    /** The same queues between two virtual threads. */
    QUEUE_VIRTUAL;

    static final String SOCKET_FILE = "peer.sock";
    static final String RING_FILE = "rings.shm";
    static final String TO_PEER = "to-peer";
    static final String FROM_PEER = "from-peer";

    /** Whether the two ends are in different processes. */
    public boolean betweenProcesses() {
        return this != QUEUE_PLATFORM && this != QUEUE_VIRTUAL;
    }

    /**
     * The child's end of a channel between processes, connecting to what the parent set up in
     * {@code folder} (or on {@code port} for TCP).
     */
    public Link peerEnd(Path folder, int port) throws IOException {
        return switch (this) {
            case PIPE -> new StreamLink(
                    // Left open at the end: the child's result line follows on standard output.
                    new ChannelSource(new FileInputStream(FileDescriptor.in).getChannel(), false),
                    new ChannelSink(new FileOutputStream(FileDescriptor.out).getChannel(), false));
            case UNIX_SOCKET -> socketLink(SocketChannel.open(UnixDomainSocketAddress.of(folder.resolve(SOCKET_FILE))));
            case TCP_LOOPBACK -> {
                SocketChannel socket = SocketChannel.open(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
                socket.setOption(StandardSocketOptions.TCP_NODELAY, true);
                yield socketLink(socket);
            }
            case SHARED_MEMORY -> new StreamLink(
                    MappedRing.map(folder.resolve(RING_FILE), 0, Idle.UNWATCHED),
                    MappedRing.map(folder.resolve(RING_FILE), 1, Idle.UNWATCHED));
            case FILE -> new StreamLink(
                    new FileLane.Reader(folder, TO_PEER, Idle.UNWATCHED),
                    new FileLane.Writer(folder, FROM_PEER));
            case QUEUE_PLATFORM, QUEUE_VIRTUAL -> throw new IllegalArgumentException(
                    this + " is a channel inside one JVM; a child JVM cannot serve it");
        };
    }

    static StreamLink socketLink(SocketChannel socket) {
        return new StreamLink(new ChannelSource(socket, true), new ChannelSink(socket, true));
    }
}
