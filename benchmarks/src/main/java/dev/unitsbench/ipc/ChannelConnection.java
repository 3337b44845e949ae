package dev.unitsbench.ipc;

import dev.unitsbench.model.ChildJvmLauncher;
import dev.unitsbench.model.WorkerProcess;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.UnixDomainSocketAddress;
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
 * {@link ChannelPeer} for a channel between processes, a thread running the same loop for the
 * in-JVM queues. Opened once per benchmark trial, so that a benchmark measures the channel, not
 * the start of a JVM; {@link #close()} says goodbye, waits for the peer and, failing that, kills it.
 */
public final class ChannelConnection implements AutoCloseable {

    /** How long a child may take to start and connect: a JVM start-up, with room for a busy machine. */
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);

    /** How long a peer told goodbye may take to end before it is killed. */
    private static final Duration BYE_TIMEOUT = Duration.ofSeconds(5);

    private final Link link;
    private Path folder;
    private final WorkerProcess process;
    private final Thread thread;
    private final AtomicReference<Throwable> threadFailure;

    private ChannelConnection(Link link, WorkerProcess process, Thread thread, AtomicReference<Throwable> threadFailure) {
        this.link = link;
        this.process = process;
        this.thread = thread;
        this.threadFailure = threadFailure;
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
            case QUEUE_PLATFORM, QUEUE_VIRTUAL -> inJvm(channel, messageBytes, false);
            case QUEUE_SPIN_PLATFORM -> inJvm(channel, messageBytes, true);
            case PIPE -> {
                WorkerProcess child = WorkerProcess.startWithInput(ChildJvmLauncher.lean(), new ChannelPeer(channel, folder, 0));
                yield new ChannelConnection(new StreamLink(new StreamEnd(child.fromChild(), child.toChild())),
                        child, null, null);
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
            case SHARED_MEMORY -> {
                Path rings = folder.resolve(Channel.RING_FILE);
                WorkerProcess child = null;
                try {
                    child = WorkerProcess.start(ChildJvmLauncher.lean(), new ChannelPeer(channel, folder, 0));
                    Idle idle = new Idle(child::isAlive);
                    yield new ChannelConnection(new StreamLink(MappedRing.map(rings, 1, idle), MappedRing.map(rings, 0, idle)),
                            child, null, null);
                } catch (IOException | RuntimeException e) {
                    if (child != null) {
                        child.close();
                    }
                    throw e;
                }
            }
            case FILE -> {
                WorkerProcess child = WorkerProcess.start(ChildJvmLauncher.lean(), new ChannelPeer(channel, folder, 0));
                try {
                    Idle idle = new Idle(child::isAlive);
                    yield new ChannelConnection(new StreamLink(new FileLane.Reader(folder, Channel.FROM_PEER, idle),
                            new FileLane.Writer(folder, Channel.TO_PEER)), child, null, null);
                } catch (IOException | RuntimeException e) {
                    child.close();
                    throw e;
                }
            }
        };
    }

    private static ChannelConnection inJvm(Channel channel, int messageBytes, boolean spin) {
        int capacity = Math.max(2, MappedRing.CAPACITY / messageBytes);
        QueueLink[] ends = spin ? QueueLink.spinningPair(capacity) : QueueLink.pair(capacity);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread peer = channel.model().threadBuilder("queue-peer-").start(() -> {
            try {
                ChannelPeer.serve(ends[1]);
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        return new ChannelConnection(ends[0], null, peer, failure);
    }

    /** Starts the child, which connects to {@code server}, and accepts it (bounded in time). */
    private static ChannelConnection accept(ServerSocketChannel server, Channel channel, Path folder, int port)
            throws IOException, InterruptedException {
        WorkerProcess child = WorkerProcess.start(ChildJvmLauncher.lean(), new ChannelPeer(channel, folder, port));
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
            return new ChannelConnection(Channel.socketLink(socket), child, null, null);
        } catch (IOException | RuntimeException | InterruptedException e) {
            child.close();
            throw e;
        }
    }

    public Link link() {
        return link;
    }

    /** Tells the peer goodbye and waits for it to end; a peer that does not is killed. */
    @Override
    public void close() throws IOException, InterruptedException {
        try {
            link.send(Frame.BYE, new byte[0], 0);
        } catch (IOException e) {
            // The peer is gone already; below it is reaped or its failure reported.
        }
        try {
            if (process != null) {
                try {
                    process.join(BYE_TIMEOUT);
                } catch (TimeoutException | ExecutionException e) {
                    throw new IOException("the channel's peer did not end cleanly: " + e.getMessage(), e);
                } finally {
                    process.close();
                }
            } else {
                thread.join(BYE_TIMEOUT);
                if (thread.isAlive()) {
                    thread.interrupt();
                    throw new IOException("the in-JVM peer did not end within " + BYE_TIMEOUT);
                }
                if (threadFailure.get() != null) {
                    throw new IOException("the in-JVM peer failed: " + threadFailure.get(), threadFailure.get());
                }
            }
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
}
