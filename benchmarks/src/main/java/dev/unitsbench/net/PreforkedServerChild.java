package dev.unitsbench.net;

import dev.unitsbench.work.Workload;
import dev.unitsbench.work.Workloads;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;

/**
 * One pre-forked echo-server process ({@link PreforkedEchoServer}): binds
 * {@code port} on the loopback address with {@code SO_REUSEPORT} (0: an ephemeral port, for the
 * first child), serves in the virtual-thread style, prints {@code listening <port>}, and serves
 * until its standard input ends (the parent closes it, or dies). The result is the number of
 * lines or datagrams it answered.
 *
 * @param transport TCP or UDP
 * @param port the port to share, or 0
 */
public record PreforkedServerChild(EchoTransport transport, int port) implements Workload {

    /** The line the child prints once it listens, followed by its port. */
    public static final String LISTENING = "listening ";

    @Override
    public long run() throws IOException, InterruptedException {
        if (transport == EchoTransport.TCP) {
            try (BlockingTcpEchoServer server = BlockingTcpEchoServer.start(EchoStyle.VIRTUAL_THREAD, port, true)) {
                serveUntilEndOfInput(server.port());
                server.close();
                return server.counts().served().sum();
            }
        }
        try (UdpEchoServer server = UdpEchoServer.start(EchoStyle.VIRTUAL_THREAD, port, true)) {
            serveUntilEndOfInput(server.port());
            server.close();
            return server.counts().served().sum();
        }
    }

    private static void serveUntilEndOfInput(int port) throws IOException {
        System.out.println(LISTENING + port);
        System.out.flush();
        InputStream in = new FileInputStream(FileDescriptor.in);
        byte[] ignored = new byte[64];
        while (in.read(ignored) >= 0) {
            // Nothing is sent; end-of-file is the signal to stop.
        }
    }

    @Override
    public List<String> toArgs() {
        return Workloads.words(NetWorkloads.class, "echo-server", transport.name().toLowerCase(Locale.ROOT), Integer.toString(port));
    }
}
