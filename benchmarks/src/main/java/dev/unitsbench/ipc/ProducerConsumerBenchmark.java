package dev.unitsbench.ipc;

import dev.unitsbench.model.ExecutionModel;
import dev.unitsbench.work.PrivateFolders;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/*
 * Claim Q8: "producer/consumer through a queue decouples the two sides; a joinable queue
 * (task_done/join) lets the main program know when all work is consumed".
 *
 * `producers` units put items into a joinable queue; `consumers` units take each item, record its
 * end-to-end latency, check it off, and call taskDone(); the benchmark thread waits until the
 * producers are done putting, then calls join(), which returns once every item is done. One
 * operation is one item: a round of ITEMS (1000) items, @OperationsPerInvocation, so the score is
 * ITEMS PER SECOND (through put, take, task_done and join). After each round the benchmark checks
 * that every item was consumed exactly once and throws otherwise.
 *
 *   PLATFORM_THREAD, VIRTUAL_THREAD  the units are threads of that kind around one in-JVM
 *                                    JoinableQueue (a LinkedBlockingQueue and a counter of
 *                                    unfinished tasks)
 *   PROCESS                          the queue is served by a child JVM (QueueServer) over a
 *                                    Unix-domain socket, as multiprocessing.JoinableQueue keeps
 *                                    its items behind a pipe; each unit has a connection of its
 *                                    own, so every item crosses a process boundary twice
 * The units and the queue server live for the whole trial (started outside the timed region).
 *
 * Secondary metrics: latencyP50Micros, latencyP99Micros, the end-to-end latency of the items of
 * the iteration (put to take, timestamps from System.nanoTime, CLOCK_MONOTONIC, the same in every
 * process), from an HdrHistogram. It includes the time an item waits behind the others of its
 * round: latency under load, not of an idle queue. They are @AuxCounters(EVENTS), so JMH's
 * summary is the SUM over the measured iterations: divide by the iteration count (the report
 * shows the per-iteration mean).
 *
 * Forks are the unit of replication: 3 forks of 1 warm-up and 2 measured iterations of 200 ms (a
 * round through the socket-served queue takes tens of milliseconds, so an iteration holds several).
 *
 * What to expect: threads far ahead of the socket-served queue (a system call or two per put and
 * per take against a lock); virtual and platform threads close, their difference being how a
 * blocked consumer is woken.
 *
 * HOW TO RUN:
 *   mvn verify -Pbench -Dbench.include=ProducerConsumer
 *   java -jar benchmarks/target/benchmarks.jar ProducerConsumer -p producers=1,2 -p consumers=1,2
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1, time = 200, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 2, time = 200, timeUnit = TimeUnit.MILLISECONDS)
@Fork(3)
@State(Scope.Benchmark)
public class ProducerConsumerBenchmark {

    /** Items per round: enough that the units overlap and the round's set-up is a small part. */
    static final int ITEMS = 1000;

    @Param({"PLATFORM_THREAD", "VIRTUAL_THREAD", "PROCESS"})
    public ExecutionModel model;

    /** Producers: one by default, to keep the family's run short; -p producers=1,2 adds two. */
    @Param({"1"})
    public int producers;

    /** Consumers: one, and two (one per core), to see whether a second consumer drains faster. */
    @Param({"1", "2"})
    public int consumers;

    private Path folder;
    private ProducerConsumer run;

    @Setup(Level.Trial)
    public void open() throws Exception {
        folder = PrivateFolders.create("producer-consumer-");
        run = ProducerConsumer.open(model, producers, consumers, folder);
    }

    @TearDown(Level.Trial)
    public void close() throws Exception {
        PrivateFolders.closeThenDelete(run, folder);
    }

    /** End-to-end latency of the iteration's items, in microseconds (JMH secondary metrics). */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Latency {
        public long latencyP50Micros;
        public long latencyP99Micros;

        @Setup(Level.Iteration)
        public void reset(ProducerConsumerBenchmark bench) {
            bench.run.latencySinceLastCall(); // forget what came before this iteration
        }

        @TearDown(Level.Iteration)
        public void publish(ProducerConsumerBenchmark bench) {
            Histogram latency = bench.run.latencySinceLastCall();
            latencyP50Micros = latency.getValueAtPercentile(50) / 1000;
            latencyP99Micros = latency.getValueAtPercentile(99) / 1000;
        }
    }

    @Benchmark
    @OperationsPerInvocation(ITEMS)
    public long itemsPerSecond(Latency latency) throws Exception {
        ProducerConsumer.Outcome outcome = run.round(ITEMS);
        if (outcome.lost() != 0 || outcome.duplicated() != 0) {
            throw new IllegalStateException("items lost or duplicated: " + outcome);
        }
        return outcome.items();
    }
}
