package dev.unitsbench.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * The tutorial's TCP echo server as an event loop, the "asynchronous + non-blocking" style of
 * claim Q4: one thread, one {@link Selector}, every channel non-blocking. The thread never waits
 * for one client; it waits for any channel to be ready, then accepts, reads or writes what is
 * ready without blocking. This is what Python's asyncio does under its coroutines.
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
    private final Selector selector;
    private final Thread loop;
    private final LongAdder served = new LongAdder();
    private volatile boolean closing;

    private NioTcpEchoServer(ServerSocketChannel server, Selector selector) {
        this.server = server;
        this.selector = selector;
        this.loop = Thread.ofPlatform().name("echo-nio-loop").unstarted(this::runLoop);
    }

    /** Starts a server on an ephemeral port. */
    public static NioTcpEchoServer start() throws IOException {
        Selector selector = Selector.open();
        ServerSocketChannel server = ServerSocketChannel.open();
        try {
            server.bind(new InetSocketAddress(EchoProtocol.LOOPBACK, 0), EchoProtocol.BACKLOG);
            server.configureBlocking(false);
            server.register(selector, SelectionKey.OP_ACCEPT);
        } catch (IOException | RuntimeException e) {
            server.close();
            selector.close();
            throw e;
        }
        NioTcpEchoServer echo = new NioTcpEchoServer(server, selector);
        echo.loop.start();
        return echo;
    }

    @Override
    public int port() {
        return server.socket().getLocalPort();
    }

    /** Lines answered so far. */
    public long served() {
        return served.sum();
    }

    /** What the loop keeps per connection. */
    private static final class Connection {
        final ByteBuffer in = ByteBuffer.allocate(EchoProtocol.MAX_MESSAGE);
        ByteBuffer pending; // the part of an answer the socket has not taken yet
    }

    private void runLoop() {
        try {
            while (!closing) {
                selector.select();
                Iterator<SelectionKey> ready = selector.selectedKeys().iterator();
                while (ready.hasNext()) {
                    SelectionKey key = ready.next();
                    ready.remove();
                    try {
                        if (!key.isValid()) {
                            continue;
                        }
                        if (key.isAcceptable()) {
                            acceptReady();
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
            System.err.println("echo-nio-loop: stopped by " + e);
        } finally {
            for (SelectionKey key : selector.keys()) {
                closeQuietly(key.channel());
            }
            closeQuietly(selector);
            closeQuietly(server);
        }
    }

    private void acceptReady() {
        SocketChannel client;
        try {
            while ((client = server.accept()) != null) {
                client.configureBlocking(false);
                client.setOption(java.net.StandardSocketOptions.TCP_NODELAY, true);
                client.register(selector, SelectionKey.OP_READ, new Connection());
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

    private boolean acceptFailureReported;

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
        served.add(lines);
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

    /** Stops the loop, which closes every connection and the server socket, and waits for it to end. */
    @Override
    public void close() throws IOException, InterruptedException {
        closing = true;
        selector.wakeup();
        loop.join(CLOSE_TIMEOUT_MILLIS);
        if (loop.isAlive()) {
            throw new IOException("the echo server's event loop did not end within " + TimeUnit.MILLISECONDS.toSeconds(CLOSE_TIMEOUT_MILLIS) + " s");
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
