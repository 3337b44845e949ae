package dev.unitsbench.ipc;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;

/**
 * The parent's end of a child's standard streams, as a {@link ByteSource} and a {@link ByteSink}:
 * it reads the child's standard output ({@code Process.getInputStream()}) and writes its standard
 * input ({@code Process.getOutputStream()}, buffered). The buffers are heap buffers, so the
 * streams read and write their arrays directly; each frame is flushed, so it leaves in one write
 * of up to 64 KiB.
 *
 * @param in the child's standard output
 * @param out the child's standard input
 */
record StreamEnd(InputStream in, OutputStream out) implements ByteSource, ByteSink {

    @Override
    public int read(ByteBuffer into) throws IOException {
        int n = in.read(into.array(), into.arrayOffset() + into.position(), into.remaining());
        if (n < 0) {
            throw new EOFException("the peer closed its end of the pipe");
        }
        into.position(into.position() + n);
        return n;
    }

    @Override
    public void write(ByteBuffer from) throws IOException {
        out.write(from.array(), from.arrayOffset() + from.position(), from.remaining());
        from.position(from.limit());
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        try (in; out) {
            // Both closed, the first failure reported.
        }
    }
}
