package dev.unitsbench.work;

import java.io.IOException;

/**
 * A parent's connection to a server workload that listens on a socket (the dict server,
 * the queue server): what the parent needs to know the server is up and to stop it.
 */
public interface ServerConnection extends AutoCloseable {

    /** Sends a request every server answers, and waits for the answer. */
    void ping() throws IOException;

    /** Asks the server to stop accepting connections; it ends once its clients are gone. */
    void shutdown() throws IOException;

    @Override
    void close() throws IOException;
}
