package dev.unitsbench.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** Plain test clients, written apart from {@link EchoLoad} so that they check it too, and leak checks. */
final class EchoClients {

    private EchoClients() {
    }

    /**
     * {@code clients} TCP clients at once, each sending {@code requests} lines and checking every
     * answer against the request upper-cased by hand.
     *
     * @return the answers checked
     */
    static int talkTcp(int port, int clients, int requests) throws Exception {
        return allAtOnce(clients, client -> {
            try (Socket socket = new Socket(EchoProtocol.LOOPBACK, port)) {
                socket.setSoTimeout(120_000); // a process per connection answers once its JVM has started
                BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
                OutputStream out = socket.getOutputStream();
                for (int r = 0; r < requests; r++) {
                    String line = "hello from client " + client + ", line " + r + ": MiXeD case, ÿ!";
                    out.write((line + "\n").getBytes(StandardCharsets.ISO_8859_1));
                    assertEquals("HELLO FROM CLIENT " + client + ", LINE " + r + ": MIXED CASE, ÿ!", in.readLine());
                }
                return requests;
            }
        });
    }

    /** As {@link #talkTcp}, with datagrams; a datagram lost on loopback is sent again (up to 5 times). */
    static int talkUdp(int port, int clients, int requests) throws Exception {
        return allAtOnce(clients, client -> {
            try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(EchoProtocol.LOOPBACK, 0))) {
                socket.connect(new InetSocketAddress(EchoProtocol.LOOPBACK, port));
                socket.setSoTimeout(2_000);
                for (int r = 0; r < requests; r++) {
                    byte[] request = ("datagram " + client + "/" + r + " abc").getBytes(StandardCharsets.ISO_8859_1);
                    String expected = "DATAGRAM " + client + "/" + r + " ABC";
                    String got = null;
                    for (int attempt = 0; attempt < 5 && !expected.equals(got); attempt++) {
                        socket.send(new DatagramPacket(request, request.length));
                        DatagramPacket answer = new DatagramPacket(new byte[1024], 1024);
                        try {
                            do {
                                socket.receive(answer);
                                got = new String(answer.getData(), 0, answer.getLength(), StandardCharsets.ISO_8859_1);
                            } while (!expected.equals(got) && got.startsWith("DATAGRAM " + client + "/")); // a late answer to an earlier one
                        } catch (java.net.SocketTimeoutException lost) {
                            // send it again
                        }
                    }
                    assertEquals(expected, got);
                }
                return requests;
            }
        });
    }

    /** One test client: checks its answers and returns how many it checked. */
    private interface Client {
        int talk(int client) throws Exception;
    }

    /** Runs {@code clients} clients at once, each on a virtual thread; the answers they checked, summed. */
    private static int allAtOnce(int clients, Client talk) throws Exception {
        List<Future<Integer>> done = new ArrayList<>();
        try (ExecutorService units = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < clients; c++) {
                int client = c;
                done.add(units.submit(() -> talk.talk(client)));
            }
        }
        int answered = 0;
        for (Future<Integer> f : done) {
            answered += f.get(1, TimeUnit.MINUTES);
        }
        return answered;
    }

    /** Names of this JVM's live platform threads that an echo server started. */
    static Set<String> echoThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(name -> name.startsWith("echo-") || name.startsWith("child-lines-"))
                .collect(Collectors.toSet());
    }

    /** This JVM's child processes that are still alive. */
    static List<ProcessHandle> liveChildren() {
        return ProcessHandle.current().children().filter(ProcessHandle::isAlive).toList();
    }

    /** Whether a new TCP server can listen on {@code port} of the loopback address. */
    static boolean tcpPortFree(int port) {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(EchoProtocol.LOOPBACK, port));
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /**
     * Sockets on local TCP {@code port} that a process still holds open: listening, established,
     * or closed by the peer and not yet by us (CLOSE_WAIT), from Linux's {@code /proc/net/tcp} and
     * {@code tcp6}. Connections the server closed first linger in FIN_WAIT or TIME_WAIT, owned by
     * the kernel alone; those are not leaks and are not counted.
     */
    static long heldTcpSockets(int port) throws java.io.IOException {
        long held = 0;
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            java.nio.file.Path path = java.nio.file.Path.of(table);
            if (!java.nio.file.Files.exists(path)) {
                continue;
            }
            for (String line : java.nio.file.Files.readAllLines(path)) {
                String[] fields = line.strip().split("\\s+");
                if (fields.length < 4 || !fields[1].contains(":")) {
                    continue; // the header
                }
                String localPort = fields[1].substring(fields[1].lastIndexOf(':') + 1);
                String state = fields[3];
                if (Integer.parseInt(localPort, 16) == port && Set.of("01", "08", "0A").contains(state)) {
                    held++;
                }
            }
        }
        return held;
    }

    /** Whether a new UDP socket can bind {@code port} of the loopback address. */
    static boolean udpPortFree(int port) {
        try (DatagramSocket probe = new DatagramSocket(new InetSocketAddress(EchoProtocol.LOOPBACK, port))) {
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
