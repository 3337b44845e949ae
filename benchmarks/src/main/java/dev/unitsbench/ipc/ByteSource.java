package dev.unitsbench.ipc;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;

/** The reading side of a one-way byte stream: a pipe, a socket, a mapped ring, a file. */
interface ByteSource extends Closeable {

    /**
     * Reads at least one byte into {@code into} (which has room), waiting for it.
     *
     * @throws java.io.EOFException if the stream has ended
     */
    int read(ByteBuffer into) throws IOException;

    /** The writer ended a round and will write nothing more to what was read so far. */
    default void nextRound() throws IOException {
    }
}
