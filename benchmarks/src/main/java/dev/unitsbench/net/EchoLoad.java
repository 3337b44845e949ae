package dev.unitsbench.net;

import dev.unitsbench.model.ExecutionModel;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.zip.DataFormatException;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * The echo benchmarks' load generator: C clients of one echo server, each sending R requests per
 * round, one at a time (send, wait for the answer, send the next), every answer checked.
 *
 * <p><b>Clients are virtual threads</b> with blocking sockets: a round starts one virtual thread
 * per client, which costs about a microsecond and a kilobyte, so 10 000 clients cost the load
 * generator little, and the code stays as plain as the tutorial's client. (An NIO client would be
 * as cheap and harder to read; with platform threads the client would pay the very cost under test.)
 *
 * <p><b>TCP</b>: {@link #open} connects the C clients before any round, in batches of
 * {@link #CONNECT_BATCH} at once (well below the listen backlog, which Linux caps at
 * {@code net.core.somaxconn}); every new connection must answer one probe request within
 * {@link #PROBE_TIMEOUT_MILLIS} (or the longer time its server asks for) before the next batch
 * starts. A connection that does not (refused, dropped, or queued unserved, as by a busy thread
 * pool) is closed and counted in {@link #failedClients()},
 * and no further batch is tried: the server cannot hold C connections, and the rounds run on
 * those it holds. A connection that fails during a round is counted and closed too.
 *
 * <p><b>UDP</b>: a client is a connected datagram socket; it waits up to
 * {@link #UDP_ANSWER_TIMEOUT_MILLIS} for each answer and then counts the datagram as lost and sends
 * the next. A late answer to an earlier request is recognized by its sequence number and skipped.
 *
 * <p>Latency is the time from writing a request to having read its whole answer, in nanoseconds,
 * recorded by every client into the round's {@link ConcurrentHistogram} (HdrHistogram's wait-free
 * concurrent recorder; one histogram per client would take about 30 KiB each, 300 MiB for 10 000
 * clients). A wrong answer is counted as mismatched; the benchmark fails on any.
 */
public final class EchoLoad implements AutoCloseable {

    /** Connections opened before they are probed: a tenth of a typical somaxconn (4096). */
    static final int CONNECT_BATCH = 500;

    /**
     * How long a new connection may take to connect, and to answer its probe before it counts as
     * not held, unless the caller allows longer ({@link #open(EchoTransport, int, int, int)}).
     */
    static final int PROBE_TIMEOUT_MILLIS = 3_000;

    /** How long a TCP client waits for one answer in a round before it counts its connection as failed. */
    static final int TCP_ANSWER_TIMEOUT_MILLIS = 30_000;

    /** How long a UDP client waits for one answer before it counts the datagram as lost. */
    static final int UDP_ANSWER_TIMEOUT_MILLIS = 1_000;

    /** Highest latency the histogram tracks: one minute, in nanoseconds. */
    static final long HIGHEST_LATENCY_NANOS = 60_000_000_000L;

    /** Significant decimal digits of the histogram: 1% resolution. */
    static final int LATENCY_DIGITS = 2;

    private final EchoTransport transport;
    private final List<Client> clients;
    private final int failedAtOpen;

    private EchoLoad(EchoTransport transport, List<Client> clients, int failedAtOpen) {
        this.transport = transport;
        this.clients = clients;
        this.failedAtOpen = failedAtOpen;
    }

    /** Opens {@code count} clients of the server on {@code port}; see the class comment. */
    public static EchoLoad open(EchoTransport transport, int port, int count) throws IOException, InterruptedException {
        return open(transport, port, count, PROBE_TIMEOUT_MILLIS);
    }

    /**
     * As {@link #open(EchoTransport, int, int)}, letting a new TCP connection take up to
     * {@code probeTimeoutMillis} to answer its probe: for a server that starts a process per
     * connection before it answers.
     */
    public static EchoLoad open(EchoTransport transport, int port, int count, int probeTimeoutMillis) throws IOException, InterruptedException {
        if (count < 1) {
            throw new IllegalArgumentException("clients must be at least 1, got " + count);
        }
        InetSocketAddress server = new InetSocketAddress(EchoProtocol.LOOPBACK, port);
        List<Client> clients = new ArrayList<>(count);
        if (transport == EchoTransport.UDP) {
            try {
                for (int id = 0; id < count; id++) {
                    clients.add(new UdpClient(id, server));
                }
            } catch (IOException e) {
                clients.forEach(Client::close);
                throw e;
            }
            return new EchoLoad(transport, clients, 0);
        }
        for (int first = 0; first < count; first += CONNECT_BATCH) {
            List<Client> held = connectAndProbe(server, first, Math.min(count, first + CONNECT_BATCH), count, probeTimeoutMillis);
            clients.addAll(held);
            if (held.size() < CONNECT_BATCH && clients.size() < count) {
                break; // the server holds no more: do not try the rest
            }
        }
        return new EchoLoad(transport, clients, count - clients.size());
    }

    /**
     * Connects clients {@code from..to} at once (a virtual thread each) and sends one probe request
     * on each; returns those that answered, closes the others.
     */
    private static List<Client> connectAndProbe(InetSocketAddress server, int from, int to, int count, int probeTimeoutMillis)
            throws InterruptedException {
        Client[] batch = new Client[to - from];
        Round probe = new Round(newHistogram());
        AtomicBoolean failureReported = new AtomicBoolean();
        try (ExecutorService units = Executors.newThreadPerTaskExecutor(ExecutionModel.VIRTUAL_THREAD.threadBuilder("echo-client-").factory())) {
            for (int id = from; id < to; id++) {
                int client = id;
                units.execute(() -> {
                    try {
                        TcpClient connected = new TcpClient(client, server);
                        batch[client - from] = connected;
                        connected.exchange(1, probe, probeTimeoutMillis);
                    } catch (IOException e) {
                        // Refused or timed out: the server holds no more. Out of file descriptors: so do we.
                        if (failureReported.compareAndSet(false, true)) {
                            System.err.println("echo load: connection " + (client + 1) + " of " + count + " failed (" + e.getMessage()
                                    + "); it counts as a failed connection");
                        }
                    }
                });
            }
        }
        List<Client> held = new ArrayList<>();
        for (Client client : batch) {
            if (client != null && client.isOpen()) {
                held.add(client);
            }
        }
        return held;
    }

    /** Clients open and answering. */
    public int heldClients() {
        int held = 0;
        for (Client client : clients) {
            if (client.isOpen()) {
                held++;
            }
        }
        return held;
    }

    /** Clients that could not be connected or did not answer their probe. */
    public int failedClients() {
        return failedAtOpen;
    }

    /** A latency histogram of the range and resolution every round records into. */
    static ConcurrentHistogram newHistogram() {
        return new ConcurrentHistogram(1, HIGHEST_LATENCY_NANOS, LATENCY_DIGITS);
    }

    /** The outcome of one round, as counted by the clients; its latencies go into the histogram it is given. */
    static final class Round {
        final ConcurrentHistogram latencyNanos;
        final LongAdder answered = new LongAdder();
        final LongAdder mismatched = new LongAdder();
        final LongAdder lost = new LongAdder();      // UDP: datagrams without an answer in time
        final LongAdder failed = new LongAdder();    // TCP: connections that failed in the round
        long nanos;

        Round(ConcurrentHistogram latencyNanos) {
            this.latencyNanos = latencyNanos;
        }

        /** {@code <answered> <mismatched> <lost> <failed> <nanos>}: the counts of a round line. */
        String counts() {
            return answered.sum() + " " + mismatched.sum() + " " + lost.sum() + " " + failed.sum() + " " + nanos;
        }
    }

    /** A histogram in HdrHistogram's compressed binary form, Base64: one word of a line. */
    static String encode(Histogram histogram) {
        ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
        int length = histogram.encodeIntoCompressedByteBuffer(buffer);
        return Base64.getEncoder().encodeToString(Arrays.copyOf(buffer.array(), length));
    }

    /** The histogram of {@link #encode}. */
    static Histogram decode(String word) throws IOException {
        try {
            return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(Base64.getDecoder().decode(word)), 0);
        } catch (DataFormatException | IllegalArgumentException e) {
            throw new IOException("a latency histogram from the load generator is malformed: " + e.getMessage(), e);
        }
    }

    /**
     * Every open client sends {@code requests} requests, one after the other; all clients at once.
     * The latencies go into {@code latencyNanos}.
     */
    Round round(int requests, ConcurrentHistogram latencyNanos) throws InterruptedException {
        if (requests < 1) {
            throw new IllegalArgumentException("requests per client must be at least 1, got " + requests);
        }
        Round round = new Round(latencyNanos);
        int timeout = transport == EchoTransport.TCP ? TCP_ANSWER_TIMEOUT_MILLIS : UDP_ANSWER_TIMEOUT_MILLIS;
        long start = System.nanoTime();
        try (ExecutorService units = Executors.newThreadPerTaskExecutor(ExecutionModel.VIRTUAL_THREAD.threadBuilder("echo-client-").factory())) {
            for (Client client : clients) {
                if (client.isOpen()) {
                    units.execute(() -> client.exchange(requests, round, timeout));
                }
            }
        }
        round.nanos = System.nanoTime() - start;
        return round;
    }

    /** One round with a histogram of its own. */
    Round round(int requests) throws InterruptedException {
        return round(requests, newHistogram());
    }

    /**
     * Runs the command loop of a load-generator child JVM: opens the clients and prints
     * {@code connected <held> <failed>}; then at end of input closes the clients. Its commands:
     * <ul>
     *   <li>{@code round <R>}: one round of R requests per client; prints
     *       {@code done <counts> <histogram>} (see {@link Round#counts}, {@link #encode}).</li>
     *   <li>{@code run <R>}: rounds of R requests per client, back to back, each followed at once
     *       by the line {@code round <counts>}, until {@code stop}; the parent's reading of these
     *       lines never holds up the next round.</li>
     *   <li>{@code stop}: lets the round in progress finish and leaves it out, then prints
     *       {@code stopped <histogram>}: the latencies of every round it printed since {@code run}.</li>
     * </ul>
     *
     * @return the requests answered in all rounds
     */
    public static long serveCommands(EchoTransport transport, int port, int clients, int probeTimeoutMillis, BufferedReader commands,
            PrintStream out) throws IOException, InterruptedException {
        long answered = 0;
        try (EchoLoad load = open(transport, port, clients, probeTimeoutMillis)) {
            out.println("connected " + load.heldClients() + " " + load.failedClients());
            out.flush();
            BackToBack running = null;
            String command;
            while ((command = commands.readLine()) != null) {
                String[] words = command.strip().split(" ");
                boolean withCount = words.length == 2 && (words[0].equals("round") || words[0].equals("run"));
                if (!withCount && !(words.length == 1 && words[0].equals("stop"))) {
                    throw new IllegalArgumentException("expected 'round <requests per client>', 'run <requests per client>' or 'stop', got '"
                            + command + "'");
                }
                if ((running == null) == words[0].equals("stop")) {
                    throw new IllegalStateException("'" + command + "' " + (running == null ? "without a 'run' before it" : "while rounds run"));
                }
                switch (words[0]) {
                    case "round" -> {
                        Round round = load.round(Integer.parseInt(words[1]));
                        answered += round.answered.sum();
                        out.println("done " + round.counts() + " " + encode(round.latencyNanos));
                    }
                    case "run" -> running = new BackToBack(load, Integer.parseInt(words[1]), out);
                    default -> {
                        answered += running.stop();
                        out.println("stopped " + encode(running.latencyNanos));
                        running = null;
                    }
                }
                out.flush();
            }
            if (running != null) {
                answered += running.stop();
            }
        }
        return answered;
    }

    /**
     * Rounds run back to back on a thread of their own, each announced by a line as soon as it
     * ends, until {@link #stop()}. Each round records into a histogram of its own, added to the
     * run's {@link #latencyNanos} when the round's line is printed, so that the round in progress
     * when the run stops, which no line announced, is left out.
     */
    private static final class BackToBack {
        final ConcurrentHistogram latencyNanos = newHistogram();
        private final ConcurrentHistogram roundNanos = newHistogram();
        private final Thread thread;
        private volatile boolean stopping;
        private long answered;
        private Exception failure;

        BackToBack(EchoLoad load, int requests, PrintStream out) {
            thread = ExecutionModel.PLATFORM_THREAD.threadBuilder("echo-rounds-").start(() -> {
                try {
                    while (!stopping) {
                        roundNanos.reset();
                        Round round = load.round(requests, roundNanos);
                        if (stopping) {
                            return;
                        }
                        latencyNanos.add(roundNanos);
                        answered += round.answered.sum();
                        out.println("round " + round.counts());
                        out.flush();
                    }
                } catch (InterruptedException | RuntimeException e) {
                    failure = e;
                }
            });
        }

        /** Stops after the round in progress; the requests answered in the rounds announced. */
        long stop() throws InterruptedException {
            stopping = true;
            thread.join();
            if (failure != null) {
                throw new IllegalStateException("the rounds failed", failure);
            }
            return answered;
        }
    }

    @Override
    public void close() {
        clients.forEach(Client::close);
    }

    /** One client: a connection or a datagram socket, and its next sequence number. */
    private abstract static class Client {
        final int id;
        long sequence;

        Client(int id) {
            this.id = id;
        }

        /** Sends {@code requests} requests one after another and checks each answer; never throws. */
        abstract void exchange(int requests, Round round, int timeoutMillis);

        abstract boolean isOpen();

        abstract void close();
    }

    private static final class TcpClient extends Client {
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;
        private final byte[] answer = new byte[EchoProtocol.MAX_MESSAGE];

        TcpClient(int id, InetSocketAddress server) throws IOException {
            super(id);
            socket = new Socket();
            try {
                socket.setTcpNoDelay(true);
                socket.connect(server, PROBE_TIMEOUT_MILLIS);
                in = new BufferedInputStream(socket.getInputStream(), 256);
                out = socket.getOutputStream();
            } catch (IOException e) {
                socket.close();
                throw e;
            }
        }

        @Override
        void exchange(int requests, Round round, int timeoutMillis) {
            try {
                socket.setSoTimeout(timeoutMillis);
                for (int i = 0; i < requests; i++) {
                    String request = EchoProtocol.request(id, sequence++);
                    byte[] line = (request + "\n").getBytes(StandardCharsets.ISO_8859_1);
                    long start = System.nanoTime();
                    out.write(line);
                    int length = EchoProtocol.readLine(in, answer);
                    long latency = System.nanoTime() - start;
                    if (length < 0) {
                        throw new IOException("the server closed the connection");
                    }
                    round.latencyNanos.recordValue(Math.min(latency, HIGHEST_LATENCY_NANOS));
                    round.answered.increment();
                    if (!EchoProtocol.expectedAnswer(request).equals(new String(answer, 0, length, StandardCharsets.ISO_8859_1))) {
                        round.mismatched.increment();
                    }
                }
            } catch (IOException e) {
                round.failed.increment();
                close();
            }
        }

        @Override
        boolean isOpen() {
            return !socket.isClosed();
        }

        @Override
        void close() {
            try {
                socket.close();
            } catch (IOException e) {
                // Closing anyway.
            }
        }
    }

    private static final class UdpClient extends Client {
        private final DatagramSocket socket;
        private final DatagramPacket answer = new DatagramPacket(new byte[EchoProtocol.MAX_MESSAGE], EchoProtocol.MAX_MESSAGE);

        UdpClient(int id, InetSocketAddress server) throws IOException {
            super(id);
            socket = new DatagramSocket(new InetSocketAddress(EchoProtocol.LOOPBACK, 0));
            socket.connect(server);
        }

        @Override
        void exchange(int requests, Round round, int timeoutMillis) {
            try {
                for (int i = 0; i < requests; i++) {
                    long sequence = this.sequence++;
                    String request = EchoProtocol.request(id, sequence);
                    byte[] bytes = request.getBytes(StandardCharsets.ISO_8859_1);
                    long start = System.nanoTime();
                    long deadline = start + timeoutMillis * 1_000_000L;
                    socket.send(new DatagramPacket(bytes, bytes.length));
                    awaitAnswer(request, sequence, start, deadline, round);
                }
            } catch (IOException e) {
                round.failed.increment();
                close();
            }
        }

        private void awaitAnswer(String request, long sequence, long start, long deadline, Round round) throws IOException {
            String expected = EchoProtocol.expectedAnswer(request);
            while (true) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    round.lost.increment();
                    return;
                }
                socket.setSoTimeout((int) Math.max(1, left / 1_000_000));
                answer.setLength(EchoProtocol.MAX_MESSAGE);
                try {
                    socket.receive(answer);
                } catch (SocketTimeoutException e) {
                    round.lost.increment();
                    return;
                }
                long latency = System.nanoTime() - start;
                String got = new String(answer.getData(), 0, answer.getLength(), StandardCharsets.ISO_8859_1);
                if (got.equals(expected)) {
                    round.latencyNanos.recordValue(Math.min(latency, HIGHEST_LATENCY_NANOS));
                    round.answered.increment();
                    return;
                }
                if (!isEarlierAnswer(got, sequence)) {
                    round.mismatched.increment();
                    return;
                }
                // A late answer to a request already counted as lost: skip it, keep waiting.
            }
        }

        private boolean isEarlierAnswer(String got, long sequence) {
            String[] words = got.split(" ");
            if (words.length != 6) {
                return false;
            }
            try {
                long earlier = Long.parseLong(words[4]);
                return earlier < sequence && got.equals(EchoProtocol.expectedAnswer(EchoProtocol.request(id, earlier)));
            } catch (NumberFormatException e) {
                return false;
            }
        }

        @Override
        boolean isOpen() {
            return !socket.isClosed();
        }

        @Override
        void close() {
            socket.close();
        }
    }
}
