package dev.unitsbench.sync;

import dev.unitsbench.work.ServerConnection;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** One connection to a {@link DictServer}: the proxy through which a unit sees the shared dict. */
public final class DictClient implements ServerConnection {

    private final SocketChannel channel;
    private final BufferedReader in;
    private final BufferedWriter out;

    public DictClient(Path socket) throws IOException {
        channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            channel.connect(UnixDomainSocketAddress.of(socket));
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        in = new BufferedReader(new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.US_ASCII));
        out = new BufferedWriter(new OutputStreamWriter(Channels.newOutputStream(channel), StandardCharsets.US_ASCII));
    }

    public long get(String key) throws IOException {
        return Long.parseLong(request("GET " + key));
    }

    public void set(String key, long value) throws IOException {
        expectOk(request("SET " + key + " " + value));
    }

    public long add(String key, long delta) throws IOException {
        return Long.parseLong(request("ADD " + key + " " + delta));
    }

    public void reset() throws IOException {
        expectOk(request("RESET"));
    }

    /** A GET, which the server answers whatever the key. */
    @Override
    public void ping() throws IOException {
        get("num");
    }

    @Override
    public void shutdown() throws IOException {
        expectOk(request("SHUTDOWN"));
    }

    private String request(String line) throws IOException {
        out.write(line);
        out.write('\n');
        out.flush();
        String answer = in.readLine();
        if (answer == null) {
            throw new IOException("the dict server closed the connection after '" + line + "'");
        }
        if (answer.startsWith("ERROR")) {
            throw new IOException("the dict server refused '" + line + "': " + answer);
        }
        return answer;
    }

    private static void expectOk(String answer) throws IOException {
        if (!answer.equals("OK")) {
            throw new IOException("expected OK from the dict server, got '" + answer + "'");
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
