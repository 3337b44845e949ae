package dev.unitsbench.pinning;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The loopback peer: it answers each request after its delay, only on 127.0.0.1, and closes completely. */
class DelayedReplyPeerTest {

    private static final Duration DELAY = Duration.ofMillis(20);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Test
    void repliesWithTheSameByteNoSoonerThanTheDelay() throws IOException {
        try (DelayedReplyPeer peer = new DelayedReplyPeer(3, DELAY, TIMEOUT)) {
            for (int i = 0; i < 3; i++) {
                long start = System.nanoTime();
                DelayedReplyPeer.request(peer.client(i), 200 + i);
                assertTrue(System.nanoTime() - start >= DELAY.toNanos(), "the reply came before the delay");
            }
        }
    }

    @Test
    void listensOnLoopbackOnly() throws IOException {
        try (DelayedReplyPeer peer = new DelayedReplyPeer(1, DELAY, TIMEOUT)) {
            assertTrue(peer.client(0).getInetAddress().isLoopbackAddress());
        }
    }

    @Test
    void closingEndsEveryPeerThreadAndTheListener() throws IOException {
        DelayedReplyPeer peer = new DelayedReplyPeer(4, DELAY, TIMEOUT);
        DelayedReplyPeer.request(peer.client(0), 1);
        assertFalse(peer.stopped());
        peer.close();
        assertTrue(peer.stopped(), "a peer thread outlived close()");
        assertTrue(peer.client(0).isClosed());
        assertThrows(ConnectException.class, () -> new Socket(InetAddress.getLoopbackAddress(), peer.port()).close());
    }

    @Test
    void refusesMoreConnectionsThanItsBound() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new DelayedReplyPeer(DelayedReplyPeer.MAX_CONNECTIONS + 1, DELAY, TIMEOUT));
        assertTrue(e.getMessage().contains("lower unitsPerCarrier"), e.getMessage());
    }
}
