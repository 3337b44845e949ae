package dev.unitsbench.net;

import dev.unitsbench.model.ChildJvmLauncher;
import dev.unitsbench.model.ChildMemoryGuard;
import dev.unitsbench.model.ExecutionModel;
import dev.unitsbench.model.ChildJvm;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The {@link EchoStyle#PROCESS_PER_CONNECTION} echo server, the tutorial's own: the parent accepts,
 * and for each accepted connection starts a child process that serves it and ends with it
 * ({@link ConnectionChild}).
 *
 * <p><b>The relay, and what it costs.</b> Python's server forks, and the child inherits the
 * accepted socket: the child owns the connection. A JVM cannot fork, and a child it starts
 * inherits only its standard input, output and error (the standard library passes no descriptor),
 * so the parent keeps the socket and relays its bytes: socket to the child's standard input, the
 * child's standard output to the socket. Each request therefore crosses two pipes and two relay
 * threads more than the tutorial's server pays; that cost is inside every figure of this style.
 * Each direction has a platform thread of its own (a pipe read holds its OS thread, so it is not
 * given to a virtual thread): two threads in the parent and one JVM per connection. (Rejected:
 * the child listening on a port of its own, which the parent tells the client to connect to: the
 * client would then differ for this style alone.)
 *
 * <p><b>Bounds.</b> The children are lean JVMs ({@link ChildJvmLauncher#lean()}), started at most
 * one per CPU at a time, each checked by {@link ChildMemoryGuard} as it starts. A connection whose
 * child cannot start is closed at once and counted in {@link EchoCounts#refusedConnections()}; a
 * caller that opens many connections checks first that their children fit in memory. A child
 * ends when its connection ends (its input is closed); {@link #close()} closes every connection
 * and waits for every child, killing any that has not ended within {@link #STOP_TIMEOUT}.
 */
public final class ProcessPerConnectionEchoServer implements EchoServer {

    /** How long a child may take to say it is ready: a JVM start-up, behind others, on a busy machine. */
    static final Duration START_TIMEOUT = Duration.ofMinutes(1);

    /** How long a child whose connection has ended may take to exit before it is killed. */
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    /**
     * How long a new connection may wait for its first answer: its child starts behind those of
     * the connections opened with it, one per CPU at a time.
     */
    static final Duration FIRST_ANSWER_TIMEOUT = Duration.ofMinutes(5);

    /** How long {@link #close()} waits for the relays to end once the connections are closed. */
    private static final long CLOSE_TIMEOUT_SECONDS = 30;

    /** Bytes a relay moves per read: a request is about 40 bytes. */
    private static final int RELAY_BUFFER = 1024;

    private final ServerSocket server;
    private final ChildJvmLauncher launcher;
    private final Semaphore starting = new Semaphore(Runtime.getRuntime().availableProcessors());
    private final ExecutorService relays = Executors.newThreadPerTaskExecutor(
            ExecutionModel.PLATFORM_THREAD.threadBuilder("echo-relay-").factory());
    private final Acceptor acceptor;
    private final Set<Long> children = ConcurrentHashMap.newKeySet();
    private final EchoCounts counts = new EchoCounts();
    private final AtomicBoolean startFailureReported = new AtomicBoolean();

    private ProcessPerConnectionEchoServer(ServerSocket server, ChildJvmLauncher launcher) {
        this.server = server;
        this.launcher = launcher;
        this.acceptor = new Acceptor(server, relays, counts, "echo-accept-" + EchoStyle.PROCESS_PER_CONNECTION + "-", this::serve);
    }

    /** Starts a server on an ephemeral port of the loopback address. */
    public static ProcessPerConnectionEchoServer start() throws IOException {
        ChildJvmLauncher launcher = ChildJvmLauncher.lean();
        ServerSocket server = new ServerSocket();
        try {
            server.bind(new InetSocketAddress(EchoProtocol.LOOPBACK, 0), EchoProtocol.BACKLOG);
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        ProcessPerConnectionEchoServer echo = new ProcessPerConnectionEchoServer(server, launcher);
        echo.acceptor.start();
        return echo;
    }

    @Override
    public int port() {
        return server.getLocalPort();
    }

    @Override
    public Duration firstAnswerTimeout() {
        return FIRST_ANSWER_TIMEOUT;
    }

    /** The connections it has refused (no child could be started for them); {@code served} stays 0: the children count their own. */
    public EchoCounts counts() {
        return counts;
    }

    /** The process ids of every child started so far, one per connection served. */
    public Set<Long> childPids() {
        return Set.copyOf(children);
    }

    /** Starts the connection's child, relays both ways until the client closes, then ends the child. */
    private void serve(Socket client) {
        ChildJvm child = null;
        try (client) {
            child = startChild();
            if (child == null) {
                acceptor.refuse(client);
                return;
            }
            client.setTcpNoDelay(true); // each answer is one write: send it at once
            ChildJvm served = child;
            relays.execute(() -> relayQuietly(served.fromChild(), client));
            relay(client.getInputStream(), child.toChild()); // until the client closes
        } catch (IOException | RejectedExecutionException e) {
            // The client went away, or close() closed the socket.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            acceptor.ended(client);
            if (child != null) {
                end(child); // after the socket is closed: the child's result line goes nowhere
            }
        }
    }

    /** A started and ready child, or null if none could be started (reported once on standard error). */
    private ChildJvm startChild() throws InterruptedException {
        starting.acquire();
        ChildJvm child = null;
        try {
            child = ChildJvm.startWithInput(launcher, new ConnectionChild());
            children.add(child.pid());
            // The child writes nothing after this line until it gets a request, so the line reader
            // has taken no answer from the pipe that the relay reads next.
            String line = new ChildLines(child).readLine(START_TIMEOUT, "a connection's child start");
            if (!line.equals(ConnectionChild.READY)) {
                throw new IOException("the child said '" + line + "' instead of '" + ConnectionChild.READY + "'");
            }
            return child;
        } catch (IOException | RuntimeException e) { // InsufficientMemoryException is a RuntimeException
            if (startFailureReported.compareAndSet(false, true)) {
                System.err.println("echo server on port " + port() + ": no child for a connection (" + e.getMessage()
                        + "); it is closed and counted as refused");
            }
            if (child != null) {
                child.close();
            }
            return null;
        } catch (InterruptedException e) {
            if (child != null) {
                child.close();
            }
            throw e;
        } finally {
            starting.release();
        }
    }

    /** Copies until {@code from} ends, flushing each read at once. */
    private static void relay(InputStream from, OutputStream to) throws IOException {
        byte[] buffer = new byte[RELAY_BUFFER];
        int read;
        while ((read = from.read(buffer)) >= 0) {
            to.write(buffer, 0, read);
            to.flush();
        }
    }

    private static void relayQuietly(InputStream fromChild, Socket client) {
        try {
            relay(fromChild, client.getOutputStream());
        } catch (IOException e) {
            // The connection is closed: nothing more to relay.
        }
    }

    /** Closes the child's input, on which it exits; kills it if it has not within {@link #STOP_TIMEOUT}. */
    private static void end(ChildJvm child) {
        try {
            child.toChild().close();
            ProcessHandle.of(child.pid()).ifPresent(process -> awaitExit(process));
        } catch (IOException e) {
            // Already gone: close() settles it.
        } finally {
            child.close();
        }
    }

    private static void awaitExit(ProcessHandle process) {
        try {
            process.onExit().get(STOP_TIMEOUT.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // Did not exit in time: it is killed.
        }
    }

    /** Stops accepting, closes every connection, and waits until every relay and child has ended. */
    @Override
    public void close() throws IOException, InterruptedException {
        server.close();
        acceptor.closeAll(CLOSE_TIMEOUT_SECONDS);
        relays.shutdown();
        if (!relays.awaitTermination(CLOSE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            relays.shutdownNow(); // interrupts children still starting
            if (!relays.awaitTermination(CLOSE_TIMEOUT_SECONDS, TimeUnit.SECONDS) || acceptor.isAlive()) {
                throw new IOException("echo relays did not end within " + 2 * CLOSE_TIMEOUT_SECONDS + " s of closing their sockets");
            }
        }
    }
}
