package dev.unitsbench.ipc;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;

/** A blocking channel (a socket, a pipe) as a {@link ByteSink}: nothing is buffered on our side. */
final class ChannelSink implements ByteSink {

    private final WritableByteChannel channel;
    private final boolean closes;

    /** @param closes whether {@link #close()} closes the channel (not the standard streams, which are the JVM's) */
    ChannelSink(WritableByteChannel channel, boolean closes) {
        this.channel = channel;
        this.closes = closes;
    }

    @Override
    public void write(ByteBuffer from) throws IOException {
        while (from.hasRemaining()) {
            channel.write(from);
        }
    }

    @Override
    public void close() throws IOException {
        if (closes) {
            channel.close();
        }
    }
}
