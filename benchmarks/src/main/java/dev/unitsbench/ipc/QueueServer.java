package dev.unitsbench.ipc;

import dev.unitsbench.work.SocketServer;
import dev.unitsbench.work.Workload;
import dev.unitsbench.work.Workloads;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A joinable queue served to other processes over a Unix-domain socket (claim Q8): the JVM's
 * counterpart of {@code multiprocessing.JoinableQueue}, whose items also live behind a pipe and a
 * lock in another place than the producers and consumers. It holds a {@link JoinableQueue} and
 * serves each connection on a virtual thread of its own, one binary request after another:
 *
 * <pre>
 *   'P' id(long) putNanos(long)  put an item                       (no answer)
 *   'T'                          take an item, waiting for one     -> id(long) putNanos(long)
 *   'D'                          task done                         (no answer)
 *   'Y'                          sync: all my earlier requests are applied -> 'Y'
 *   'J' millis(long)             join, waiting at most millis      -> 'J' (all done) or 'N' (not in time)
 *   'Q'                          shut down                         -> 'Q', and the server stops accepting
 * </pre>
 * A request the server cannot parse, or a {@code task_done} too many, closes that connection (its
 * client sees the end of the stream) and says why on standard error.
 *
 * @param socket where the server listens; the file is created at start and removed at the end
 */
public record QueueServer(Path socket) implements Workload {

    /**
     * Serves until a client sends 'Q'.
     *
     * @return the number of items put
     */
    @Override
    public long run() throws IOException {
        JoinableQueue<QueueItem> queue = new JoinableQueue<>();
        AtomicLong puts = new AtomicLong();
        SocketServer.serve(socket, "queue-client", (client, server) -> serve(client, queue, puts, server));
        return puts.get();
    }

    private static void serve(SocketChannel client, JoinableQueue<QueueItem> queue, AtomicLong puts, ServerSocketChannel server) {
        try (client;
             DataInputStream in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(client)));
             DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(client)))) {
            int request;
            while ((request = in.read()) >= 0) {
                switch (request) {
                    case 'P' -> {
                        queue.put(new QueueItem(in.readLong(), in.readLong()));
                        puts.incrementAndGet();
                    }
                    case 'T' -> {
                        QueueItem item = queue.take();
                        out.writeLong(item.id());
                        out.writeLong(item.putNanos());
                        out.flush();
                    }
                    case 'D' -> queue.taskDone();
                    case 'Y' -> answer(out, 'Y');
                    case 'J' -> answer(out, queue.join(Duration.ofMillis(in.readLong())) ? 'J' : 'N');
                    case 'Q' -> {
                        server.close();
                        answer(out, 'Q');
                    }
                    default -> throw new IOException("unknown request byte " + request);
                }
            }
        } catch (EOFException e) {
            System.err.println("queue server: a client ended in the middle of a request");
        } catch (IOException | IllegalStateException e) {
            System.err.println("queue server: closing a connection: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void answer(DataOutputStream out, char code) throws IOException {
        out.write(code);
        out.flush();
    }

    @Override
    public List<String> toArgs() {
        return Workloads.words(IpcWorkloads.class, "queue-server", socket.toString());
    }
}
