package dev.unitsbench.ipc;

import dev.unitsbench.model.ChildJvmLauncher;
import dev.unitsbench.model.WorkerProcess;
import dev.unitsbench.work.QueueServer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * A {@link QueueServer} in a child JVM of its own (a {@link WorkerProcess}: lean flags, memory
 * guard, never outlives its parent). {@link #close()} asks it to shut down and, failing that,
 * kills it.
 */
public final class QueueServerProcess implements AutoCloseable {

    /** How long the server may take to start listening: a JVM start-up, with room for a busy machine. */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    /** How long a server asked to shut down may take before it is killed. */
    private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(5);

    private final Path socket;
    private final WorkerProcess process;

    private QueueServerProcess(Path socket, WorkerProcess process) {
        this.socket = socket;
        this.process = process;
    }

    /** Starts a server on {@code socket} (in a private folder) and waits until it accepts connections. */
    public static QueueServerProcess start(Path socket) throws IOException, InterruptedException {
        WorkerProcess process = WorkerProcess.start(ChildJvmLauncher.lean(), new QueueServer(socket));
        QueueServerProcess server = new QueueServerProcess(socket, process);
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (true) {
            try (QueueClient probe = new QueueClient(socket)) {
                probe.sync();
                return server;
            } catch (IOException notYet) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    server.close();
                    throw new IOException("the queue server did not start listening on " + socket
                            + (process.isAlive() ? " within " + START_TIMEOUT : "; it exited first (its standard error is above)"), notYet);
                }
                Thread.sleep(10);
            }
        }
    }

    /** A new connection to the server. */
    public QueueClient connect() throws IOException {
        return new QueueClient(socket);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (process.isAlive()) {
            try (QueueClient client = new QueueClient(socket)) {
                client.shutdown();
            } catch (IOException e) {
                // Not listening any more: the kill below settles it.
            }
        }
        try {
            process.join(SHUTDOWN_TIMEOUT);
        } catch (TimeoutException | ExecutionException e) {
            // Did not shut down cleanly: close() below kills it.
        } finally {
            process.close();
        }
    }
}
