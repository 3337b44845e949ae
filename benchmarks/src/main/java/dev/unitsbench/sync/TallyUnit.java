package dev.unitsbench.sync;

import dev.unitsbench.work.Workload;
import dev.unitsbench.work.Workloads;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * One unit of the shared-state benchmark that lives for a whole trial: it opens its
 * {@link SharedTally} once, then makes {@code updates} updates (cycling through the map's
 * {@code keys} entries) each time it is told to start a round.
 *
 * <p>In a child JVM ({@link #run()}) the orders come as lines on standard input and the answers go
 * to standard output, so a round costs the parent one short write and one short read per unit,
 * and no JVM start-up:
 * <pre>
 *   parent -> child   go       make one round of updates
 *                     bye      stop (end of input does too)
 *   child -> parent   ready    the tally is open: the unit waits for its first round
 *                     done N   the round's N updates are made
 * </pre>
 * Threads of the parent JVM run the same {@link #round} on the same kind of tally.
 *
 * @param kind where the tally lives
 * @param location the mapped file or the dict server's socket; unused by in-JVM kinds
 * @param keys entries of the map
 * @param updates updates per round
 */
public record TallyUnit(SharedTally.Kind kind, Path location, int keys, long updates) implements Workload {

    static final String READY = "ready";
    static final String GO = "go";
    static final String DONE = "done ";
    static final String BYE = "bye";

    public TallyUnit {
        if (keys < 1 || updates < 0) {
            throw new IllegalArgumentException("need keys >= 1 and updates >= 0; got " + keys + ", " + updates);
        }
    }

    /** Opens the tally of {@code kind} at {@code location}; an in-JVM kind gets {@code shared}. */
    public static SharedTally open(SharedTally.Kind kind, Path location, int keys, InJvmTally shared) throws IOException {
        return switch (kind) {
            case ATOMIC, LOCKED, UNLOCKED -> {
                if (shared == null) {
                    throw new IllegalArgumentException(kind + " needs the tally of this JVM");
                }
                yield shared;
            }
            case MAPPED_ATOMIC -> new MappedTally(location, keys, true);
            case MAPPED_UNLOCKED -> new MappedTally(location, keys, false);
            case MANAGER_ADD -> new ManagedTally(location, keys, true);
            case MANAGER_GET_SET -> new ManagedTally(location, keys, false);
        };
    }

    /**
     * One round: {@code updates} updates of {@code tally}.
     *
     * @return the number of updates made
     */
    public long round(SharedTally tally) throws IOException {
        for (long i = 0; i < updates; i++) {
            tally.update((int) (i % keys));
        }
        return updates;
    }

    /**
     * Serves rounds on standard input and output until {@code bye}. An in-JVM kind rebuilt in a
     * child is that child's own tally: it shares nothing with other processes.
     *
     * @return the number of updates made in all rounds
     */
    @Override
    public long run() throws IOException {
        InputStream in = System.in;
        PrintStream out = System.out;
        try (SharedTally tally = open(kind, location, keys, kind.inJvm() ? new InJvmTally(kind, keys) : null)) {
            answer(out, READY);
            long total = 0;
            String order;
            while ((order = readLine(in)) != null && !order.equals(BYE)) {
                if (!order.equals(GO)) {
                    throw new IOException("unknown order '" + order + "'; expected " + GO + " or " + BYE);
                }
                total += round(tally);
                answer(out, DONE + updates);
            }
            return total;
        }
    }

    private static void answer(PrintStream out, String line) {
        out.print(line + "\n");
        out.flush();
    }

    /**
     * Reads one line byte by byte, with no read-ahead (what follows the line stays in the stream
     * for the next reader); {@code null} at the end of the stream.
     */
    static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int b;
        while ((b = in.read()) != '\n') {
            if (b < 0) {
                return line.isEmpty() ? null : line.toString();
            }
            line.append((char) b);
        }
        return line.toString();
    }

    /** Writes one line and flushes it. */
    static void writeLine(OutputStream out, String line) throws IOException {
        out.write((line + "\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public List<String> toArgs() {
        return Workloads.words(SyncWorkloads.class, "tally-unit", kind.name(), location.toString(),
                Integer.toString(keys), Long.toString(updates));
    }
}
