package dev.unitsbench.work;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The accept loop of a server workload on a Unix-domain socket (the dict server of the
 * shared-state family, the queue server of the producer/consumer family): binds {@code socket},
 * serves each connection on a virtual thread of its own, and returns once the server socket is
 * closed (by a client's shut-down request, through the {@link ServerSocketChannel} each handler
 * gets). The socket file is removed at the end.
 */
public final class SocketServer {

    /** Serves one client until it goes; may close {@code server} to stop the accept loop. */
    @FunctionalInterface
    public interface Handler {
        void serve(SocketChannel client, ServerSocketChannel server);
    }

    private SocketServer() {
    }

    /**
     * Accepts connections on {@code socket} until the server socket is closed.
     *
     * @param threadName the name of each connection's virtual thread
     */
    public static void serve(Path socket, String threadName, Handler handler) throws IOException {
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            while (true) {
                SocketChannel client;
                try {
                    client = server.accept();
                } catch (ClosedChannelException e) {
                    return; // a shut-down request closed it
                }
                Thread.ofVirtual().name(threadName).start(() -> handler.serve(client, server));
            }
        } finally {
            Files.deleteIfExists(socket);
        }
    }
}
