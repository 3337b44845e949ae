package dev.unitsbench.net;

import java.io.IOException;
import java.time.Duration;

/**
 * A running echo server on {@link EchoProtocol#LOOPBACK}. {@link #close()} stops it and frees
 * everything it holds: its sockets, its threads, its child processes; the port is free afterwards.
 */
public interface EchoServer extends AutoCloseable {

    /** The port it listens on, on the loopback address. */
    int port();

    /**
     * How long a new connection may take to answer its first request: a few seconds, unless the
     * server starts something for each connection before it answers.
     */
    default Duration firstAnswerTimeout() {
        return Duration.ofMillis(EchoLoad.PROBE_TIMEOUT_MILLIS);
    }

    @Override
    void close() throws IOException, InterruptedException;

    /** Starts a TCP echo server of {@code style} on an ephemeral port. */
    static EchoServer tcp(EchoStyle style) throws IOException, InterruptedException {
        return switch (style) {
            case VIRTUAL_THREAD, PLATFORM_THREAD, THREAD_POOL -> BlockingTcpEchoServer.start(style, 0, false);
            case NIO -> NioTcpEchoServer.start();
            case PROCESS -> PreforkedEchoServer.start(EchoTransport.TCP, PreforkedEchoServer.defaultChildren());
            case PROCESS_PER_CONNECTION -> ProcessPerConnectionEchoServer.start();
        };
    }

    /**
     * Starts a UDP echo server of {@code style} on an ephemeral port.
     *
     * @throws IllegalArgumentException for {@link EchoStyle#THREAD_POOL} and
     *     {@link EchoStyle#PROCESS_PER_CONNECTION}, which are TCP only
     */
    static EchoServer udp(EchoStyle style) throws IOException, InterruptedException {
        return switch (style) {
            case VIRTUAL_THREAD, PLATFORM_THREAD -> UdpEchoServer.start(style, 0, false);
            case NIO -> NioUdpEchoServer.start();
            case PROCESS -> PreforkedEchoServer.start(EchoTransport.UDP, PreforkedEchoServer.defaultChildren());
            case THREAD_POOL, PROCESS_PER_CONNECTION -> throw new IllegalArgumentException(
                    style + " is a TCP style; UDP styles are VIRTUAL_THREAD, PLATFORM_THREAD, NIO, PROCESS");
        };
    }

    /** Starts an echo server of {@code style} over {@code transport}. */
    static EchoServer start(EchoTransport transport, EchoStyle style) throws IOException, InterruptedException {
        return transport == EchoTransport.TCP ? tcp(style) : udp(style);
    }
}
