package dev.unitsbench.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unitsbench.net.EchoLoadProcess.EchoRound;
import dev.unitsbench.work.EmulatedGil;
import dev.unitsbench.work.Workloads;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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

    @Test
    void childWorkloadsSurviveTheTripThroughTheirArguments() {
        EchoServerWorker server = new EchoServerWorker(EchoTransport.UDP, 4242);
        assertEquals(server, Workloads.fromArgs(server.toArgs(), new EmulatedGil()));
        EchoLoadWorker load = new EchoLoadWorker(EchoTransport.TCP, 4242, 10_000);
        assertEquals(load, Workloads.fromArgs(load.toArgs(), new EmulatedGil()));
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

    private static void assertThrows(Class<? extends Throwable> type, org.junit.jupiter.api.function.Executable body) {
        org.junit.jupiter.api.Assertions.assertThrows(type, body);
    }
}
