package dev.unitsbench.ipc;

import dev.unitsbench.model.ExecutionModel;
import dev.unitsbench.model.SocketServerProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The tutorial's producer/consumer pattern (claim Q8): {@code producers} units put items into a
 * joinable queue, {@code consumers} units take them, process them (record their latency, check
 * them off) and call {@code taskDone}; the main program learns that all work is consumed with
 * {@code join}. The units live for the whole run; one {@linkplain #round round} hands each
 * producer its share of the items, waits for the producers, then joins the queue and checks that
 * every item of the round was consumed exactly once.
 *
 * <ul>
 *   <li>{@code PLATFORM_THREAD}, {@code VIRTUAL_THREAD}: the units are threads of that kind
 *       sharing one in-JVM {@link JoinableQueue}.</li>
 *   <li>{@code PROCESS}: the queue lives in another process, a {@link QueueServer} in a {@link SocketServerProcess} child
 *       JVM, as a {@code multiprocessing.JoinableQueue}'s items live behind a pipe; every unit
 *       (platform threads of this JVM) has a connection of its own, as a separate process would,
 *       so every item crosses a process boundary twice: put, and take.</li>
 * </ul>
 * A consumer stops on {@link QueueItem#STOP}, one per consumer, at {@link #close()}.
 */
public final class ProducerConsumer implements AutoCloseable {

    /** How long a round may take: far beyond any round here, short of a hung test. */
    public static final Duration ROUND_TIMEOUT = Duration.ofSeconds(60);

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

    /**
     * What a round found. Every item of the round should have been consumed exactly once.
     *
     * @param items items put
     * @param lost items never consumed (by the time {@code join} returned)
     * @param duplicated items consumed more than once, plus items that did not belong to the round
     */
    public record Outcome(int items, long lost, long duplicated) {
    }

    private record Order(long firstId, int count, CountDownLatch done) {
        static final Order STOP = new Order(-1, -1, null);
    }

    /** The round under way: its first id, and how many times each of its items was consumed. */
    private record Round(long firstId, AtomicIntegerArray consumed) {
    }

    private final SocketServerProcess server;
    private final TaskQueue<QueueItem> joiner;
    private final List<BlockingQueue<Order>> orders = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final int consumers;
    private final Recorder latency = new Recorder(3);
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final AtomicLong strays = new AtomicLong();
    private volatile Round current = new Round(0, new AtomicIntegerArray(0));
    private long nextId;

    private ProducerConsumer(SocketServerProcess server, TaskQueue<QueueItem> joiner, int consumers) {
        this.server = server;
        this.joiner = joiner;
        this.consumers = consumers;
    }

    /**
     * Starts the queue (for {@code PROCESS}, a queue-server child JVM with its socket in
     * {@code folder}, private and owner-only), the producers and the consumers.
     */
    public static ProducerConsumer open(ExecutionModel model, int producers, int consumers, Path folder) throws Exception {
        if (producers < 1 || consumers < 1) {
            throw new IllegalArgumentException("producers and consumers must be at least 1, got "
                    + producers + " and " + consumers);
        }
        if (model == ExecutionModel.THREAD_POOL) {
            throw new IllegalArgumentException("producer/consumer runs PLATFORM_THREAD, VIRTUAL_THREAD or PROCESS, not " + model);
        }
        // With PROCESS the queue is in the child JVM; each unit of this JVM is a platform thread with a connection of its own.
        Thread.Builder builder = (model == ExecutionModel.PROCESS ? ExecutionModel.PLATFORM_THREAD : model).threadBuilder("unit-");
        if (builder instanceof Thread.Builder.OfPlatform platform) {
            platform.daemon(); // a unit stuck on a dead server must not keep the benchmark's JVM alive
        }
        ProducerConsumer run;
        if (model == ExecutionModel.PROCESS) {
            Path socket = folder.resolve("queue.sock");
            SocketServerProcess server = SocketServerProcess.start("queue server", new QueueServer(socket), socket, QueueClient::new);
            run = new ProducerConsumer(server, new QueueClient(socket), consumers);
        } else {
            run = new ProducerConsumer(null, new JoinableQueue<>(), consumers);
        }
        try {
            for (int i = 0; i < producers; i++) {
                BlockingQueue<Order> inbox = new LinkedBlockingQueue<>();
                run.orders.add(inbox);
                TaskQueue<QueueItem> queue = run.queueForUnit();
                run.threads.add(builder.name("producer-" + i).start(() -> run.produce(inbox, queue)));
            }
            for (int i = 0; i < consumers; i++) {
                TaskQueue<QueueItem> queue = run.queueForUnit();
                run.threads.add(builder.name("consumer-" + i).start(() -> run.consume(queue)));
            }
        } catch (Exception | Error e) {
            run.close();
            throw e;
        }
        return run;
    }

    /** The queue as one unit sees it: the shared in-JVM queue, or a connection of its own. */
    private TaskQueue<QueueItem> queueForUnit() throws Exception {
        return server != null ? new QueueClient(server.socket()) : joiner;
    }

    private void produce(BlockingQueue<Order> inbox, TaskQueue<QueueItem> queue) {
        try (queue) {
            while (true) {
                Order order = inbox.take();
                if (order == Order.STOP) {
                    return;
                }
                try {
                    for (int i = 0; i < order.count(); i++) {
                        queue.put(new QueueItem(order.firstId() + i, System.nanoTime()));
                    }
                    if (queue instanceof QueueClient client) {
                        client.sync(); // the server has applied every put: join() cannot return before them
                    }
                } finally {
                    order.done().countDown();
                }
            }
        } catch (Throwable e) {
            failure.compareAndSet(null, e);
        }
    }

    private void consume(TaskQueue<QueueItem> queue) {
        try (queue) {
            while (true) {
                QueueItem item = queue.take();
                if (item.id() < 0) {
                    queue.taskDone();
                    return;
                }
                latency.recordValue(Math.max(0, System.nanoTime() - item.putNanos()));
                Round round = current;
                long index = item.id() - round.firstId();
                if (index >= 0 && index < round.consumed().length()) {
                    round.consumed().incrementAndGet((int) index);
                } else {
                    strays.incrementAndGet();
                }
                queue.taskDone();
            }
        } catch (Throwable e) {
            failure.compareAndSet(null, e);
        }
    }

    /**
     * Puts {@code items} items (split among the producers), waits until the producers have put
     * them all, joins the queue, and counts what was consumed.
     */
    public Outcome round(int items) throws Exception {
        checkUnits();
        Round round = new Round(nextId, new AtomicIntegerArray(items));
        current = round;
        CountDownLatch produced = new CountDownLatch(orders.size());
        long first = nextId;
        for (int i = 0; i < orders.size(); i++) {
            int share = items / orders.size() + (i < items % orders.size() ? 1 : 0);
            orders.get(i).put(new Order(first, share, produced));
            first += share;
        }
        nextId = first;
        if (!produced.await(ROUND_TIMEOUT.toNanos(), TimeUnit.NANOSECONDS)) {
            throw new TimeoutException("the producers did not put " + items + " items within " + ROUND_TIMEOUT);
        }
        checkUnits();
        if (!joiner.join(ROUND_TIMEOUT)) {
            checkUnits();
            throw new TimeoutException("join() did not return within " + ROUND_TIMEOUT + ": items were never done");
        }
        long lost = 0;
        long duplicated = strays.getAndSet(0);
        for (int i = 0; i < items; i++) {
            int times = round.consumed().get(i);
            if (times == 0) {
                lost++;
            } else {
                duplicated += times - 1;
            }
        }
        return new Outcome(items, lost, duplicated);
    }

    private void checkUnits() throws Exception {
        Throwable e = failure.get();
        if (e != null) {
            throw new IllegalStateException("a producer or consumer failed: " + e, e);
        }
    }

    /**
     * The end-to-end latency (put to take, in nanoseconds) of every item consumed since the
     * previous call.
     */
    public Histogram latencySinceLastCall() {
        return latency.getIntervalHistogram();
    }

    /** Stops the producers and consumers, and the queue server if there is one. */
    @Override
    public void close() throws Exception {
        try {
            for (BlockingQueue<Order> inbox : orders) {
                inbox.put(Order.STOP);
            }
            for (int i = 0; i < consumers; i++) {
                joiner.put(QueueItem.STOP);
            }
            if (joiner instanceof QueueClient client) {
                client.sync();
            }
            for (Thread thread : threads) {
                if (!thread.join(STOP_TIMEOUT)) {
                    thread.interrupt();
                }
            }
        } finally {
            try {
                joiner.close();
            } finally {
                if (server != null) {
                    server.close();
                }
            }
        }
    }
}
