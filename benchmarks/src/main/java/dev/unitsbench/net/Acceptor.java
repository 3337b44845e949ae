package dev.unitsbench.net;

import dev.unitsbench.model.ExecutionModel;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The accept loop of the blocking TCP echo servers: one platform thread accepts connections until
 * the server socket is closed and hands each to {@code serve} on a unit of the server's executor.
 * A connection that no unit takes (the JVM cannot start another thread, or the server is closing)
 * is closed at once and counted in {@link EchoCounts#refusedConnections()}: the client sees the
 * connection drop, nothing hangs. It keeps the open connections, so that the server can close
 * them all.
 */
final class Acceptor {

    private final ServerSocket server;
    private final ExecutorService units;
    private final EchoCounts counts;
    private final Consumer<Socket> serve;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Thread thread;
    private boolean failureReported;

    /** An acceptor not yet started; {@code serve} runs on a unit of {@code units} and must call {@link #ended} last. */
    Acceptor(ServerSocket server, ExecutorService units, EchoCounts counts, String name, Consumer<Socket> serve) {
        this.server = server;
        this.units = units;
        this.counts = counts;
        this.serve = serve;
        this.thread = ExecutionModel.PLATFORM_THREAD.threadBuilder(name).unstarted(this::acceptAll);
    }

    void start() {
        thread.start();
    }

    private void acceptAll() {
        while (true) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                if (server.isClosed()) {
                    return; // closed by its server
                }
                acceptFailed(e); // e.g. out of file descriptors: the client waits in the backlog or times out
                continue;
            }
            open.add(client);
            try {
                units.execute(() -> serve.accept(client));
            } catch (OutOfMemoryError | RejectedExecutionException e) {
                refuse(client); // no thread for it ("unable to create native thread"), or closing
            }
        }
    }

    private void acceptFailed(IOException e) {
        if (!failureReported) {
            failureReported = true;
            System.err.println("echo server on port " + server.getLocalPort() + ": accept failed (" + e.getMessage()
                    + "); if it says 'Too many open files', raise the limit (ulimit -n) or use fewer connections");
        }
        try {
            Thread.sleep(10);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Closes a connection that will not be served, and counts it as refused. */
    void refuse(Socket client) {
        counts.refusedConnections().increment();
        ended(client);
        closeQuietly(client);
    }

    /** A served connection has ended. */
    void ended(Socket client) {
        open.remove(client);
    }

    /** After the server socket is closed: waits for the loop to end, then closes every open connection. */
    void closeAll(long timeoutSeconds) throws InterruptedException {
        thread.join(TimeUnit.SECONDS.toMillis(timeoutSeconds));
        for (Socket client : open) {
            closeQuietly(client);
        }
    }

    boolean isAlive() {
        return thread.isAlive();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // Closing anyway.
        }
    }
}
