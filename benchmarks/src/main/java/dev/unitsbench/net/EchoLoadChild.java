package dev.unitsbench.net;

import dev.unitsbench.work.Workload;
import dev.unitsbench.work.Workloads;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * The echo benchmarks' load generator in a child JVM of its own ({@link EchoLoad}), so that its
 * 10 000 client sockets and the server's 10 000 sockets are counted against two processes' file
 * descriptor limits, not one. It takes commands on standard input and answers on standard output;
 * the result is the number of requests answered.
 *
 * @param transport TCP or UDP
 * @param port the server's port on the loopback address
 * @param clients connections (TCP) or client sockets (UDP) to open
 * @param probeTimeoutMillis how long a new TCP connection may take to answer its first request
 */
public record EchoLoadChild(EchoTransport transport, int port, int clients, int probeTimeoutMillis) implements Workload {

    @Override
    public long run() throws Exception {
        BufferedReader commands = new BufferedReader(new InputStreamReader(new FileInputStream(FileDescriptor.in), StandardCharsets.US_ASCII));
        return EchoLoad.serveCommands(transport, port, clients, probeTimeoutMillis, commands, System.out);
    }

    @Override
    public List<String> toArgs() {
        return Workloads.words(NetWorkloads.class, "echo-load", transport.name().toLowerCase(Locale.ROOT), Integer.toString(port), Integer.toString(clients),
                Integer.toString(probeTimeoutMillis));
    }
}
