package dev.unitsbench.net;

import dev.unitsbench.model.BenchmarkJvmFlags;
import dev.unitsbench.model.ChildJvmLauncher;
import dev.unitsbench.model.ChildMemoryGuard;
import dev.unitsbench.model.ChildJvm;
import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.channels.DatagramChannel;
import java.nio.channels.ServerSocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * The {@link EchoStyle#PROCESS} echo server: a fixed number of server JVMs started before any
 * client (pre-forked), all sharing one port. A JVM cannot pass an accepted socket to a child (no
 * {@code fork}, no descriptor passing in the standard library), so each child binds the port
 * itself with {@code SO_REUSEPORT} and the Linux kernel spreads new connections (UDP: datagrams,
 * by client address) among their sockets. The first child binds an ephemeral port and says which;
 * the others bind that one, so no port is guessed and none is held by the parent (a listening
 * socket in the parent would get its share of connections and never accept them).
 *
 * <p>The children are {@link ChildJvm}es ({@link PreforkedServerChild}): child JVMs with this
 * JVM's collector and heap ({@link #CHILD_JVM_FLAGS}), counted by {@link ChildMemoryGuard}, that
 * never outlive this JVM. {@link #close()} closes their standard input, on which each closes its
 * sockets and exits, and kills any that has not within {@link #STOP_TIMEOUT}.
 */
public final class PreforkedEchoServer implements EchoServer {

    /**
     * A server process's JVM flags: the benchmark JVM's own collector and heap bounds, as the thread styles
     * it is compared with serve in this JVM, without its perf data.
     */
    static final List<String> CHILD_JVM_FLAGS = BenchmarkJvmFlags.gcAndHeapOfThisJvm();

    /** How long a server process may take to start listening: a JVM start-up, with room for a busy machine. */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    /** How long a server process told to stop may take before it is killed. */
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    private final int port;
    private final List<ChildJvm> children;

    private PreforkedEchoServer(int port, List<ChildJvm> children) {
        this.port = port;
        this.children = children;
    }

    /** One server process per CPU, as the tutorial's process pools default to {@code os.cpu_count()}. */
    public static int defaultChildren() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** Starts {@code count} children and waits until all of them listen. */
    public static PreforkedEchoServer start(EchoTransport transport, int count) throws IOException, InterruptedException {
        if (count < 1) {
            throw new IllegalArgumentException("an echo server needs at least 1 server process, got " + count);
        }
        requireReusePort(transport);
        ChildMemoryGuard.check(count);
        ChildJvmLauncher launcher = ChildJvmLauncher.withFlags(CHILD_JVM_FLAGS);
        List<ChildJvm> children = new ArrayList<>();
        PreforkedEchoServer server = new PreforkedEchoServer(0, children);
        try {
            int port = startChild(launcher, transport, 0, children);
            for (int i = 1; i < count; i++) {
                startChild(launcher, transport, port, children);
            }
            return new PreforkedEchoServer(port, children);
        } catch (IOException | RuntimeException | InterruptedException e) {
            server.close();
            throw e;
        }
    }

    private static int startChild(ChildJvmLauncher launcher, EchoTransport transport, int port, List<ChildJvm> children)
            throws IOException, InterruptedException {
        ChildJvm child = ChildJvm.startWithInput(launcher, new PreforkedServerChild(transport, port));
        children.add(child);
        String line = new ChildLines(child).readLine(START_TIMEOUT, "echo server child start");
        if (!line.startsWith(PreforkedServerChild.LISTENING)) {
            throw new IOException("echo server child " + child.pid() + " said '" + line + "' instead of '" + PreforkedServerChild.LISTENING + "<port>'");
        }
        return Integer.parseInt(line.substring(PreforkedServerChild.LISTENING.length()).strip());
    }

    private static void requireReusePort(EchoTransport transport) throws IOException {
        boolean supported;
        if (transport == EchoTransport.TCP) {
            try (ServerSocketChannel probe = ServerSocketChannel.open()) {
                supported = probe.supportedOptions().contains(StandardSocketOptions.SO_REUSEPORT);
            }
        } else {
            try (DatagramChannel probe = DatagramChannel.open()) {
                supported = probe.supportedOptions().contains(StandardSocketOptions.SO_REUSEPORT);
            }
        }
        if (!supported) {
            throw new UnsupportedOperationException("SO_REUSEPORT is not supported on this platform, so server processes cannot share a "
                    + transport + " port; leave out the PROCESS style (JMH: -p style=VIRTUAL_THREAD,PLATFORM_THREAD,NIO)");
        }
    }

    @Override
    public int port() {
        return port;
    }

    /** The children's process ids. */
    public List<Long> pids() {
        return children.stream().map(ChildJvm::pid).toList();
    }

    /** Tells every server process to stop (end of its input), waits for each, and kills those that do not stop in time. */
    @Override
    public void close() throws InterruptedException {
        for (ChildJvm child : children) {
            try {
                child.toChild().close();
            } catch (IOException e) {
                // Already gone: the close below settles it.
            }
        }
        for (ChildJvm child : children) {
            try {
                child.join(STOP_TIMEOUT);
            } catch (TimeoutException | ExecutionException e) {
                // Did not stop cleanly: close() kills it.
            } finally {
                child.close();
            }
        }
    }
}
