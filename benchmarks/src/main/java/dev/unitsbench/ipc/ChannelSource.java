package dev.unitsbench.ipc;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;

/** A blocking channel (a socket, a pipe) as a {@link ByteSource}: a read waits in the kernel. */
final class ChannelSource implements ByteSource {

    private final ReadableByteChannel channel;
    private final boolean closes;

    /** @param closes whether {@link #close()} closes the channel (not the standard streams, which are the JVM's) */
    ChannelSource(ReadableByteChannel channel, boolean closes) {
        this.channel = channel;
        this.closes = closes;
    }

    @Override
    public int read(ByteBuffer into) throws IOException {
        int n = channel.read(into);
        if (n < 0) {
            throw new EOFException("the peer closed the channel");
        }
        return n;
    }

    @Override
    public void close() throws IOException {
        if (closes) {
            channel.close();
        }
    }
}
