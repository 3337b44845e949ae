package dev.unitsbench.ipc;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.zip.CRC32C;

/**
 * The sending side of a channel benchmark: builds numbered messages whose bytes differ from one
 * message to the next, sends them over a {@link Link}, and keeps the count and a CRC32C of every
 * byte sent, to compare with what the peer counted ({@link #verify()}).
 *
 * <p>Message {@code n} starts with {@code n} (8 bytes, big-endian); the rest is a window of a
 * random pattern that starts at a different offset for each message. Building one costs a copy,
 * the same for every channel, and no two consecutive messages are equal, so no layer can answer
 * from a cache.
 */
public final class CheckedSender {

    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    /** The smallest message: room for its number. */
    public static final int MIN_SIZE = 8;

    /** How far the pattern window moves around (a power of two). */
    private static final int SPAN = 4096;

    private final Link link;
    private final int size;
    private final byte[] pattern;
    private final byte[] message;
    private final CRC32C checksum = new CRC32C();
    private long sent;

    public CheckedSender(Link link, int size) {
        if (size < MIN_SIZE || size > StreamLink.MAX_PAYLOAD) {
            throw new IllegalArgumentException("message size " + size + " is out of range; use "
                    + MIN_SIZE + " to " + StreamLink.MAX_PAYLOAD + " bytes");
        }
        this.link = link;
        this.size = size;
        this.pattern = new byte[size + SPAN];
        new SplittableRandom(size).nextBytes(pattern);
        this.message = new byte[size];
    }

    private void build() {
        LONG.set(message, 0, sent);
        System.arraycopy(pattern, (int) ((sent * 61) & (SPAN - 1)), message, MIN_SIZE, size - MIN_SIZE);
        checksum.update(message, 0, size);
        sent++;
    }

    /**
     * Sends {@code messages} messages one way, each as soon as it is built.
     *
     * @return the number of messages sent so far
     */
    public long stream(int messages) throws IOException {
        for (int i = 0; i < messages; i++) {
            build();
            link.send(Frame.DATA, message, size);
        }
        return sent;
    }

    /**
     * Sends one message to be echoed and waits for it to come back.
     *
     * @return the last byte of the echo (for the caller to consume)
     * @throws IOException if the echo differs from the message in any byte
     */
    public byte roundTrip() throws IOException {
        build();
        link.send(Frame.ECHO, message, size);
        Frame echo = link.receive();
        if (echo.tag() != Frame.DATA || echo.length() != size || !Arrays.equals(message, 0, size, echo.bytes(), 0, size)) {
            throw new IOException("message " + (sent - 1) + " came back corrupted (tag " + echo.tag()
                    + ", " + echo.length() + " of " + size + " bytes)");
        }
        return echo.bytes()[size - 1];
    }

    /**
     * Asks the peer what it received and compares it with what was sent: the end of a round.
     *
     * @throws IOException naming the difference, if a message was lost or corrupted
     */
    public void verify() throws IOException {
        link.send(Frame.REPORT, message, 0);
        Frame summary = link.receive();
        if (summary.tag() != Frame.SUMMARY || summary.length() != 16) {
            throw new IOException("corrupt stream: expected the peer's summary, got tag " + summary.tag()
                    + " with " + summary.length() + " bytes");
        }
        ByteBuffer peer = ByteBuffer.wrap(summary.bytes(), 0, 16);
        long received = peer.getLong();
        long peerChecksum = peer.getLong();
        if (received != sent || peerChecksum != checksum.getValue()) {
            throw new IOException(String.format("messages lost or corrupted: sent %d (CRC32C %08x), the peer received %d (CRC32C %08x)",
                    sent, checksum.getValue(), received, peerChecksum));
        }
    }

    /** Messages sent so far. */
    public long sent() {
        return sent;
    }
}
