package dev.unitsbench.net;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.StandardSocketOptions;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * The tutorial's TCP echo server in blocking style: one acceptor thread accepts connections and
 * hands each to a unit that reads a line, answers it upper-cased, and reads the next, until the
 * client closes. The unit is a new virtual thread, a new platform thread, or a task on a fixed
 * pool of platform threads ({@link EchoStyle}).
 *
 * <p>A connection that cannot get a unit (the JVM cannot start another platform thread) is closed
 * at once and counted in {@link EchoCounts#refusedConnections()}: the client sees the connection drop,
 * nothing hangs. A pool that is busy queues the connection, which then waits unanswered until a
 * pool thread is free: with connections that stay open, that is until one closes.
 */
public final class BlockingTcpEchoServer implements EchoServer {

    /**
     * Threads of the {@link EchoStyle#THREAD_POOL} style: 200, the default {@code maxThreads} of
     * Tomcat's connector, the classic thread-per-request server.
     */
    public static final int POOL_THREADS = 200;

    /** How long {@link #close()} waits for the units to end once their sockets are closed. */
    private static final long CLOSE_TIMEOUT_SECONDS = 10;

    /** The bytes a connection's reader buffers: requests are about 40 bytes, and 10 000 connections must fit. */
    private static final int READ_BUFFER = 256;

    private final ServerSocket server;
    private final ExecutorService units;
    private final Acceptor acceptor;
    private final Set<Thread> platformThreads; // an executor is terminated a moment before its last thread has ended
    private final EchoCounts counts = new EchoCounts();

    private BlockingTcpEchoServer(ServerSocket server, ExecutorService units, Set<Thread> platformThreads, EchoStyle style) {
        this.server = server;
        this.units = units;
        this.platformThreads = platformThreads;
        this.acceptor = new Acceptor(server, units, counts, "echo-accept-" + style + "-", this::serve);
    }

    /**
     * Starts a server on {@code port} (0: an ephemeral port).
     *
     * @param reusePort bind with {@code SO_REUSEPORT}, so that other processes can bind the same
     *     port and the kernel spreads connections among them ({@link PreforkedEchoServer})
     */
    public static BlockingTcpEchoServer start(EchoStyle style, int port, boolean reusePort) throws IOException {
        Set<Thread> platformThreads = ConcurrentHashMap.newKeySet();
        ExecutorService units = switch (style) {
            case VIRTUAL_THREAD -> Executors.newThreadPerTaskExecutor(style.model().threadBuilder("echo-virtual-").factory());
            case PLATFORM_THREAD -> Executors.newThreadPerTaskExecutor(remembered(style.model().threadBuilder("echo-platform-").factory(), platformThreads));
            case THREAD_POOL -> Executors.newFixedThreadPool(POOL_THREADS, remembered(style.model().threadBuilder("echo-pool-").factory(), platformThreads));
            default -> throw new IllegalArgumentException(style + " is not a blocking style");
        };
        ServerSocket server = new ServerSocket();
        try {
            if (reusePort) {
                server.setOption(StandardSocketOptions.SO_REUSEPORT, true);
            }
            server.bind(new InetSocketAddress(EchoProtocol.LOOPBACK, port), EchoProtocol.BACKLOG);
        } catch (IOException | RuntimeException e) {
            server.close();
            units.shutdownNow();
            throw e;
        }
        BlockingTcpEchoServer echo = new BlockingTcpEchoServer(server, units, platformThreads, style);
        echo.acceptor.start();
        return echo;
    }

    @Override
    public int port() {
        return server.getLocalPort();
    }

    /** The lines it has answered and the connections it has refused so far. */
    public EchoCounts counts() {
        return counts;
    }

    private void serve(Socket client) {
        try (client) {
            client.setTcpNoDelay(true); // each answer is one write: send it at once
            EchoProtocol.answerLines(new BufferedInputStream(client.getInputStream(), READ_BUFFER), client.getOutputStream(), counts.served());
        } catch (IOException e) {
            // The client went away, sent a line too long, or close() closed the socket.
        } finally {
            acceptor.ended(client);
        }
    }

    /**
     * Stops accepting, closes every connection, and waits for the acceptor and every unit to end
     * (a pool's queued connections are closed without being served).
     */
    @Override
    public void close() throws IOException, InterruptedException {
        server.close();
        acceptor.closeAll(CLOSE_TIMEOUT_SECONDS);
        units.shutdownNow();
        if (!units.awaitTermination(CLOSE_TIMEOUT_SECONDS, TimeUnit.SECONDS) || acceptor.isAlive()) {
            throw new IOException("echo server threads did not end within " + CLOSE_TIMEOUT_SECONDS + " s of closing their sockets");
        }
        for (Thread thread : platformThreads) {
            thread.join(TimeUnit.SECONDS.toMillis(CLOSE_TIMEOUT_SECONDS));
        }
    }

    /** A thread factory that remembers the threads it made, so that {@link #close()} can wait until they have ended. */
    private static ThreadFactory remembered(ThreadFactory factory, Set<Thread> made) {
        return task -> {
            Thread thread = factory.newThread(task);
            made.add(thread);
            return thread;
        };
    }
}
