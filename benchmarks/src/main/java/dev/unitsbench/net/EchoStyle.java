package dev.unitsbench.net;

import dev.unitsbench.model.ExecutionModel;

/**
 * How an echo server serves its clients: the concurrency styles of claims Q10 and Q4.
 *
 * <p>Over TCP a unit of work is a connection; over UDP, which has no connections, it is a
 * datagram. {@link #THREAD_POOL} and {@link #PROCESS_PER_CONNECTION} are TCP only. Each style names the {@link ExecutionModel} it runs
 * on ({@link #model()}); the server's threads come from that model's
 * {@linkplain ExecutionModel#threadBuilder thread builder}.
 */
public enum EchoStyle {

    /** A new virtual thread per connection (TCP) or per datagram (UDP), blocking code: the JVM's coroutine per client. */
    VIRTUAL_THREAD(ExecutionModel.VIRTUAL_THREAD),

    /** A new platform (OS) thread per connection or datagram, blocking code: the tutorial's {@code Thread(target=task, args=(conn,))}. */
    PLATFORM_THREAD(ExecutionModel.PLATFORM_THREAD),

    /**
     * A fixed pool of {@link BlockingTcpEchoServer#POOL_THREADS} platform threads, blocking code:
     * a connection holds a pool thread for as long as it stays open, so the pool serves at most
     * that many connections at once and the others wait in its queue, unanswered.
     */
    THREAD_POOL(ExecutionModel.THREAD_POOL),

    /**
     * Event loops: threads with a {@link java.nio.channels.Selector} each and non-blocking
     * channels, the "asynchronous + non-blocking" style of Q4, as Python's asyncio runs (TCP: one
     * loop per CPU, as the JVM has no GIL; UDP: one loop on the one socket). Its loops are
     * platform threads.
     */
    NIO(ExecutionModel.PLATFORM_THREAD),

    /**
     * Pre-forked server processes: one child JVM per CPU, started before any client, all bound to
     * the same port with {@code SO_REUSEPORT}, the kernel spreading connections (or datagrams, by
     * client address) among them; each child serves its share in the {@link #VIRTUAL_THREAD}
     * style (processes x virtual threads, Q5's advice). See {@link PreforkedEchoServer}.
     */
    PROCESS(ExecutionModel.PROCESS),

    /**
     * The tutorial's server: the parent accepts, and starts a child process per connection, which
     * serves it and ends with it; the parent relays the connection's bytes to and from the child's
     * standard streams, as a JVM cannot hand a socket to a child (TCP only). See
     * {@link ProcessPerConnectionEchoServer}.
     */
    PROCESS_PER_CONNECTION(ExecutionModel.PROCESS);

    private final ExecutionModel model;

    EchoStyle(ExecutionModel model) {
        this.model = model;
    }

    /** The execution model this style's units of work run on (NIO: platform-thread event loops). */
    public ExecutionModel model() {
        return model;
    }
}
