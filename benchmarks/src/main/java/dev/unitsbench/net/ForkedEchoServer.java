package dev.unitsbench.net;

import dev.unitsbench.model.BenchmarkJvmFlags;
import dev.unitsbench.model.ChildJvmLauncher;
import dev.unitsbench.model.ChildMemoryGuard;
import dev.unitsbench.model.WorkerProcess;
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
 * The {@link EchoStyle#PROCESS} echo server: pre-forked worker JVMs sharing one port. A JVM cannot
 * pass an accepted socket to a child (no {@code fork}, no descriptor passing in the standard
 * library), so each worker binds the port itself with {@code SO_REUSEPORT} and the Linux kernel
 * spreads new connections (UDP: datagrams, by client address) among the workers' sockets. The
 * first worker binds an ephemeral port and says which; the others bind that one, so no port is
 * guessed and none is held by the parent (a listening socket in the parent would get its share
 * of connections and never accept them).
 *
 * <p>Workers are {@link WorkerProcess}es: child JVMs with this JVM's collector and heap
 * ({@link #WORKER_JVM_FLAGS}), counted by {@link ChildMemoryGuard},
 * that never outlive this JVM. {@link #close()} closes their standard input, on which each closes
 * its sockets and exits, and kills any that has not within {@link #STOP_TIMEOUT}.
 */
public final class ForkedEchoServer implements EchoServer {

    /**
     * A worker's JVM flags: the benchmark JVM's own collector and heap bounds, as the thread styles
     * it is compared with serve in this JVM (same conditions, issue 11.7), without its perf data.
     */
    static final List<String> WORKER_JVM_FLAGS = BenchmarkJvmFlags.gcAndHeapOfThisJvm();

    /** How long a worker may take to start listening: a JVM start-up, with room for a busy machine. */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    /** How long a worker told to stop may take before it is killed. */
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    private final int port;
    private final List<WorkerProcess> workers;

    private ForkedEchoServer(int port, List<WorkerProcess> workers) {
        this.port = port;
        this.workers = workers;
    }

    /** One worker per CPU, as the tutorial's process pools default to {@code os.cpu_count()}. */
    public static int defaultWorkers() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** Starts {@code count} workers and waits until all of them listen. */
    public static ForkedEchoServer start(EchoTransport transport, int count) throws IOException, InterruptedException {
        if (count < 1) {
            throw new IllegalArgumentException("an echo server needs at least 1 worker process, got " + count);
        }
        requireReusePort(transport);
        ChildMemoryGuard.check(count);
        ChildJvmLauncher launcher = ChildJvmLauncher.withFlags(WORKER_JVM_FLAGS);
        List<WorkerProcess> workers = new ArrayList<>();
        ForkedEchoServer server = new ForkedEchoServer(0, workers);
        try {
            int port = startWorker(launcher, transport, 0, workers);
            for (int i = 1; i < count; i++) {
                startWorker(launcher, transport, port, workers);
            }
            return new ForkedEchoServer(port, workers);
        } catch (IOException | RuntimeException | InterruptedException e) {
            server.close();
            throw e;
        }
    }

    private static int startWorker(ChildJvmLauncher launcher, EchoTransport transport, int port, List<WorkerProcess> workers)
            throws IOException, InterruptedException {
        WorkerProcess worker = WorkerProcess.startWithInput(launcher, new EchoServerWorker(transport, port));
        workers.add(worker);
        String line = new ChildLines(worker).readLine(START_TIMEOUT, "echo server worker start");
        if (!line.startsWith(EchoServerWorker.LISTENING)) {
            throw new IOException("echo server worker " + worker.pid() + " said '" + line + "' instead of '" + EchoServerWorker.LISTENING + "<port>'");
        }
        return Integer.parseInt(line.substring(EchoServerWorker.LISTENING.length()).strip());
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
            throw new UnsupportedOperationException("SO_REUSEPORT is not supported on this platform, so worker processes cannot share a "
                    + transport + " port; leave out the PROCESS style (JMH: -p style=VIRTUAL_THREAD,PLATFORM_THREAD,NIO)");
        }
    }

    @Override
    public int port() {
        return port;
    }

    /** The workers' process ids. */
    public List<Long> pids() {
        return workers.stream().map(WorkerProcess::pid).toList();
    }

    /** Tells every worker to stop (end of its input), waits for each, and kills those that do not stop in time. */
    @Override
    public void close() throws InterruptedException {
        for (WorkerProcess worker : workers) {
            try {
                worker.toChild().close();
            } catch (IOException e) {
                // Already gone: the close below settles it.
            }
        }
        for (WorkerProcess worker : workers) {
            try {
                worker.join(STOP_TIMEOUT);
            } catch (TimeoutException | ExecutionException e) {
                // Did not stop cleanly: close() kills it.
            } finally {
                worker.close();
            }
        }
    }
}
