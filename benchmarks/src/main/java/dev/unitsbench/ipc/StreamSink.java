package dev.unitsbench.ipc;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;

/**
 * A child's standard input, as the parent sees it ({@code Process.getOutputStream()}, buffered),
 * as a {@link ByteSink}: each frame is flushed, so it leaves in one write of up to 64 KiB.
 */
final class StreamSink implements ByteSink {

    private final OutputStream stream;

    StreamSink(OutputStream stream) {
        this.stream = stream;
    }

    @Override
    public void write(ByteBuffer from) throws IOException {
        stream.write(from.array(), from.arrayOffset() + from.position(), from.remaining());
        from.position(from.limit());
    }

    @Override
    public void flush() throws IOException {
        stream.flush();
    }

    @Override
    public void close() throws IOException {
        stream.close();
    }
}
