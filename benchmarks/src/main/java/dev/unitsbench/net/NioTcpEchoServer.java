package dev.unitsbench.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * The tutorial's TCP echo server as event loops, the "asynchronous + non-blocking" style of
 * claim Q4: one loop thread per CPU, each with its own {@link Selector}, every channel
 * non-blocking. A loop never waits for one client; it waits for any of its channels to be ready,
 * then reads or writes what is ready without blocking. The first loop also accepts, and hands new
 * connections round-robin to the loops. This is what Python's asyncio does under its coroutines
 * (with one loop; the JVM has no GIL, so a loop per core is how Netty and friends run NIO, and
 * what makes the comparison with the multi-core thread styles fair).
 *
 * <p>A connection holds a buffer of {@link EchoProtocol#MAX_MESSAGE} bytes. Every complete line
 * in it is upper-cased in place and written back; if the socket does not take the whole answer,
 * the rest waits for {@code OP_WRITE} and the connection is not read meanwhile (a client that
 * sends without reading cannot make the server buffer without bound). A line longer than the
 * buffer closes the connection.
 */
public final class NioTcpEchoServer implements EchoServer {

    private static final long CLOSE_TIMEOUT_MILLIS = 10_000;

    private final ServerSocketChannel server;
    private final List<Loop> loops = new ArrayList<>();
    private final EchoCounts counts = new EchoCounts();
    private volatile boolean closing;
    private int nextLoop;              // used by the first loop only
    private boolean acceptFailureReported;

    private NioTcpEchoServer(ServerSocketChannel server) {
        this.server = server;
    }

    /** Starts a server on an ephemeral port with one event loop per CPU. */
    public static NioTcpEchoServer start() throws IOException {
        return start(Runtime.getRuntime().availableProcessors());
    }

    /** Starts a server on an ephemeral port with {@code loopCount} event loops. */
    public static NioTcpEchoServer start(int loopCount) throws IOException {
        if (loopCount < 1) {
            throw new IllegalArgumentException("an NIO server needs at least 1 event loop, got " + loopCount);
        }
        ServerSocketChannel server = ServerSocketChannel.open();
        NioTcpEchoServer echo = new NioTcpEchoServer(server);
        try {
            server.bind(new InetSocketAddress(EchoProtocol.LOOPBACK, 0), EchoProtocol.BACKLOG);
            server.configureBlocking(false);
            for (int i = 0; i < loopCount; i++) {
                echo.loops.add(echo.new Loop(i));
            }
            server.register(echo.loops.get(0).selector, SelectionKey.OP_ACCEPT);
        } catch (IOException | RuntimeException e) {
            server.close();
            for (Loop loop : echo.loops) {
                loop.selector.close();
            }
            throw e;
        }
        for (Loop loop : echo.loops) {
            loop.thread.start();
        }
        return echo;
    }

    @Override
    public int port() {
        return server.socket().getLocalPort();
    }

    /** The lines it has answered so far (it refuses no connection: one it cannot accept yet waits in the backlog). */
    public EchoCounts counts() {
        return counts;
    }

    /** What a loop keeps per connection. */
    private static final class Connection {
        final ByteBuffer in = ByteBuffer.allocate(EchoProtocol.MAX_MESSAGE);
        ByteBuffer pending; // the part of an answer the socket has not taken yet
    }

    /** One event loop: a thread, its selector, and the connections handed to it. */
    private final class Loop {
        final Selector selector;
        final Thread thread;
        final Queue<SocketChannel> handedOver = new ConcurrentLinkedQueue<>();

        Loop(int index) throws IOException {
            selector = Selector.open();
            thread = EchoStyle.NIO.model().threadBuilder("echo-nio-loop-" + index + "-").unstarted(this::run);
        }

        void run() {
            try {
                while (!closing) {
                    selector.select();
                    registerHandedOver();
                    Iterator<SelectionKey> ready = selector.selectedKeys().iterator();
                    while (ready.hasNext()) {
                        SelectionKey key = ready.next();
                        ready.remove();
                        try {
                            if (!key.isValid()) {
                                continue;
                            }
                            if (key.isAcceptable()) {
                                acceptReady(this);
                            } else if (key.isReadable()) {
                                read(key);
                            } else if (key.isWritable()) {
                                write(key);
                            }
                        } catch (IOException e) {
                            key.channel().close(); // this client failed or went away; the others go on
                        }
                    }
                }
            } catch (IOException e) {
                System.err.println(thread.getName() + ": stopped by " + e);
            } finally {
                for (SelectionKey key : selector.keys()) {
                    closeQuietly(key.channel());
                }
                SocketChannel orphan;
                while ((orphan = handedOver.poll()) != null) {
                    closeQuietly(orphan);
                }
                closeQuietly(selector);
            }
        }

        void handOver(SocketChannel client) {
            handedOver.add(client);
            selector.wakeup();
        }

        private void registerHandedOver() throws IOException {
            SocketChannel client;
            while ((client = handedOver.poll()) != null) {
                client.register(selector, SelectionKey.OP_READ, new Connection());
            }
        }
    }

    private void acceptReady(Loop acceptor) {
        SocketChannel client;
        try {
            while ((client = server.accept()) != null) {
                client.configureBlocking(false);
                client.setOption(StandardSocketOptions.TCP_NODELAY, true); // each answer is one write: send it at once
                Loop target = loops.get(nextLoop++ % loops.size());
                if (target == acceptor) {
                    client.register(acceptor.selector, SelectionKey.OP_READ, new Connection());
                } else {
                    target.handOver(client);
                }
            }
        } catch (IOException e) {
            // Not this loop's end: e.g. out of file descriptors. The client waits in the backlog.
            if (!acceptFailureReported) {
                acceptFailureReported = true;
                System.err.println("echo server on port " + port() + ": accept failed (" + e.getMessage()
                        + "); if it says 'Too many open files', raise the limit (ulimit -n) or use fewer connections");
            }
        }
    }

    private void read(SelectionKey key) throws IOException {
        SocketChannel channel = (SocketChannel) key.channel();
        Connection connection = (Connection) key.attachment();
        ByteBuffer in = connection.in;
        if (channel.read(in) < 0) {
            channel.close();
            return;
        }
        byte[] bytes = in.array();
        int end = in.position();
        int lastNewline = -1;
        int lines = 0;
        for (int i = 0; i < end; i++) {
            if (bytes[i] == '\n') {
                lastNewline = i;
                lines++;
            }
        }
        if (lastNewline < 0) {
            if (!in.hasRemaining()) {
                throw new IOException("line longer than " + (in.capacity() - 1) + " bytes");
            }
            return;
        }
        // Upper-casing is per byte, so all complete lines are upper-cased and answered in one write.
        EchoProtocol.upperInPlace(bytes, 0, lastNewline + 1);
        ByteBuffer answer = ByteBuffer.wrap(bytes, 0, lastNewline + 1);
        channel.write(answer);
        counts.served().add(lines);
        if (answer.hasRemaining()) {
            connection.pending = ByteBuffer.allocate(answer.remaining()).put(answer).flip();
            key.interestOps(SelectionKey.OP_WRITE);
        }
        in.limit(end).position(lastNewline + 1);
        in.compact();
    }

    private void write(SelectionKey key) throws IOException {
        Connection connection = (Connection) key.attachment();
        ((SocketChannel) key.channel()).write(connection.pending);
        if (!connection.pending.hasRemaining()) {
            connection.pending = null;
            key.interestOps(SelectionKey.OP_READ);
        }
    }

    /** Stops the loops, which close every connection, and closes the server socket; waits for the loops to end. */
    @Override
    public void close() throws IOException, InterruptedException {
        closing = true;
        for (Loop loop : loops) {
            loop.selector.wakeup();
        }
        boolean ended = true;
        for (Loop loop : loops) {
            loop.thread.join(CLOSE_TIMEOUT_MILLIS);
            ended &= !loop.thread.isAlive();
        }
        server.close();
        for (Loop loop : loops) {
            SocketChannel orphan; // handed over while its loop was ending
            while ((orphan = loop.handedOver.poll()) != null) {
                closeQuietly(orphan);
            }
        }
        if (!ended) {
            throw new IOException("the echo server's event loops did not end within " + TimeUnit.MILLISECONDS.toSeconds(CLOSE_TIMEOUT_MILLIS) + " s");
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // Closing anyway.
        }
    }
}
