package dev.unitsbench.sync;

import dev.unitsbench.work.Rendezvous;
import dev.unitsbench.work.Workload;
import dev.unitsbench.work.Workloads;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * One unit of the shared-state benchmark: it waits at a start line until all {@code parties}
 * units are there, then makes {@code updates} updates of a {@link SharedTally}, cycling through
 * the map's {@code keys} entries.
 *
 * <p>The start line ({@link Rendezvous}) makes the units update at the same time. Without it,
 * units that are processes would mostly take turns (a JVM starts in about 70 ms, a million
 * updates take a few), and the lost updates this benchmark counts would depend on start-up
 * jitter rather than on the tally.
 *
 * @param kind where the tally lives
 * @param location the mapped file or the dict server's socket; unused by in-JVM kinds
 * @param keys entries of the map
 * @param updates updates this unit makes
 * @param startLine a fresh, empty folder per round for the start line
 * @param parties units in the round
 * @param inJvm the tally shared by this JVM's threads, for in-JVM kinds; {@code null} otherwise
 */
public record TallyUpdates(SharedTally.Kind kind, Path location, int keys, long updates, Path startLine, int parties,
                           InJvmTally inJvm) implements Workload {

    /** How long a unit waits at the start line for the others: child JVMs on a busy 2-core machine included. */
    static final long START_LINE_TIMEOUT_MILLIS = 60_000;

    public TallyUpdates {
        if (keys < 1 || updates < 0 || parties < 1) {
            throw new IllegalArgumentException("need keys >= 1, updates >= 0, parties >= 1; got "
                    + keys + ", " + updates + ", " + parties);
        }
        if (kind.inJvm() && inJvm == null) {
            throw new IllegalArgumentException(kind + " needs the tally of this JVM");
        }
    }

    /** Opens the tally of {@code kind} at {@code location}; an in-JVM kind gets {@code shared}. */
    public static SharedTally open(SharedTally.Kind kind, Path location, int keys, InJvmTally shared) throws IOException {
        return switch (kind) {
            case ATOMIC, LOCKED, UNLOCKED -> shared;
            case MAPPED_ATOMIC -> new MappedTally(location, keys, true);
            case MAPPED_UNLOCKED -> new MappedTally(location, keys, false);
            case MANAGER_ADD -> new ManagedTally(location, keys, true);
            case MANAGER_GET_SET -> new ManagedTally(location, keys, false);
        };
    }

    /** @return the number of updates made */
    @Override
    public long run() throws Exception {
        SharedTally tally = open(kind, location, keys, inJvm);
        try {
            new Rendezvous(startLine, parties, START_LINE_TIMEOUT_MILLIS).run();
            for (long i = 0; i < updates; i++) {
                tally.update((int) (i % keys));
            }
            return updates;
        } finally {
            if (!kind.inJvm()) {
                tally.close();
            }
        }
    }

    @Override
    public List<String> toArgs() {
        return Workloads.words(SyncWorkloads.class, "tally", kind.name(), location.toString(), Integer.toString(keys), Long.toString(updates),
                startLine.toString(), Integer.toString(parties));
    }
}
