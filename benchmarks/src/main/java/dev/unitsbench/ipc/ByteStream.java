package dev.unitsbench.ipc;

import java.io.Closeable;
import java.io.IOException;

/**
 * One side of a one-way byte stream that a benchmark's rounds (its iterations) divide: what
 * {@link ByteSource} and {@link ByteSink} share, so that one object can be both, as a socket is.
 */
interface ByteStream extends Closeable {

    /**
     * This side is at the end of a round: a writer wrote the round's last frame (the reader has
     * everything it will get before the round's end); a reader read it (the writer will write
     * nothing more to what was read so far). A stream reused from round to round does nothing.
     */
    default void nextRound() throws IOException {
    }
}
