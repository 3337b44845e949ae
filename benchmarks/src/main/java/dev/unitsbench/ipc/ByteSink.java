package dev.unitsbench.ipc;

import java.io.IOException;
import java.nio.ByteBuffer;

/** The writing side of a one-way byte stream: a pipe, a socket, a mapped ring, a file. */
interface ByteSink extends ByteStream {

    /** Writes all of {@code from}, waiting for room where the stream is bounded. */
    void write(ByteBuffer from) throws IOException;

    /** Makes everything written so far visible to the reader. */
    default void flush() throws IOException {
    }
}
