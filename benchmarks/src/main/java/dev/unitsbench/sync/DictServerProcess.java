package dev.unitsbench.sync;

import dev.unitsbench.model.ChildJvmLauncher;
import dev.unitsbench.model.ChildMemoryGuard;
import dev.unitsbench.work.DictClient;
import dev.unitsbench.work.DictServer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A {@link DictServer} running in a child JVM of its own, as the tutorial's {@code Manager()}
 * starts a server process. Started like every child of this suite (lean flags, memory guard,
 * never outlives its parent); {@link #close()} asks it to shut down and, failing that, kills it.
 */
public final class DictServerProcess implements AutoCloseable {

    /** How long the server may take to start listening: a JVM start-up, with room for a busy machine. */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final Path socket;
    private final Process process;

    private DictServerProcess(Path socket, Process process) {
        this.socket = socket;
        this.process = process;
    }

    /** Starts a server on {@code socket} (in a private folder) and waits until it accepts connections. */
    public static DictServerProcess start(Path socket) throws IOException, InterruptedException {
        ChildMemoryGuard.check(1);
        Process process = ChildJvmLauncher.lean().start(new DictServer(socket).toArgs());
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
                            + (process.isAlive() ? " within " + START_TIMEOUT : "; it exited with status " + process.exitValue()), notYet);
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
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
        }
    }
}
