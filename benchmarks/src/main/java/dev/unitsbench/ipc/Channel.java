package dev.unitsbench.ipc;

import dev.unitsbench.model.ExecutionModel;
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
 * child JVM; two of them again between two threads of one JVM, with the same code at both ends;
 * and in-JVM queues between two threads. Each channel names the {@link ExecutionModel} its two
 * ends run on ({@link #model()}).
 */
public enum Channel {

    /** The child's standard input and output: two anonymous pipes, the tutorial's {@code Pipe()}. */
    PIPE(ExecutionModel.PROCESS),
    /** A Unix-domain stream socket, its file in the private folder. */
    UNIX_SOCKET(ExecutionModel.PROCESS),
    /** A TCP connection on 127.0.0.1 (loopback only), Nagle off: each message leaves at once. */
    TCP_LOOPBACK(ExecutionModel.PROCESS),
    /** Two ring buffers in a memory-mapped file ({@link MappedRing}), the tutorial's shared memory. */
    SHARED_MEMORY(ExecutionModel.PROCESS),
    /** Two plain files, appended by the writer and polled by the reader ({@link FileLane}). */
    FILE(ExecutionModel.PROCESS),
    /**
     * {@link #SHARED_MEMORY} between two platform threads of this JVM: the same mapped file, ring
     * class, framing, waiting and peer loop, the peer's end built by the very code the child runs
     * ({@link ChannelPeer#run()}), on a thread instead of in a child JVM. Only the process
     * boundary differs.
     */
    SHARED_MEMORY_THREADS(ExecutionModel.PLATFORM_THREAD),
    /**
     * Two kernel pipes ({@code java.nio.channels.Pipe}, pipe(2) on Linux) between two platform
     * threads of this JVM: a kernel channel without the process boundary. Its ends read and write
     * the pipes' channels, as the child's end of {@link #PIPE} does; the parent's end of
     * {@link #PIPE} goes through the {@code Process} streams instead.
     */
    PIPE_THREADS(ExecutionModel.PLATFORM_THREAD),
    /**
     * Two {@code ArrayBlockingQueue}s between two platform threads of this JVM ({@link QueueLink}):
     * a side that finds its queue empty (or full) blocks, and the other side's hand-over wakes it.
     */
    QUEUE_PLATFORM(ExecutionModel.PLATFORM_THREAD),
    /**
     * The same queues between two virtual threads: the peer is one, and the sending side is
     * another, handed each operation by the caller ({@link SendingEnd}).
     */
    QUEUE_VIRTUAL(ExecutionModel.VIRTUAL_THREAD),
    /**
     * Lock-free single-producer/single-consumer queues between two platform threads: a side that
     * finds its queue empty (or full) never blocks; it retries, waiting as a shared-memory ring's
     * side waits ({@link Idle}: spin, yield, then short parks).
     */
    QUEUE_SPIN_PLATFORM(ExecutionModel.PLATFORM_THREAD);

    private final ExecutionModel model;

    Channel(ExecutionModel model) {
        this.model = model;
    }

    /** What the two ends run on: child JVMs ({@code PROCESS}) or threads of one JVM. */
    public ExecutionModel model() {
        return model;
    }

    static final String SOCKET_FILE = "peer.sock";
    static final String RING_FILE = "rings.shm";
    static final String TO_PEER = "to-peer";
    static final String FROM_PEER = "from-peer";

    /** Whether the two ends are in different processes. */
    public boolean betweenProcesses() {
        return model == ExecutionModel.PROCESS;
    }

    /**
     * The child's end of a channel between processes, connecting to what the parent set up in
     * {@code folder} (or on {@code port} for TCP). {@link #SHARED_MEMORY_THREADS} builds its
     * peer's end here too, as {@link #SHARED_MEMORY}'s, on a thread of the parent.
     */
    public Link peerEnd(Path folder, int port) throws IOException {
        return switch (this) {
            case PIPE -> new StreamLink(
                    // Left open at the end: the child's result line follows on standard output.
                    new ChannelEnd(new FileInputStream(FileDescriptor.in).getChannel(),
                            new FileOutputStream(FileDescriptor.out).getChannel(), false));
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
            case SHARED_MEMORY_THREADS, PIPE_THREADS, QUEUE_PLATFORM, QUEUE_VIRTUAL, QUEUE_SPIN_PLATFORM -> throw new IllegalArgumentException(
                    this + " is a channel inside one JVM; a child JVM cannot serve it");
        };
    }

    static StreamLink socketLink(SocketChannel socket) {
        return new StreamLink(ChannelEnd.of(socket));
    }
}
