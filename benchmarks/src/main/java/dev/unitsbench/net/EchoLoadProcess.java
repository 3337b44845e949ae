package dev.unitsbench.net;

import dev.unitsbench.model.ChildJvmLauncher;
import dev.unitsbench.model.WorkerProcess;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;

/**
 * The parent's handle on an {@link EchoLoad} running in a child JVM ({@link EchoLoadWorker}).
 *
 * <p><b>Why a child JVM:</b> with 10 000 connections, the clients' 10 000 sockets and the
 * server's 10 000 would exceed a file-descriptor limit of 20 000 in one JVM (the limit of the
 * machine this was written on, soft = hard; the JVM raises its soft limit to the hard one by itself
 * on Linux, {@code -XX:+MaxFDLimit} being the default, but cannot raise the hard limit). In two
 * processes each side has its own limit. It also keeps the clients' garbage and JIT out of the
 * server's JVM.
 *
 * <p>The child speaks plain text over its standard input and output: {@code round <R>} in, one
 * line of counts and a Base64 HdrHistogram (HdrHistogram's own compressed binary format) out.
 */
public final class EchoLoadProcess implements AutoCloseable {

    /** The load generator's JVM flags: the lean ones, with heap room for 10 000 clients. */
    static final List<String> LOAD_JVM_FLAGS = ChildJvmLauncher.LEAN_JVM_FLAGS.stream()
            .map(flag -> flag.startsWith("-Xmx") ? "-Xmx512m" : flag)
            .toList();

    /** Starting the JVM and connecting (and probing) 10 000 clients, with room for a busy machine. */
    private static final Duration OPEN_TIMEOUT = Duration.ofMinutes(2);

    /** One round: 10 000 clients x 10 requests took a few seconds here; a round that hangs must not hang the run. */
    private static final Duration ROUND_TIMEOUT = Duration.ofMinutes(2);

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);

    private final WorkerProcess child;
    private final ChildLines lines;
    private final int heldClients;
    private final int failedClients;

    private EchoLoadProcess(WorkerProcess child, ChildLines lines, int heldClients, int failedClients) {
        this.child = child;
        this.lines = lines;
        this.heldClients = heldClients;
        this.failedClients = failedClients;
    }

    /** Starts the load generator and waits until its {@code clients} clients are open (or failed). */
    public static EchoLoadProcess start(EchoTransport transport, int port, int clients) throws IOException, InterruptedException {
        WorkerProcess child = WorkerProcess.startWithInput(ChildJvmLauncher.withFlags(LOAD_JVM_FLAGS), new EchoLoadWorker(transport, port, clients));
        try {
            ChildLines lines = new ChildLines(child);
            String[] words = lines.readLine(OPEN_TIMEOUT, "opening " + clients + " " + transport + " clients").split(" ");
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
        OutputStream toChild = child.toChild();
        toChild.write(("round " + requestsPerClient + "\n").getBytes(StandardCharsets.US_ASCII));
        toChild.flush();
        String line = lines.readLine(ROUND_TIMEOUT, "a round of " + requestsPerClient + " requests per client");
        return EchoRound.parse(line);
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
     * What the clients counted in one round.
     *
     * @param answered requests answered (correctly or not)
     * @param mismatched answers that were not the request upper-cased
     * @param lost UDP datagrams without an answer in time
     * @param failed TCP connections that failed during the round (they are closed)
     * @param nanos wall time of the round
     * @param latencyNanos the latency of every answered request
     */
    public record EchoRound(long answered, long mismatched, long lost, long failed, long nanos, Histogram latencyNanos) {

        static EchoRound parse(String line) throws IOException {
            String[] words = line.split(" ");
            if (words.length != 7 || !words[0].equals("done")) {
                throw new IOException("the load generator said '" + line + "' instead of 'done <answered> <mismatched> <lost> <failed> <nanos> <histogram>'");
            }
            try {
                Histogram latency = Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(Base64.getDecoder().decode(words[6])), 0);
                return new EchoRound(Long.parseLong(words[1]), Long.parseLong(words[2]), Long.parseLong(words[3]),
                        Long.parseLong(words[4]), Long.parseLong(words[5]), latency);
            } catch (DataFormatException | IllegalArgumentException e) {
                throw new IOException("the load generator's round line is malformed: " + e.getMessage(), e);
            }
        }
    }
}
