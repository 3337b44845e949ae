package dev.unitsbench.net;

import dev.unitsbench.model.ExecutionModel;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The tutorial's UDP echo server ({@code data, addr = server.recvfrom(1024);
 * server.sendto(data.upper(), addr)}) with a unit per datagram: UDP has no connections, so the
 * datagram is the only unit of work there is to hand to a thread. One receiving thread takes
 * datagrams off the socket and starts a new virtual or platform thread for each, which
 * upper-cases it and sends it back. The receive loop itself is the same in both styles; what
 * differs is the cost of starting the unit.
 *
 * <p>A datagram that cannot get a thread is dropped and counted in {@link EchoCounts#dropped()}, as a
 * full socket buffer drops it: UDP promises nothing, and the client counts it as lost.
 */
public final class UdpEchoServer implements EchoServer {

    /** Socket receive buffer asked for: Linux caps it at {@code net.core.rmem_max} (4 MiB here, often 208 KiB). */
    static final int RECEIVE_BUFFER = 4 << 20;

    private static final long CLOSE_TIMEOUT_SECONDS = 10;

    private final DatagramChannel channel;
    private final ExecutorService units;
    private final Thread receiver;
    private final EchoCounts counts = new EchoCounts();

    private UdpEchoServer(DatagramChannel channel, ExecutorService units, EchoStyle style) {
        this.channel = channel;
        this.units = units;
        this.receiver = ExecutionModel.PLATFORM_THREAD.threadBuilder("echo-udp-receive-" + style + "-").unstarted(this::receiveAll);
    }

    /**
     * Starts a server on {@code port} (0: an ephemeral port).
     *
     * @param reusePort bind with {@code SO_REUSEPORT} ({@link PreforkedEchoServer}); the kernel then
     *     spreads datagrams among the sockets bound to the port by the client's address
     */
    public static UdpEchoServer start(EchoStyle style, int port, boolean reusePort) throws IOException {
        ExecutorService units = switch (style) {
            case VIRTUAL_THREAD -> Executors.newThreadPerTaskExecutor(style.model().threadBuilder("echo-udp-virtual-").factory());
            case PLATFORM_THREAD -> Executors.newThreadPerTaskExecutor(style.model().threadBuilder("echo-udp-platform-").factory());
            default -> throw new IllegalArgumentException(style + " is not a thread-per-datagram style");
        };
        DatagramChannel channel = DatagramChannel.open();
        try {
            if (reusePort) {
                channel.setOption(StandardSocketOptions.SO_REUSEPORT, true);
            }
            channel.setOption(StandardSocketOptions.SO_RCVBUF, RECEIVE_BUFFER);
            channel.bind(new InetSocketAddress(EchoProtocol.LOOPBACK, port));
        } catch (IOException | RuntimeException e) {
            channel.close();
            units.shutdownNow();
            throw e;
        }
        UdpEchoServer server = new UdpEchoServer(channel, units, style);
        server.receiver.start();
        return server;
    }

    @Override
    public int port() {
        try {
            return ((InetSocketAddress) channel.getLocalAddress()).getPort();
        } catch (IOException e) {
            throw new IllegalStateException("closed", e);
        }
    }

    /** The datagrams it has answered and dropped so far. */
    public EchoCounts counts() {
        return counts;
    }

    private void receiveAll() {
        while (true) {
            ByteBuffer datagram = ByteBuffer.allocate(EchoProtocol.MAX_MESSAGE);
            SocketAddress from;
            try {
                from = channel.receive(datagram);
            } catch (IOException e) {
                return; // closed by close()
            }
            datagram.flip();
            try {
                units.execute(() -> answer(datagram, from));
            } catch (OutOfMemoryError | RejectedExecutionException e) {
                counts.dropped().increment();
            }
        }
    }

    private void answer(ByteBuffer datagram, SocketAddress to) {
        EchoProtocol.upperInPlace(datagram.array(), 0, datagram.limit());
        try {
            channel.send(datagram, to);
            counts.served().increment();
        } catch (IOException e) {
            counts.dropped().increment(); // closing, or the socket buffer is full: UDP may drop it
        }
    }

    /** Closes the socket, which ends the receive loop, and waits for every unit to end. */
    @Override
    public void close() throws IOException, InterruptedException {
        channel.close();
        receiver.join(TimeUnit.SECONDS.toMillis(CLOSE_TIMEOUT_SECONDS));
        units.shutdown();
        if (!units.awaitTermination(CLOSE_TIMEOUT_SECONDS, TimeUnit.SECONDS) || receiver.isAlive()) {
            units.shutdownNow();
            throw new IOException("UDP echo server threads did not end within " + CLOSE_TIMEOUT_SECONDS + " s");
        }
    }
}
