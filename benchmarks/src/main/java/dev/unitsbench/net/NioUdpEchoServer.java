package dev.unitsbench.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;

/**
 * The tutorial's UDP echo server as an event loop (claim Q4's non-blocking style): one thread, a
 * {@link Selector}, a non-blocking datagram channel. When the channel is readable the loop
 * receives every datagram waiting, upper-cases it and sends it back, without ever blocking. A
 * datagram the socket cannot send at once (its buffer full) is dropped and counted, as UDP may.
 */
public final class NioUdpEchoServer implements EchoServer {

    private static final long CLOSE_TIMEOUT_MILLIS = 10_000;

    private final DatagramChannel channel;
    private final Selector selector;
    private final Thread loop;
    private final EchoCounts counts = new EchoCounts();
    private volatile boolean closing;

    private NioUdpEchoServer(DatagramChannel channel, Selector selector) {
        this.channel = channel;
        this.selector = selector;
        this.loop = EchoStyle.NIO.model().threadBuilder("echo-udp-nio-loop-").unstarted(this::runLoop);
    }

    /** Starts a server on an ephemeral port. */
    public static NioUdpEchoServer start() throws IOException {
        Selector selector = Selector.open();
        DatagramChannel channel = DatagramChannel.open();
        try {
            channel.setOption(StandardSocketOptions.SO_RCVBUF, UdpEchoServer.RECEIVE_BUFFER);
            channel.bind(new InetSocketAddress(EchoProtocol.LOOPBACK, 0));
            channel.configureBlocking(false);
            channel.register(selector, SelectionKey.OP_READ);
        } catch (IOException | RuntimeException e) {
            channel.close();
            selector.close();
            throw e;
        }
        NioUdpEchoServer server = new NioUdpEchoServer(channel, selector);
        server.loop.start();
        return server;
    }

    @Override
    public int port() {
        return channel.socket().getLocalPort();
    }

    /** The datagrams it has answered and dropped so far. */
    public EchoCounts counts() {
        return counts;
    }

    private void runLoop() {
        ByteBuffer datagram = ByteBuffer.allocate(EchoProtocol.MAX_MESSAGE);
        try {
            while (!closing) {
                selector.select();
                selector.selectedKeys().clear();
                SocketAddress from;
                while (!closing && (from = channel.receive(datagram.clear())) != null) {
                    datagram.flip();
                    EchoProtocol.upperInPlace(datagram.array(), 0, datagram.limit());
                    if (channel.send(datagram, from) == 0) {
                        counts.dropped().increment();
                    } else {
                        counts.served().increment();
                    }
                }
            }
        } catch (IOException e) {
            if (!closing) {
                System.err.println("echo-udp-nio-loop: stopped by " + e);
            }
        } finally {
            try {
                selector.close();
                channel.close();
            } catch (IOException e) {
                // Closing anyway.
            }
        }
    }

    /** Stops the loop, which closes the socket, and waits for it to end. */
    @Override
    public void close() throws IOException, InterruptedException {
        closing = true;
        selector.wakeup();
        loop.join(CLOSE_TIMEOUT_MILLIS);
        if (loop.isAlive()) {
            throw new IOException("the UDP echo server's event loop did not end within 10 s");
        }
    }
}
