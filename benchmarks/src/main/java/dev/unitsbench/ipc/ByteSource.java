package dev.unitsbench.ipc;

import java.io.IOException;
import java.nio.ByteBuffer;

/** The reading side of a one-way byte stream: a pipe, a socket, a mapped ring, a file. */
interface ByteSource extends ByteStream {

    /**
     * Reads at least one byte into {@code into} (which has room), waiting for it.
     *
     * @throws java.io.EOFException if the stream has ended
     */
    int read(ByteBuffer into) throws IOException;
}
