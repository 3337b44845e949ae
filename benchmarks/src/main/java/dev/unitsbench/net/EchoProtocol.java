package dev.unitsbench.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.LongAdder;

/**
 * The tutorial's echo protocol (claim Q10): a client sends a line, the server answers the same
 * line upper-cased, as {@code conn.send(data.upper())} does in the tutorial's TCP server and
 * {@code server.sendto(data.upper(), client_addr)} in its UDP server.
 *
 * <p>Upper-casing is Python's {@code bytes.upper()}: ASCII {@code a-z} only, every other byte
 * unchanged, so every style (streams, NIO buffers, datagrams) gives the same answer byte for byte.
 * Over TCP a message is one line ended by {@code '\n'}; over UDP a message is one datagram.
 */
public final class EchoProtocol {

    /** Every server and client here binds to the loopback address only. */
    public static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    /**
     * The longest line or datagram accepted, newline included: requests here are about 40 bytes.
     * A TCP client that sends a longer line is disconnected; a longer datagram is cut off.
     */
    public static final int MAX_MESSAGE = 1024;

    /**
     * The listen backlog asked for: enough for 10 000 connects in flight. Linux caps it at
     * {@code net.core.somaxconn} (4096 on the machine this suite was written on); the load
     * generator connects in batches well below that.
     */
    public static final int BACKLOG = 10_000;

    private EchoProtocol() {
    }

    /** Upper-cases ASCII letters of {@code bytes[from..to)} in place, as Python's {@code bytes.upper()}. */
    public static void upperInPlace(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            byte b = bytes[i];
            if (b >= 'a' && b <= 'z') {
                bytes[i] = (byte) (b - ('a' - 'A'));
            }
        }
    }

    /** The answer a correct server gives to {@code request}. */
    public static String expectedAnswer(String request) {
        byte[] bytes = request.getBytes(StandardCharsets.ISO_8859_1);
        upperInPlace(bytes, 0, bytes.length);
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    /** A request of client {@code client}: lower-case letters and digits, distinct per client and sequence number. */
    public static String request(int client, long sequence) {
        return "echo client " + client + " request " + sequence + " abcdefxyz";
    }

    /**
     * Answers each line of {@code in} on {@code out}, upper-cased, one write and flush per answer,
     * until {@code in} ends; counts every answer in {@code answered}.
     *
     * @throws IOException if a line is too long, or either stream fails
     */
    public static void answerLines(InputStream in, OutputStream out, LongAdder answered) throws IOException {
        byte[] line = new byte[MAX_MESSAGE];
        int length;
        while ((length = readLine(in, line)) >= 0) {
            upperInPlace(line, 0, length);
            line[length] = '\n';
            out.write(line, 0, length + 1);
            out.flush();
            answered.increment();
        }
    }

    /**
     * Reads one line into {@code buffer}, without its {@code '\n'}; the buffer's last byte is left
     * free, so that the caller can put the {@code '\n'} back and write the line in one call.
     *
     * @return the line's length, or -1 at end of stream before any byte
     * @throws IOException if the line is longer than the buffer or the stream ends inside it
     */
    public static int readLine(InputStream in, byte[] buffer) throws IOException {
        int length = 0;
        while (true) {
            int b = in.read();
            if (b < 0) {
                if (length == 0) {
                    return -1;
                }
                throw new IOException("stream ended inside a line");
            }
            if (b == '\n') {
                return length;
            }
            if (length == buffer.length - 1) {
                throw new IOException("line longer than " + (buffer.length - 1) + " bytes");
            }
            buffer[length++] = (byte) b;
        }
    }
}
