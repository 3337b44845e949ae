package dev.unitsbench.pinning;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The other end of a socket read that blocks for a known time: a server on 127.0.0.1 with one
 * connection per unit, each served by a platform thread of its own that reads a one-byte request,
 * sleeps {@code delay} and writes the byte back. Platform threads, so that the peer never takes a
 * carrier from the virtual threads being measured.
 *
 * <p>Bounded: at most {@link #MAX_CONNECTIONS} connections, a read timeout on every client socket,
 * and {@link #close()} waits a bounded time for every peer thread to end.
 */
final class DelayedReplyPeer implements AutoCloseable {

    /** More connections than this is a mistake in the params, not a benchmark. */
    static final int MAX_CONNECTIONS = 4_096;

    /** How long {@link #close()} waits for each peer thread to see its socket closed. */
    static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

    private final Duration delay;
    private final ServerSocket server;
    private final List<Socket> clients = new ArrayList<>();
    private final List<Socket> served = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();

    /**
     * Opens {@code connections} connections and a peer thread for each.
     *
     * @param readTimeout the longest a client's read may wait for its reply
     */
    DelayedReplyPeer(int connections, Duration delay, Duration readTimeout) throws IOException {
        if (connections < 1 || connections > MAX_CONNECTIONS) {
            throw new IllegalArgumentException("the socket peer takes 1 to " + MAX_CONNECTIONS
                    + " connections, got " + connections + ": lower unitsPerCarrier");
        }
        this.delay = delay;
        server = new ServerSocket();
        try {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), connections);
            server.setSoTimeout((int) CLOSE_WAIT.toMillis());
            for (int i = 0; i < connections; i++) {
                Socket client = new Socket();
                clients.add(client);
                client.connect(server.getLocalSocketAddress(), (int) CLOSE_WAIT.toMillis());
                client.setTcpNoDelay(true);
                client.setSoTimeout(Math.toIntExact(readTimeout.toMillis()));
                Socket peer = server.accept();
                served.add(peer);
                peer.setTcpNoDelay(true);
                threads.add(Thread.ofPlatform().daemon().name("pinning-peer-" + i).start(() -> serve(peer)));
            }
        } catch (IOException | RuntimeException e) {
            try {
                close();
            } catch (IOException | RuntimeException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    /** The client end of connection {@code i}. */
    Socket client(int i) {
        return clients.get(i);
    }

    /** The port the peer listens on, 127.0.0.1. */
    int port() {
        return server.getLocalPort();
    }

    /** Writes one byte and waits for the peer to send it back after the delay; fails on a wrong reply. */
    static void request(Socket client, int value) throws IOException {
        client.getOutputStream().write(value);
        int reply = client.getInputStream().read();
        if (reply != (value & 0xFF)) {
            throw new IOException("the socket peer replied " + reply + " to " + (value & 0xFF));
        }
    }

    /** Until the connection closes: read a byte, sleep the delay, write it back. */
    private void serve(Socket peer) {
        try (peer; InputStream in = peer.getInputStream(); OutputStream out = peer.getOutputStream()) {
            int b;
            while ((b = in.read()) >= 0) {
                Thread.sleep(delay);
                out.write(b);
            }
        } catch (IOException e) {
            // closed by close(): the peer's work is over
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether every peer thread has ended. */
    boolean stopped() {
        return threads.stream().noneMatch(Thread::isAlive);
    }

    /** Closes every socket and waits for the peer threads to end. */
    @Override
    public void close() throws IOException {
        IOException failure = null;
        for (Socket s : clients) {
            failure = closeQuietly(s, failure);
        }
        for (Socket s : served) {
            failure = closeQuietly(s, failure);
        }
        failure = closeQuietly(server, failure);
        try {
            for (Thread t : threads) {
                if (!t.join(CLOSE_WAIT)) {
                    throw new IllegalStateException(t.getName() + " did not end within " + CLOSE_WAIT + " of its socket closing");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static IOException closeQuietly(Closeable c, IOException failure) {
        try {
            c.close();
        } catch (IOException e) {
            if (failure == null) {
                return e;
            }
            failure.addSuppressed(e);
        }
        return failure;
    }
}
