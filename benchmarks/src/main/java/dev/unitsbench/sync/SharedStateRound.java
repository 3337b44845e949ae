package dev.unitsbench.sync;

import dev.unitsbench.model.ConcurrentRunner;
import dev.unitsbench.model.JoinOrder;
import dev.unitsbench.model.SocketServerProcess;
import dev.unitsbench.work.PrivateFolders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Rounds of the shared-state benchmark: {@code units} units each make {@code updates} updates
 * of one {@link SharedTally}, then the tally is read and compared with what was sent.
 *
 * <p>Holds what lives for a whole trial: the in-JVM tally, the mapped file, or the dict-server
 * process, all inside {@code folder}. Free of JMH, so tests run the rounds the benchmark measures.
 */
public final class SharedStateRound implements AutoCloseable {

    /** What a round ended with. */
    public record Outcome(long sent, long counter, long mapTotal) {
        /** Increments of the counter that a concurrent writer overwrote. */
        public long lostCounterUpdates() {
            return sent - counter;
        }

        /** Increments of the map's entries that a concurrent writer overwrote. */
        public long lostMapUpdates() {
            return sent - mapTotal;
        }
    }

    private final SharedTally.Kind kind;
    private final Path folder;
    private final int units;
    private final int keys;
    private final long updates;
    private final InJvmTally inJvm;
    private final SocketServerProcess server;
    private final Path location;
    private final SharedTally reader;
    private int round;

    /**
     * @param folder a private folder that this object uses until {@link #close()}; the caller deletes it
     */
    public SharedStateRound(SharedTally.Kind kind, Path folder, int units, int keys, long updates)
            throws IOException, InterruptedException {
        if (units < 1) {
            throw new IllegalArgumentException("units must be >= 1, got " + units);
        }
        this.kind = kind;
        this.folder = folder;
        this.units = units;
        this.keys = keys;
        this.updates = updates;
        this.inJvm = kind.inJvm() ? new InJvmTally(kind, keys) : null;
        boolean managed = kind == SharedTally.Kind.MANAGER_ADD || kind == SharedTally.Kind.MANAGER_GET_SET;
        Path socket = folder.resolve("dict.sock");
        this.server = managed ? SocketServerProcess.start("dict server", new DictServer(socket), socket, DictClient::new) : null;
        this.location = managed ? server.socket() : folder.resolve("tally.mem");
        this.reader = TallyUpdates.open(kind, location, keys, inJvm);
    }

    /** Zeroes the tally, lets every unit make its updates, and reads what arrived. */
    public Outcome run(ConcurrentRunner runner, Duration timeout) throws Exception {
        reader.reset();
        Path startLine = Files.createDirectory(folder.resolve("start-" + round++));
        try {
            TallyUpdates unit = new TallyUpdates(kind, location, keys, updates, startLine, units, inJvm);
            long sent = runner.runAll(unit, units, JoinOrder.AFTER_ALL_STARTED, timeout);
            return new Outcome(sent, reader.counter(), reader.mapTotal());
        } finally {
            PrivateFolders.delete(startLine);
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            reader.close();
        } finally {
            if (server != null) {
                server.close();
            }
            Files.deleteIfExists(folder.resolve("tally.mem"));
            Files.deleteIfExists(folder.resolve("dict.sock"));
        }
    }
}
