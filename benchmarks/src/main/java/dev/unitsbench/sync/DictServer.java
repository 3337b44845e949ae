package dev.unitsbench.sync;

import dev.unitsbench.work.SocketServer;
import dev.unitsbench.work.Workload;
import dev.unitsbench.work.Workloads;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The JVM's counterpart of the tutorial's {@code Manager().dict()}: a process that owns a dict of
 * longs and serves it to other units over a Unix-domain socket, one plain-text request per line.
 *
 * <pre>
 *   GET key          -> value (0 if absent)
 *   SET key value    -> OK
 *   ADD key delta    -> the new value (one atomic step inside the server)
 *   RESET            -> OK (the dict is emptied)
 *   SHUTDOWN         -> OK, and the server stops accepting; {@link #run} returns
 * </pre>
 *
 * <p>Each request is atomic in the server (a {@code ConcurrentHashMap}), but nothing locks a
 * sequence of requests: a {@code GET} then {@code SET} from two clients at once loses one of the
 * updates, exactly as the tutorial warns about its Manager's dict. Each connection is served by a
 * virtual thread of its own.
 *
 * @param socket where the server listens; the file is created at start and removed at the end
 */
public record DictServer(Path socket) implements Workload {

    /**
     * Serves until a client sends {@code SHUTDOWN}.
     *
     * @return the number of requests served
     */
    @Override
    public long run() throws IOException {
        ConcurrentHashMap<String, Long> dict = new ConcurrentHashMap<>();
        AtomicLong served = new AtomicLong();
        SocketServer.serve(socket, "dict-client", (client, server) -> serve(client, dict, served, server));
        return served.get();
    }

    private static void serve(SocketChannel client, ConcurrentHashMap<String, Long> dict, AtomicLong served,
                              ServerSocketChannel server) {
        try (client;
             BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(client), StandardCharsets.US_ASCII));
             BufferedWriter out = new BufferedWriter(new OutputStreamWriter(Channels.newOutputStream(client), StandardCharsets.US_ASCII))) {
            String line;
            while ((line = in.readLine()) != null) {
                served.incrementAndGet();
                out.write(answer(line, dict, server));
                out.write('\n');
                out.flush();
            }
        } catch (IOException e) {
            // The client went away mid-request; its own side reports the failure.
        }
    }

    static String answer(String request, ConcurrentHashMap<String, Long> dict, ServerSocketChannel server) throws IOException {
        String[] words = request.split(" ");
        try {
            return switch (words[0]) {
                case "GET" -> Long.toString(dict.getOrDefault(words[1], 0L));
                case "SET" -> {
                    dict.put(words[1], Long.parseLong(words[2]));
                    yield "OK";
                }
                case "ADD" -> Long.toString(dict.merge(words[1], Long.parseLong(words[2]), Long::sum));
                case "RESET" -> {
                    dict.clear();
                    yield "OK";
                }
                case "SHUTDOWN" -> {
                    server.close();
                    yield "OK";
                }
                default -> "ERROR unknown request " + words[0];
            };
        } catch (ArrayIndexOutOfBoundsException | NumberFormatException e) {
            return "ERROR malformed request '" + request + "'";
        }
    }

    @Override
    public List<String> toArgs() {
        return Workloads.words(SyncWorkloads.class, "dict-server", socket.toString());
    }
}
