package dev.unitsbench.ipc;

import dev.unitsbench.model.ChildJvmLauncher;
import dev.unitsbench.model.ChildJvm;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Pipe;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The parent's end of a {@link Channel} and the peer behind it: a long-lived child JVM running
 * {@link ChannelPeer} for a channel between processes, a thread of this JVM running the same loop
 * for a channel between threads. Opened once per benchmark trial, so that a benchmark measures the
 * channel, not the start of a JVM; {@link #close()} says goodbye, waits for the peer and, failing
 * that, kills (or interrupts) it.
 */
public final class ChannelConnection implements AutoCloseable {

    /** How long a child may take to start and connect: a JVM start-up, with room for a busy machine. */
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);

    /** How long a peer told goodbye may take to end before it is killed. */
    private static final Duration BYE_TIMEOUT = Duration.ofSeconds(5);

    private final Link link;
    private final Peer peer;
    private final SendingEnd sendingEnd;
    private Path folder;

    private ChannelConnection(Link link, Peer peer, SendingEnd sendingEnd) {
        this.link = link;
        this.peer = peer;
        this.sendingEnd = sendingEnd;
    }

    /**
     * Opens {@code channel} with its files and sockets in {@code folder} (private, owner-only);
     * {@code messageBytes} sizes the in-JVM queues to hold about as many bytes as a mapped ring.
     */
    public static ChannelConnection open(Channel channel, Path folder, int messageBytes) throws IOException, InterruptedException {
        ChannelConnection connection = connect(channel, folder, messageBytes);
        connection.folder = folder;
        return connection;
    }

    private static ChannelConnection connect(Channel channel, Path folder, int messageBytes) throws IOException, InterruptedException {
        return switch (channel) {
            case QUEUE_PLATFORM, QUEUE_VIRTUAL -> queues(channel, QueueLink.pair(queueCapacity(messageBytes), messageBytes));
            case QUEUE_SPIN_PLATFORM -> queues(channel, QueueLink.spinningPair(queueCapacity(messageBytes), messageBytes));
            case PIPE -> {
                ChannelPeer workload = new ChannelPeer(channel, folder, 0);
                ChildJvm child = ChildJvm.startWithInput(ChildJvmLauncher.lean(), workload);
                yield new ChannelConnection(new StreamLink(new StreamEnd(child.fromChild(), child.toChild())),
                        new ChildPeer(child, workload), SendingEnd.CALLER);
            }
            case PIPE_THREADS -> {
                // Two kernel pipes, as PIPE's, between two threads; each end reads one, writes the other.
                Pipe there = Pipe.open();
                Pipe back = Pipe.open();
                StreamLink peerLink = new StreamLink(new ChannelEnd(there.source(), back.sink(), true));
                yield new ChannelConnection(new StreamLink(new ChannelEnd(back.source(), there.sink(), true)),
                        ThreadPeer.start(channel, peerLink), SendingEnd.CALLER);
            }
            case UNIX_SOCKET -> {
                Path socketFile = folder.resolve(Channel.SOCKET_FILE);
                try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
                    server.bind(UnixDomainSocketAddress.of(socketFile));
                    try {
                        yield accept(server, channel, folder, 0);
                    } finally {
                        Files.deleteIfExists(socketFile);
                    }
                }
            }
            case TCP_LOOPBACK -> {
                try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.INET)) {
                    server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                    yield accept(server, channel, folder, ((InetSocketAddress) server.getLocalAddress()).getPort());
                }
            }
            case SHARED_MEMORY, SHARED_MEMORY_THREADS -> {
                // The same peer either way (the child's end of SHARED_MEMORY), in a child JVM or on a thread.
                ChannelPeer workload = new ChannelPeer(Channel.SHARED_MEMORY, folder, 0);
                Peer peer = startPeer(channel, workload);
                try {
                    Path rings = folder.resolve(Channel.RING_FILE);
                    Idle idle = new Idle(peer::isAlive);
                    yield new ChannelConnection(new StreamLink(MappedRing.map(rings, 1, idle), MappedRing.map(rings, 0, idle)),
                            peer, SendingEnd.CALLER);
                } catch (IOException | RuntimeException e) {
                    peer.stop();
                    throw e;
                }
            }
            case FILE -> {
                ChannelPeer workload = new ChannelPeer(channel, folder, 0);
                Peer peer = startPeer(channel, workload);
                try {
                    Idle idle = new Idle(peer::isAlive);
                    yield new ChannelConnection(new StreamLink(new FileLane.Reader(folder, Channel.FROM_PEER, idle),
                            new FileLane.Writer(folder, Channel.TO_PEER)), peer, SendingEnd.CALLER);
                } catch (IOException | RuntimeException e) {
                    peer.stop();
                    throw e;
                }
            }
        };
    }

    /** Messages per queue: about as many bytes as a mapped ring holds, and at least two. */
    private static int queueCapacity(int messageBytes) {
        return Math.max(2, MappedRing.CAPACITY / messageBytes);
    }

    private static ChannelConnection queues(Channel channel, QueueLink[] ends) {
        return new ChannelConnection(ends[0], ThreadPeer.start(channel, ends[1]), SendingEnd.of(channel.model()));
    }

    /** Starts {@code workload} in a child JVM for a channel between processes, else on a thread of the channel's model. */
    private static Peer startPeer(Channel channel, ChannelPeer workload) throws IOException {
        if (channel.betweenProcesses()) {
            return new ChildPeer(ChildJvm.start(ChildJvmLauncher.lean(), workload), workload);
        }
        return ThreadPeer.start(channel, workload::run, workload);
    }

    /** Starts the child, which connects to {@code server}, and accepts it (bounded in time). */
    private static ChannelConnection accept(ServerSocketChannel server, Channel channel, Path folder, int port)
            throws IOException, InterruptedException {
        ChannelPeer workload = new ChannelPeer(channel, folder, port);
        ChildJvm child = ChildJvm.start(ChildJvmLauncher.lean(), workload);
        try {
            server.configureBlocking(false);
            long deadline = System.nanoTime() + CONNECT_TIMEOUT.toNanos();
            SocketChannel socket;
            while ((socket = server.accept()) == null) {
                if (!child.isAlive() || System.nanoTime() > deadline) {
                    throw new IOException("the " + channel + " peer did not connect"
                            + (child.isAlive() ? " within " + CONNECT_TIMEOUT : "; it exited first (its standard error is above)"));
                }
                Thread.sleep(5);
            }
            socket.configureBlocking(true);
            if (channel == Channel.TCP_LOOPBACK) {
                socket.setOption(StandardSocketOptions.TCP_NODELAY, true);
            }
            return new ChannelConnection(Channel.socketLink(socket), new ChildPeer(child, workload), SendingEnd.CALLER);
        } catch (IOException | RuntimeException | InterruptedException e) {
            child.close();
            throw e;
        }
    }

    public Link link() {
        return link;
    }

    /** The thread the sending side runs on: the caller's own, or for virtual threads one of them. */
    SendingEnd sendingEnd() {
        return sendingEnd;
    }

    /** What the peer runs, in a child JVM or on a thread: {@code null} for a queue or a pipe between threads. */
    ChannelPeer peerWorkload() {
        return peer.workload();
    }

    /** The thread serving the far end, or {@code null} if a child JVM serves it. */
    Thread peerThread() {
        return peer instanceof ThreadPeer threadPeer ? threadPeer.thread : null;
    }

    /** Tells the peer goodbye and waits for it to end; a peer that does not is killed (or interrupted). */
    @Override
    public void close() throws IOException, InterruptedException {
        try {
            link.send(Frame.BYE, new byte[0], 0);
        } catch (IOException e) {
            // The peer is gone already; below it is reaped or its failure reported.
        }
        try (sendingEnd) {
            peer.awaitEnd(BYE_TIMEOUT);
        } finally {
            try {
                link.close();
            } finally {
                deleteChannelFiles();
            }
        }
    }

    /** Removes the files this channel made in the folder (the folder is the caller's). */
    private void deleteChannelFiles() throws IOException {
        if (folder == null) {
            return;
        }
        Files.deleteIfExists(folder.resolve(Channel.RING_FILE));
        Files.deleteIfExists(folder.resolve(Channel.SOCKET_FILE));
        try (DirectoryStream<Path> lanes = Files.newDirectoryStream(folder, "{" + Channel.TO_PEER + "," + Channel.FROM_PEER + "}.*")) {
            for (Path lane : lanes) {
                Files.deleteIfExists(lane);
            }
        }
    }

    /** What serves the far end: a child JVM or a thread of this JVM. */
    private sealed interface Peer permits ChildPeer, ThreadPeer {

        boolean isAlive();

        /** The workload the peer runs, or {@code null} for a thread serving a queue or a pipe of its own. */
        ChannelPeer workload();

        /** Waits for the peer, told goodbye, to end; one that does not is stopped. A failure is reported. */
        void awaitEnd(Duration timeout) throws IOException, InterruptedException;

        /** Stops the peer at once (its set-up failed). */
        void stop() throws InterruptedException;
    }

    private record ChildPeer(ChildJvm process, ChannelPeer workload) implements Peer {

        @Override
        public boolean isAlive() {
            return process.isAlive();
        }

        @Override
        public void awaitEnd(Duration timeout) throws IOException, InterruptedException {
            try {
                process.join(timeout);
            } catch (TimeoutException | ExecutionException e) {
                throw new IOException("the channel's peer did not end cleanly: " + e.getMessage(), e);
            } finally {
                process.close();
            }
        }

        @Override
        public void stop() {
            process.close();
        }
    }

    private record ThreadPeer(Thread thread, AtomicReference<Throwable> failure, ChannelPeer workload) implements Peer {

        /** What the peer's thread runs: {@link ChannelPeer#serve} on its end, until goodbye. */
        interface Serving {
            long serve() throws Exception;
        }

        static ThreadPeer start(Channel channel, Link end) {
            return start(channel, () -> {
                try (end) {
                    return ChannelPeer.serve(end);
                }
            }, null);
        }

        static ThreadPeer start(Channel channel, Serving serving, ChannelPeer workload) {
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread thread = channel.model().threadBuilder("channel-peer-").start(() -> {
                try {
                    serving.serve();
                } catch (Throwable e) {
                    failure.set(e);
                }
            });
            return new ThreadPeer(thread, failure, workload);
        }

        @Override
        public boolean isAlive() {
            return thread.isAlive();
        }

        @Override
        public void awaitEnd(Duration timeout) throws IOException, InterruptedException {
            if (!thread.join(timeout)) {
                stop();
                throw new IOException("the in-JVM peer did not end within " + timeout);
            }
            if (failure.get() != null) {
                throw new IOException("the in-JVM peer failed: " + failure.get(), failure.get());
            }
        }

        @Override
        public void stop() throws InterruptedException {
            thread.interrupt();
            thread.join(BYE_TIMEOUT);
        }
    }
}
