package dev.unitsbench.ipc;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;

/**
 * A child's standard output, as the parent sees it ({@code Process.getInputStream()}), as a
 * {@link ByteSource}. The buffer is a heap buffer, so the stream reads straight into it.
 */
final class StreamSource implements ByteSource {

    private final InputStream stream;

    StreamSource(InputStream stream) {
        this.stream = stream;
    }

    @Override
    public int read(ByteBuffer into) throws IOException {
        int n = stream.read(into.array(), into.arrayOffset() + into.position(), into.remaining());
        if (n < 0) {
            throw new EOFException("the peer closed its end of the pipe");
        }
        into.position(into.position() + n);
        return n;
    }

    @Override
    public void close() throws IOException {
        stream.close();
    }
}
