package dev.unitsbench.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.ThrowingConsumer;
import org.junit.jupiter.api.function.ThrowingSupplier;

/**
 * Every echo server, in every style, answers concurrent clients correctly and, once closed,
 * leaves nothing behind: no thread, no child process, and its port free again.
 */
class EchoServerTest {

    private static final int CLIENTS = 20;
    private static final int REQUESTS = 25;

    @ParameterizedTest
    @EnumSource(EchoStyle.class)
    void tcpServerEchoesUpperCasedLinesToConcurrentClientsAndShutsDownClean(EchoStyle style) throws Throwable {
        int port = talkThenClose(() -> EchoServer.tcp(style), serverPort -> {
            assertTrue(EchoClients.heldTcpSockets(serverPort) >= 1, "the leak probe sees the listening socket");
            assertEquals(CLIENTS * REQUESTS, EchoClients.talkTcp(serverPort, CLIENTS, REQUESTS));
        });
        assertNoTcpSocketHeld(port);
        assertTrue(EchoClients.tcpPortFree(port), "port " + port + " is free again");
    }

    @ParameterizedTest
    @EnumSource(value = EchoStyle.class, names = {"THREAD_POOL", "PROCESS_PER_CONNECTION"}, mode = EnumSource.Mode.EXCLUDE)
    void udpServerEchoesUpperCasedDatagramsToConcurrentClientsAndShutsDownClean(EchoStyle style) throws Throwable {
        int port = talkThenClose(() -> EchoServer.udp(style),
                serverPort -> assertEquals(CLIENTS * REQUESTS, EchoClients.talkUdp(serverPort, CLIENTS, REQUESTS)));
        assertTrue(EchoClients.udpPortFree(port), "port " + port + " is free again");
    }

    @ParameterizedTest
    @EnumSource(value = EchoStyle.class, names = {"THREAD_POOL", "PROCESS_PER_CONNECTION"})
    void theThreadPoolAndTheProcessPerConnectionAreTcpOnly(EchoStyle style) {
        assertThrows(IllegalArgumentException.class, () -> EchoServer.udp(style));
    }

    @Test
    void aProcessPerConnectionServerStartsOneChildPerConnectionAndEachEndsWithItsConnection() throws Exception {
        Set<String> threadsBefore = EchoClients.echoThreads();
        List<ProcessHandle> childrenBefore = EchoClients.liveChildren();
        try (ProcessPerConnectionEchoServer server = ProcessPerConnectionEchoServer.start()) {
            Set<Long> pids;
            try (EchoLoad load = EchoLoad.open(EchoTransport.TCP, server.port(), 4, Math.toIntExact(server.firstAnswerTimeout().toMillis()))) {
                assertEquals(4, load.heldClients());
                EchoLoad.Round round = load.round(3);
                assertEquals(12, round.answered.sum());
                assertEquals(0, round.mismatched.sum() + round.failed.sum());
                pids = server.childPids();
                assertEquals(4, pids.size(), "one child per connection");
                Set<Long> live = EchoClients.liveChildren().stream().map(ProcessHandle::pid).collect(Collectors.toSet());
                assertTrue(live.containsAll(pids), "every connection's child is a live child of this JVM while it serves");
                assertEquals(0, server.counts().refusedConnections().sum());
            }
            // The clients have closed; the server still runs: each child has ended with its connection.
            long deadline = System.nanoTime() + LEFTOVER_GRACE_MILLIS * 1_000_000;
            while (pids.stream().anyMatch(EchoServerTest::alive) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(List.of(), pids.stream().filter(EchoServerTest::alive).toList(), "children still alive after their connections closed");
        }
        assertLeftNothing(threadsBefore, childrenBefore);
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    @Test
    void theServersInThisJvmCountWhatTheyAnswered() throws Exception {
        EchoCounts blockingTcp;
        EchoCounts nioTcp;
        EchoCounts udp;
        EchoCounts nioUdp;
        try (BlockingTcpEchoServer blockingTcpServer = BlockingTcpEchoServer.start(EchoStyle.VIRTUAL_THREAD, 0, false);
             NioTcpEchoServer nioTcpServer = NioTcpEchoServer.start();
             UdpEchoServer udpServer = UdpEchoServer.start(EchoStyle.VIRTUAL_THREAD, 0, false);
             NioUdpEchoServer nioUdpServer = NioUdpEchoServer.start()) {
            EchoClients.talkTcp(blockingTcpServer.port(), CLIENTS, REQUESTS);
            EchoClients.talkTcp(nioTcpServer.port(), CLIENTS, REQUESTS);
            EchoClients.talkUdp(udpServer.port(), CLIENTS, REQUESTS);
            EchoClients.talkUdp(nioUdpServer.port(), CLIENTS, REQUESTS);
            blockingTcp = blockingTcpServer.counts();
            nioTcp = nioTcpServer.counts();
            udp = udpServer.counts();
            nioUdp = nioUdpServer.counts();
        }
        // Closed: every unit has ended, so every answer sent is counted.
        assertEquals(CLIENTS * REQUESTS, blockingTcp.served().sum());
        assertEquals(0, blockingTcp.refusedConnections().sum());
        assertEquals(CLIENTS * REQUESTS, nioTcp.served().sum());
        // A datagram lost on loopback is sent again by the client and answered again.
        assertTrue(udp.served().sum() >= CLIENTS * REQUESTS, udp.toString());
        assertTrue(nioUdp.served().sum() >= CLIENTS * REQUESTS, nioUdp.toString());
    }

    @Test
    void closingWithClientsStillConnectedEndsEveryConnection() throws Exception {
        for (EchoStyle style : List.of(EchoStyle.VIRTUAL_THREAD, EchoStyle.PLATFORM_THREAD, EchoStyle.THREAD_POOL, EchoStyle.NIO,
                EchoStyle.PROCESS_PER_CONNECTION)) {
            Set<String> threadsBefore = EchoClients.echoThreads();
            int port;
            try (EchoServer server = EchoServer.tcp(style);
                 EchoLoad load = EchoLoad.open(EchoTransport.TCP, server.port(), 10, Math.toIntExact(server.firstAnswerTimeout().toMillis()))) {
                port = server.port();
                assertEquals(10, load.heldClients(), style + " holds 10 connections");
                server.close(); // the clients are still connected
                EchoLoad.Round round = load.round(1);
                assertEquals(10, round.failed.sum(), style + ": every connection was closed by the server");
            }
            assertLeftNothing(threadsBefore, List.of());
            assertNoTcpSocketHeld(port);
        }
    }

    /**
     * Opens a server, lets {@code talk} check it on its port, closes it, and asserts that it left
     * no thread or child process behind.
     *
     * @return the port the server listened on
     */
    private static int talkThenClose(ThrowingSupplier<EchoServer> open, ThrowingConsumer<Integer> talk) throws Throwable {
        Set<String> threadsBefore = EchoClients.echoThreads();
        List<ProcessHandle> childrenBefore = EchoClients.liveChildren();
        int port;
        try (EchoServer server = open.get()) {
            port = server.port();
            talk.accept(port);
        }
        assertLeftNothing(threadsBefore, childrenBefore);
        return port;
    }

    /**
     * No echo thread and no child process is left. A thread that has finished its last task may
     * still be on its way out when an executor reports termination, so this waits up to
     * {@link #LEFTOVER_GRACE_MILLIS} for them to go.
     */
    static void assertLeftNothing(Set<String> threadsBefore, List<ProcessHandle> childrenBefore) throws InterruptedException {
        long deadline = System.nanoTime() + LEFTOVER_GRACE_MILLIS * 1_000_000;
        Set<String> threadsAfter;
        List<ProcessHandle> childrenAfter;
        do {
            threadsAfter = EchoClients.echoThreads();
            threadsAfter.removeAll(threadsBefore);
            childrenAfter = new java.util.ArrayList<>(EchoClients.liveChildren());
            childrenAfter.removeAll(childrenBefore);
            if (threadsAfter.isEmpty() && childrenAfter.isEmpty()) {
                return;
            }
            Thread.sleep(20);
        } while (System.nanoTime() < deadline);
        assertEquals(Set.of(), threadsAfter, "threads left behind");
        assertEquals(List.of(), childrenAfter, "child processes left behind");
    }

    /** No socket on {@code port} stays open in any process (waiting, as above, for closes in flight). */
    static void assertNoTcpSocketHeld(int port) throws Exception {
        long deadline = System.nanoTime() + LEFTOVER_GRACE_MILLIS * 1_000_000;
        while (EchoClients.heldTcpSockets(port) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(0, EchoClients.heldTcpSockets(port), "sockets still open on port " + port + " (/proc/net/tcp)");
    }

    private static final long LEFTOVER_GRACE_MILLIS = 5_000;
}
