package dev.unitsbench.net;

import java.io.IOException;

/**
 * A running echo server on {@link EchoProtocol#LOOPBACK}. {@link #close()} stops it and frees
 * everything it holds: its sockets, its threads, its child processes; the port is free afterwards.
 */
public interface EchoServer extends AutoCloseable {

    /** The port it listens on, on the loopback address. */
    int port();

    @Override
    void close() throws IOException, InterruptedException;

    /** Starts a TCP echo server of {@code style} on an ephemeral port. */
    static EchoServer tcp(EchoStyle style) throws IOException, InterruptedException {
        return switch (style) {
            case VIRTUAL_THREAD, PLATFORM_THREAD, THREAD_POOL -> BlockingTcpEchoServer.start(style, 0, false);
            case NIO -> NioTcpEchoServer.start();
            case PROCESS -> ForkedEchoServer.start(EchoTransport.TCP, ForkedEchoServer.defaultWorkers());
        };
    }

    /**
     * Starts a UDP echo server of {@code style} on an ephemeral port.
     *
     * @throws IllegalArgumentException for {@link EchoStyle#THREAD_POOL}, which is TCP only
     */
    static EchoServer udp(EchoStyle style) throws IOException, InterruptedException {
        return switch (style) {
            case VIRTUAL_THREAD, PLATFORM_THREAD -> UdpEchoServer.start(style, 0, false);
            case NIO -> NioUdpEchoServer.start();
            case PROCESS -> ForkedEchoServer.start(EchoTransport.UDP, ForkedEchoServer.defaultWorkers());
            case THREAD_POOL -> throw new IllegalArgumentException(
                    "THREAD_POOL is a TCP style; UDP styles are VIRTUAL_THREAD, PLATFORM_THREAD, NIO, PROCESS");
        };
    }

    /** Starts an echo server of {@code style} over {@code transport}. */
    static EchoServer start(EchoTransport transport, EchoStyle style) throws IOException, InterruptedException {
        return transport == EchoTransport.TCP ? tcp(style) : udp(style);
    }
}
