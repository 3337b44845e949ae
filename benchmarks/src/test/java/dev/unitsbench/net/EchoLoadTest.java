package dev.unitsbench.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unitsbench.net.EchoLoadProcess.EchoRound;
import dev.unitsbench.work.EmulatedGil;
import dev.unitsbench.work.Workloads;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedReader;
import java.io.PipedWriter;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** The load generator counts, times and checks what it claims, in this JVM and in a child JVM. */
class EchoLoadTest {

    @Test
    void aRoundSendsEveryRequestAndRecordsEveryLatency() throws Exception {
        try (EchoServer server = EchoServer.tcp(EchoStyle.VIRTUAL_THREAD);
             EchoLoad load = EchoLoad.open(EchoTransport.TCP, server.port(), 50)) {
            assertEquals(50, load.heldClients());
            assertEquals(0, load.failedClients());
            EchoLoad.Round round = load.round(3);
            assertEquals(150, round.answered.sum());
            assertEquals(0, round.mismatched.sum());
            assertEquals(0, round.failed.sum());
            assertEquals(150, round.latencyNanos.getTotalCount());
            assertTrue(round.latencyNanos.getMinValue() > 0 && round.nanos >= round.latencyNanos.getMaxValue() / 2,
                    "latencies are positive and lie within the round");
        }
    }

    @Test
    void udpRoundsCountEveryDatagram() throws Exception {
        try (EchoServer server = EchoServer.udp(EchoStyle.NIO);
             EchoLoad load = EchoLoad.open(EchoTransport.UDP, server.port(), 20)) {
            EchoLoad.Round round = load.round(5);
            assertEquals(100, round.answered.sum() + round.lost.sum(), "each datagram is answered or counted lost");
            assertEquals(0, round.mismatched.sum());
            assertEquals(round.answered.sum(), round.latencyNanos.getTotalCount());
        }
    }

    @Test
    void aWrongAnswerIsCountedAsMismatched() throws Exception {
        // A server that echoes lines back unchanged, not upper-cased.
        try (ServerSocket plain = new ServerSocket(0, 50, EchoProtocol.LOOPBACK);
             ExecutorService units = Executors.newVirtualThreadPerTaskExecutor()) {
            units.execute(() -> {
                while (true) {
                    try {
                        Socket client = plain.accept();
                        units.execute(() -> {
                            try (client; InputStream in = client.getInputStream(); OutputStream out = client.getOutputStream()) {
                                in.transferTo(out);
                            } catch (java.io.IOException e) {
                                // client gone
                            }
                        });
                    } catch (java.io.IOException closed) {
                        return;
                    }
                }
            });
            try (EchoLoad load = EchoLoad.open(EchoTransport.TCP, plain.getLocalPort(), 5)) {
                EchoLoad.Round round = load.round(2);
                assertEquals(10, round.mismatched.sum());
            }
            plain.close();
        }
    }

    @Test
    void connectionsThePoolCannotHoldAreReportedAsFailed() throws Exception {
        int connections = BlockingTcpEchoServer.POOL_THREADS + 10;
        try (EchoServer server = EchoServer.tcp(EchoStyle.THREAD_POOL);
             EchoLoad load = EchoLoad.open(EchoTransport.TCP, server.port(), connections)) {
            assertEquals(BlockingTcpEchoServer.POOL_THREADS, load.heldClients(), "one connection per pool thread");
            assertEquals(10, load.failedClients(), "the rest waited unanswered in the pool's queue");
            assertEquals(2L * BlockingTcpEchoServer.POOL_THREADS, load.round(2).answered.sum(), "the held ones are served");
        }
    }

    @Test
    void theLoadGeneratorRunsInAChildJvmAndLeavesNothingBehind() throws Exception {
        Set<String> threadsBefore = EchoClients.echoThreads();
        List<ProcessHandle> childrenBefore = EchoClients.liveChildren();
        try (EchoServer server = EchoServer.tcp(EchoStyle.NIO);
             EchoLoadProcess load = EchoLoadProcess.start(EchoTransport.TCP, server.port(), 30)) {
            assertEquals(30, load.heldClients());
            assertEquals(0, load.failedClients());
            EchoRound round = load.round(4);
            assertEquals(120, round.answered());
            assertEquals(0, round.mismatched());
            assertEquals(120, round.latencyNanos().getTotalCount(), "the histogram survives the trip through its text form");
            assertEquals(60, load.round(2).answered());
        }
        EchoServerTest.assertLeftNothing(threadsBefore, childrenBefore);
    }

    /**
     * The benchmark's score is the child's pace: after one {@code run} command the child runs
     * round after round and announces each, with no further command; {@code stop} returns the
     * latencies of exactly the rounds it announced.
     */
    @Test
    void afterRunTheLoadGeneratorRunsRoundsBackToBackUntilStopped() throws Exception {
        int clients = 10;
        int requests = 2;
        try (EchoServer server = EchoServer.tcp(EchoStyle.VIRTUAL_THREAD);
             PipedWriter commands = new PipedWriter();
             BufferedReader commandReader = new BufferedReader(new PipedReader(commands));
             ExecutorService loop = Executors.newVirtualThreadPerTaskExecutor()) {
            Lines out = new Lines();
            Future<Long> answered = loop.submit(() -> EchoLoad.serveCommands(EchoTransport.TCP, server.port(), clients,
                    EchoLoad.PROBE_TIMEOUT_MILLIS, commandReader, new PrintStream(out, true, StandardCharsets.US_ASCII)));
            out.await(line -> line.startsWith("connected "), 1);
            commands.write("run " + requests + "\n");
            commands.flush();
            out.await(line -> line.startsWith("round "), 5); // no command in between
            commands.write("stop\n");
            commands.flush();
            String stopped = out.await(line -> line.startsWith("stopped "), 1).get(0);
            commands.close();

            List<String> rounds = out.lines().stream().filter(line -> line.startsWith("round ")).toList();
            long announced = 0;
            for (String line : rounds) {
                EchoLoadProcess.RoundCounts round = EchoLoadProcess.RoundCounts.parse(line, "round");
                assertEquals((long) clients * requests, round.answered(), line);
                assertEquals(0, round.mismatched() + round.failed(), line);
                assertTrue(round.nanos() > 0, "the child times each round: " + line);
                announced += round.answered();
            }
            assertEquals(announced, EchoLoad.decode(stopped.substring("stopped ".length())).getTotalCount(),
                    "the latencies are those of the rounds announced, not of the one stopped");
            assertEquals(announced, answered.get(1, TimeUnit.MINUTES));
        }
    }

    @Test
    void theParentReadsRoundsAsTheChildRunsThemAndTheirLatenciesOnceAtTheEnd() throws Exception {
        try (EchoServer server = EchoServer.tcp(EchoStyle.NIO);
             EchoLoadProcess load = EchoLoadProcess.start(EchoTransport.TCP, server.port(), 10)) {
            assertNull(load.stopRounds(), "no rounds ran");
            for (int i = 0; i < 3; i++) {
                EchoLoadProcess.RoundCounts round = load.nextRound(2);
                assertEquals(20, round.answered());
                assertTrue(round.nanos() > 0);
            }
            assertThrows(IllegalStateException.class, () -> load.round(1), "one round at a time while rounds run");
            Histogram latencies = load.stopRounds();
            assertTrue(latencies.getTotalCount() >= 60 && latencies.getTotalCount() % 20 == 0,
                    "whole rounds, at least the three read: " + latencies.getTotalCount());
            assertEquals(10, load.round(1).answered(), "a single round after the rounds stopped");
            assertEquals(20, load.nextRound(2).answered(), "and rounds again");
        }
    }

    /** Lines printed to a stream by another thread, awaited with a time limit. */
    private static final class Lines extends OutputStream {
        private final StringBuilder text = new StringBuilder();

        @Override
        public synchronized void write(int b) {
            text.append((char) b);
            notifyAll();
        }

        synchronized List<String> lines() {
            return text.chars().filter(c -> c == '\n').count() == 0 ? List.of()
                    : List.of(text.substring(0, text.lastIndexOf("\n")).split("\n"));
        }

        /** Waits until {@code count} complete lines match, and returns them. */
        synchronized List<String> await(java.util.function.Predicate<String> match, int count) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
            while (true) {
                List<String> matching = lines().stream().filter(match).toList();
                if (matching.size() >= count) {
                    return matching;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("waited in vain for " + count + " lines; got: " + text);
                }
                wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
        }
    }

    @Test
    void childWorkloadsSurviveTheTripThroughTheirArguments() {
        PreforkedServerChild server = new PreforkedServerChild(EchoTransport.UDP, 4242);
        assertEquals(server, Workloads.fromArgs(server.toArgs(), new EmulatedGil()));
        EchoLoadChild load = new EchoLoadChild(EchoTransport.TCP, 4242, 10_000, 3_000);
        assertEquals(load, Workloads.fromArgs(load.toArgs(), new EmulatedGil()));
        ConnectionChild connection = new ConnectionChild();
        assertEquals(connection, Workloads.fromArgs(connection.toArgs(), new EmulatedGil()));
    }

    @Test
    void theProtocolUpperCasesAsciiLettersOnly() {
        assertEquals("ECHO CLIENT 7 REQUEST 3 ABCDEFXYZ", EchoProtocol.expectedAnswer(EchoProtocol.request(7, 3)));
        assertEquals("ÄÿÉ-Z0", EchoProtocol.expectedAnswer("Äÿé-z0").replace('é', 'É'),
                "bytes beyond ASCII are left alone, as Python's bytes.upper() does");
        assertEquals("é", EchoProtocol.expectedAnswer("é"));
    }

    @Test
    void aLineLongerThanTheLimitIsRefused() {
        byte[] buffer = new byte[8];
        assertThrows(java.io.IOException.class,
                () -> EchoProtocol.readLine(new java.io.ByteArrayInputStream("12345678\n".getBytes()), buffer));
    }
}
