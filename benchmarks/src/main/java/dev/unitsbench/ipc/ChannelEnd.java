package dev.unitsbench.ipc;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.SocketChannel;
import java.nio.channels.WritableByteChannel;

/**
 * One end of a two-way connection over blocking channels, as a {@link ByteSource} and a
 * {@link ByteSink}: a socket (one channel both ways), or a child's standard input and output (two
 * channels). A read waits in the kernel; nothing is buffered on our side.
 *
 * @param in the channel this end reads
 * @param out the channel this end writes
 * @param closes whether {@link #close()} closes the channels (not the standard streams, which are the JVM's)
 */
record ChannelEnd(ReadableByteChannel in, WritableByteChannel out, boolean closes) implements ByteSource, ByteSink {

    /** Both directions of {@code socket}, closed with this end. */
    static ChannelEnd of(SocketChannel socket) {
        return new ChannelEnd(socket, socket, true);
    }

    @Override
    public int read(ByteBuffer into) throws IOException {
        int n = in.read(into);
        if (n < 0) {
            throw new EOFException("the peer closed the channel");
        }
        return n;
    }

    @Override
    public void write(ByteBuffer from) throws IOException {
        writeAll(out, from);
    }

    /** Writes all of {@code from} to {@code channel}: a blocking channel may take it in several writes. */
    static void writeAll(WritableByteChannel channel, ByteBuffer from) throws IOException {
        while (from.hasRemaining()) {
            channel.write(from);
        }
    }

    @Override
    public void close() throws IOException {
        if (closes) {
            try (in; out) {
                // Both closed, the first failure reported (a socket is both: its second close does nothing).
            }
        }
    }
}
