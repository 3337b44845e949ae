package dev.unitsbench.sync;

import dev.unitsbench.model.ChildJvmLauncher;
import dev.unitsbench.model.WorkerProcess;
import dev.unitsbench.work.DictClient;
import dev.unitsbench.work.DictServer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * A {@link DictServer} running in a child JVM of its own, as the tutorial's {@code Manager()}
 * starts a server process. A {@link WorkerProcess} like every child of this suite (lean flags,
 * memory guard, never outlives its parent); {@link #close()} asks it to shut down and, failing
 * that, kills it.
 */
public final class DictServerProcess implements AutoCloseable {

    /** How long the server may take to start listening: a JVM start-up, with room for a busy machine. */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    /** How long a server asked to shut down may take before it is killed. */
    private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(5);

    private final Path socket;
    private final WorkerProcess process;

    private DictServerProcess(Path socket, WorkerProcess process) {
        this.socket = socket;
        this.process = process;
    }

    /** Starts a server on {@code socket} (in a private folder) and waits until it accepts connections. */
    public static DictServerProcess start(Path socket) throws IOException, InterruptedException {
        WorkerProcess process = WorkerProcess.start(ChildJvmLauncher.lean(), new DictServer(socket));
        DictServerProcess server = new DictServerProcess(socket, process);
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (true) {
            try (DictClient probe = new DictClient(socket)) {
                probe.get("num");
                return server;
            } catch (IOException notYet) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    server.close();
                    throw new IOException("the dict server did not start listening on " + socket
                            + (process.isAlive() ? " within " + START_TIMEOUT : "; it exited first (its standard error is above)"), notYet);
                }
                Thread.sleep(10);
            }
        }
    }

    public Path socket() {
        return socket;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (process.isAlive()) {
            try (DictClient client = new DictClient(socket)) {
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
