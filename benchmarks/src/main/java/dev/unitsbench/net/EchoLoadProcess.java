package dev.unitsbench.net;

import dev.unitsbench.model.ChildJvmLauncher;
import dev.unitsbench.model.ChildJvm;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.HdrHistogram.Histogram;

/**
 * The parent's handle on an {@link EchoLoad} running in a child JVM ({@link EchoLoadChild}).
 *
 * <p><b>Why a child JVM:</b> with 10 000 connections, the clients' 10 000 sockets and the
 * server's 10 000 would exceed a file-descriptor limit of 20 000 in one JVM (a common hard limit;
 * the JVM raises its soft limit to the hard one by itself on Linux, {@code -XX:+MaxFDLimit} being
 * the default, but cannot raise the hard limit). In two
 * processes each side has its own limit. It also keeps the clients' garbage and JIT out of the
 * server's JVM.
 *
 * <p>The child speaks plain text over its standard input and output ({@link EchoLoad#serveCommands}).
 * Two ways to run rounds:
 * <ul>
 *   <li>{@link #round}: one round, answered by its counts and its latencies (a Base64 HdrHistogram
 *       in HdrHistogram's compressed binary form): for a caller that times one round.</li>
 *   <li>{@link #nextRound} and {@link #stopRounds}: the child runs rounds back to back and
 *       announces each with a line of counts as it ends; the latencies of all of them cross the
 *       pipe once, when the rounds stop. The benchmark times these.</li>
 * </ul>
 */
public final class EchoLoadProcess implements AutoCloseable {

    /** The load generator's JVM flags: the lean ones, with heap room for 10 000 clients. */
    static final List<String> LOAD_JVM_FLAGS = ChildJvmLauncher.LEAN_JVM_FLAGS.stream()
            .map(flag -> flag.startsWith("-Xmx") ? "-Xmx512m" : flag)
            .toList();

    /**
     * Starting the JVM and connecting (and probing) 10 000 clients, with room for a busy machine;
     * the connections' first-answer timeout is added to it.
     */
    private static final Duration OPEN_TIMEOUT = Duration.ofMinutes(2);

    /** One round: seconds at 10 000 clients on a busy machine; a round that hangs must not hang the run. */
    private static final Duration ROUND_TIMEOUT = Duration.ofMinutes(2);

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);

    private final ChildJvm child;
    private final ChildLines lines;
    private final int heldClients;
    private final int failedClients;
    private boolean running;

    private EchoLoadProcess(ChildJvm child, ChildLines lines, int heldClients, int failedClients) {
        this.child = child;
        this.lines = lines;
        this.heldClients = heldClients;
        this.failedClients = failedClients;
    }

    /** Starts the load generator and waits until its {@code clients} clients are open (or failed). */
    public static EchoLoadProcess start(EchoTransport transport, int port, int clients) throws IOException, InterruptedException {
        return start(transport, port, clients, Duration.ofMillis(EchoLoad.PROBE_TIMEOUT_MILLIS));
    }

    /**
     * As {@link #start(EchoTransport, int, int)}, letting each new connection take up to
     * {@code firstAnswerTimeout} to answer its first request ({@link EchoServer#firstAnswerTimeout()}).
     */
    public static EchoLoadProcess start(EchoTransport transport, int port, int clients, Duration firstAnswerTimeout)
            throws IOException, InterruptedException {
        EchoLoadChild load = new EchoLoadChild(transport, port, clients, Math.toIntExact(firstAnswerTimeout.toMillis()));
        ChildJvm child = ChildJvm.startWithInput(ChildJvmLauncher.withFlags(LOAD_JVM_FLAGS), load);
        try {
            ChildLines lines = new ChildLines(child);
            String[] words = lines.readLine(OPEN_TIMEOUT.plus(firstAnswerTimeout), "opening " + clients + " " + transport + " clients").split(" ");
            if (words.length != 3 || !words[0].equals("connected")) {
                throw new IOException("the load generator said '" + String.join(" ", words) + "' instead of 'connected <held> <failed>'");
            }
            return new EchoLoadProcess(child, lines, Integer.parseInt(words[1]), Integer.parseInt(words[2]));
        } catch (IOException | RuntimeException | InterruptedException e) {
            child.close();
            throw e;
        }
    }

    /** Clients open and answering after the start. */
    public int heldClients() {
        return heldClients;
    }

    /** Clients that could not connect, or whose connection did not answer a probe: the server did not hold them. */
    public int failedClients() {
        return failedClients;
    }

    /** Every open client sends {@code requestsPerClient} requests, one after another, all clients at once. */
    public EchoRound round(int requestsPerClient) throws IOException, InterruptedException {
        if (running) {
            throw new IllegalStateException("rounds are running back to back: stopRounds() first");
        }
        send("round " + requestsPerClient);
        String line = lines.readLine(ROUND_TIMEOUT, "a round of " + requestsPerClient + " requests per client");
        return EchoRound.parse(line);
    }

    /**
     * The counts of the next round the child ran. The first call after a start or a
     * {@link #stopRounds} tells the child to run rounds of {@code requestsPerClient} requests per
     * client back to back; every call then waits for the next round to end. The child does not
     * wait for this side between rounds, so the rate at which these calls return is the rate at
     * which the child runs rounds, however long this side takes to read each line (as long as it
     * keeps up).
     */
    public RoundCounts nextRound(int requestsPerClient) throws IOException, InterruptedException {
        if (!running) {
            send("run " + requestsPerClient);
            running = true;
        }
        return RoundCounts.parse(lines.readLine(ROUND_TIMEOUT, "a round of " + requestsPerClient + " requests per client"), "round");
    }

    /**
     * Stops the rounds that {@link #nextRound} started, after the one in progress, and returns the
     * latency of every request of every round the child announced (null if no rounds ran). A
     * round the child announced after the caller's last {@code nextRound} is in it too: it ran
     * back to back with the others.
     */
    public Histogram stopRounds() throws IOException, InterruptedException {
        if (!running) {
            return null;
        }
        running = false;
        send("stop");
        while (true) {
            String line = lines.readLine(ROUND_TIMEOUT, "the end of the rounds");
            if (line.startsWith("stopped ")) {
                return EchoLoad.decode(line.substring("stopped ".length()));
            }
            if (!line.startsWith("round ")) {
                throw new IOException("the load generator said '" + line + "' instead of 'round <counts>' or 'stopped <histogram>'");
            }
        }
    }

    private void send(String command) throws IOException {
        OutputStream toChild = child.toChild();
        toChild.write((command + "\n").getBytes(StandardCharsets.US_ASCII));
        toChild.flush();
    }

    /** Ends the child's input, on which it closes its clients and exits; kills it if it does not in time. */
    @Override
    public void close() throws InterruptedException {
        try {
            child.toChild().close();
            child.join(STOP_TIMEOUT);
        } catch (IOException | TimeoutException | ExecutionException e) {
            // Did not stop cleanly: close() kills it.
        } finally {
            child.close();
        }
    }

    /**
     * What the clients counted in one round, and how long it took by the child's clock.
     *
     * @param answered requests answered (correctly or not)
     * @param mismatched answers that were not the request upper-cased
     * @param lost UDP datagrams without an answer in time
     * @param failed TCP connections that failed during the round (they are closed)
     * @param nanos wall time of the round, measured in the child
     */
    public record RoundCounts(long answered, long mismatched, long lost, long failed, long nanos) {

        /** Parses {@code <first> <answered> <mismatched> <lost> <failed> <nanos>}, with any words after them. */
        static RoundCounts parse(String line, String first) throws IOException {
            String[] words = line.split(" ");
            if (words.length < 6 || !words[0].equals(first)) {
                throw new IOException("the load generator said '" + line + "' instead of '" + first
                        + " <answered> <mismatched> <lost> <failed> <nanos>'");
            }
            try {
                return new RoundCounts(Long.parseLong(words[1]), Long.parseLong(words[2]), Long.parseLong(words[3]),
                        Long.parseLong(words[4]), Long.parseLong(words[5]));
            } catch (NumberFormatException e) {
                throw new IOException("the load generator's line '" + line + "' is malformed", e);
            }
        }
    }

    /**
     * What the clients counted in one round, and its latencies.
     *
     * @param answered requests answered (correctly or not)
     * @param mismatched answers that were not the request upper-cased
     * @param lost UDP datagrams without an answer in time
     * @param failed TCP connections that failed during the round (they are closed)
     * @param nanos wall time of the round, measured in the child
     * @param latencyNanos the latency of every answered request
     */
    public record EchoRound(long answered, long mismatched, long lost, long failed, long nanos, Histogram latencyNanos) {

        static EchoRound parse(String line) throws IOException {
            String[] words = line.split(" ");
            if (words.length != 7) {
                throw new IOException("the load generator said '" + line + "' instead of 'done <answered> <mismatched> <lost> <failed> <nanos> <histogram>'");
            }
            RoundCounts counts = RoundCounts.parse(line, "done");
            return new EchoRound(counts.answered(), counts.mismatched(), counts.lost(), counts.failed(), counts.nanos(), EchoLoad.decode(words[6]));
        }
    }
}
