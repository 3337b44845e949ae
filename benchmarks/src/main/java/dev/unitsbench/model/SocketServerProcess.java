package dev.unitsbench.model;

import dev.unitsbench.work.ServerConnection;
import dev.unitsbench.work.Workload;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * A server workload listening on a Unix-domain socket, in a child JVM of its own, as the
 * tutorial's {@code Manager()} starts a server process: the dict server of the shared-state
 * family, the queue server of the producer/consumer family. A {@link ChildJvm} like every
 * child of this suite (lean flags, memory guard, never outlives its parent); {@link #close()} asks
 * it to shut down and, failing that, kills it.
 */
public final class SocketServerProcess implements AutoCloseable {

    /** Opens a connection to the server's socket. */
    @FunctionalInterface
    public interface Connector {
        ServerConnection connect(Path socket) throws IOException;
    }

    /** How long the server may take to start listening: a JVM start-up, with room for a busy machine. */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    /** How long a server asked to shut down may take before it is killed. */
    private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(5);

    private final Path socket;
    private final Connector connector;
    private final ChildJvm process;

    private SocketServerProcess(Path socket, Connector connector, ChildJvm process) {
        this.socket = socket;
        this.connector = connector;
        this.process = process;
    }

    /**
     * Starts {@code server}, which listens on {@code socket} (in a private folder), and waits until
     * it answers a ping.
     *
     * @param what the server's name, for error messages
     */
    public static SocketServerProcess start(String what, Workload server, Path socket, Connector connector)
            throws IOException, InterruptedException {
        ChildJvm process = ChildJvm.start(ChildJvmLauncher.lean(), server);
        SocketServerProcess started = new SocketServerProcess(socket, connector, process);
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (true) {
            try (ServerConnection probe = connector.connect(socket)) {
                probe.ping();
                return started;
            } catch (IOException notYet) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    started.close();
                    throw new IOException("the " + what + " did not start listening on " + socket
                            + (process.isAlive() ? " within " + START_TIMEOUT : "; it exited first (its standard error is above)"), notYet);
                }
                Thread.sleep(10);
            }
        }
    }

    public Path socket() {
        return socket;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (process.isAlive()) {
            try (ServerConnection connection = connector.connect(socket)) {
                connection.shutdown();
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
