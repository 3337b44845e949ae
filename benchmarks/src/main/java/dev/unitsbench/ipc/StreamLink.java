package dev.unitsbench.ipc;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * A {@link Link} over two one-way byte streams (or one end that is both), with length-prefixed
 * framing: each frame is a tag (int), a length (int), then the payload, big-endian. A frame is
 * written with as few writes as the stream allows (one up to {@link #BUFFER} bytes) and flushed at
 * once; the reader reads ahead as much as is there, so a run of small frames costs fewer reads
 * than frames.
 */
final class StreamLink implements Link {

    /** Frames longer than this are taken for corruption, not allocated. */
    static final int MAX_PAYLOAD = 16 << 20;

    /** The write and read-ahead buffer: a pipe's capacity on Linux. */
    static final int BUFFER = 64 * 1024;

    private static final int HEADER = 8;

    private final ByteSource in;
    private final ByteSink out;
    private final ByteBuffer inBuffer = ByteBuffer.allocate(BUFFER).limit(0);
    private final ByteBuffer outBuffer = ByteBuffer.allocate(BUFFER);
    private byte[] payload = new byte[256];

    StreamLink(ByteSource in, ByteSink out) {
        this.in = in;
        this.out = out;
    }

    /** Over one end that both reads and writes: a socket, a child's standard streams. */
    <E extends ByteSource & ByteSink> StreamLink(E end) {
        this(end, end);
    }

    /** The stream this link reads. */
    ByteSource source() {
        return in;
    }

    /** The stream this link writes. */
    ByteSink sink() {
        return out;
    }

    @Override
    public void send(int tag, byte[] bytes, int length) throws IOException {
        outBuffer.clear();
        outBuffer.putInt(tag).putInt(length);
        int done = 0;
        do {
            int n = Math.min(outBuffer.remaining(), length - done);
            outBuffer.put(bytes, done, n);
            done += n;
            outBuffer.flip();
            out.write(outBuffer);
            outBuffer.clear();
        } while (done < length);
        out.flush();
        if (Frame.endsRound(tag)) {
            out.nextRound();
        }
    }

    @Override
    public Frame receive() throws IOException {
        while (inBuffer.remaining() < HEADER) {
            readMore();
        }
        int tag = inBuffer.getInt();
        int length = inBuffer.getInt();
        if (length < 0 || length > MAX_PAYLOAD) {
            throw new IOException("corrupt frame: length " + length + " (tag " + tag + ")");
        }
        if (payload.length < length) {
            payload = new byte[length];
        }
        int done = 0;
        while (done < length) {
            if (!inBuffer.hasRemaining()) {
                readMore();
            }
            int n = Math.min(inBuffer.remaining(), length - done);
            inBuffer.get(payload, done, n);
            done += n;
        }
        if (Frame.endsRound(tag)) {
            if (inBuffer.hasRemaining()) {
                throw new IOException("corrupt stream: " + inBuffer.remaining() + " bytes after the end of a round");
            }
            in.nextRound();
        }
        return new Frame(tag, payload, length);
    }

    private void readMore() throws IOException {
        inBuffer.compact();
        try {
            in.read(inBuffer);
        } finally {
            inBuffer.flip();
        }
    }

    @Override
    public void close() throws IOException {
        try (in; out) {
            // Both closed, the first failure reported (one end that is both twice: the second does nothing).
        }
    }
}
