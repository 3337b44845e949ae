package dev.unitsbench.ipc;

import java.io.Closeable;
import java.io.IOException;

/** One end of a two-way message channel between two units (processes or threads). */
public interface Link extends Closeable {

    /**
     * Sends {@code payload[0, length)} tagged {@code tag}. On return the peer can receive it: a
     * link never holds a message back to batch it with the next. The caller may reuse
     * {@code payload} at once.
     */
    void send(int tag, byte[] payload, int length) throws IOException;

    /**
     * Receives the next frame, waiting for it (a bounded time: a silent peer is an error). Its
     * bytes are valid until the next call.
     */
    Frame receive() throws IOException;
}
