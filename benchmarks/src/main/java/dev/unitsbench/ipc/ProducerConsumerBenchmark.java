package dev.unitsbench.ipc;

import dev.unitsbench.model.ExecutionModel;
import dev.unitsbench.model.LeanChildJvm;
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
 * latency and call taskDone(); the benchmark thread waits for the producers, then calls join().
 * The timed region is one round of ITEMS items (@OperationsPerInvocation): the score is items per
 * second through put, take, task_done and join. Every item must be consumed exactly once, checked
 * after each round inside the timed region. Units and queue server live for the whole trial.
 *   PLATFORM_THREAD, VIRTUAL_THREAD  threads of that kind around one in-JVM JoinableQueue
 *   PROCESS                          the queue lives in a child JVM (QueueServer), as
 *                                    multiprocessing.JoinableQueue keeps its items behind a pipe;
 *                                    each unit has a Unix-domain socket connection of its own, so
 *                                    each item crosses the process boundary twice
 *
 * What to expect: threads far ahead of the socket-served queue (a system call or two per put and
 * per take); virtual and platform threads close, differing in how a blocked consumer is woken.
 *
 * HOW TO RUN:
 *   mvn verify -Pbench -Dbench.include=ProducerConsumer
 *   java -jar benchmarks/target/benchmarks.jar ProducerConsumer -p producers=1,2 -p consumers=1,2
 */
/*
 * Forks are the unit of replication: a round through the socket-served queue takes tens of
 * milliseconds, so an iteration of 200 ms holds several. Four warm-up iterations: after one, the
 * second measured iteration still ran 15-20% faster than the first in every fork, and two
 * consumers behind the socket reached about 4.0e4 items/s only after three or four (2.6e4 after one).
 * 5 forks, not 3: behind the socket a fork's mean moves by up to 30% (1.5e4 to 2.0e4 items/s for
 * one consumer in one run), so Q8's decoupling row, two consumers against one (about 2.2x, among
 * five evidence rows at 1 - 0.05/5), had per-round ratios of 1.9x to 3.1x; with 3 forks (t = 9.9
 * on 2 df) it was undecided in five full runs of six; with 5 forks (t = 4.6 on 4 df) it held in
 * both runs that had them. They cost about 20 s of the full run.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 4, time = 200, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 2, time = 200, timeUnit = TimeUnit.MILLISECONDS)
@Fork(5)
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
        LeanChildJvm.prepareUnlessHandedDown(); // the lean child JVM, unless the runner handed one down
        folder = PrivateFolders.create("producer-consumer-");
        run = ProducerConsumer.open(model, producers, consumers, folder);
    }

    @TearDown(Level.Trial)
    public void close() throws Exception {
        PrivateFolders.closeThenDelete(run, folder);
    }

    /*
     * End-to-end latency of the iteration's items, in microseconds (JMH secondary metrics): put to
     * take, from System.nanoTime (CLOCK_MONOTONIC, the same in every process), in an HdrHistogram.
     * It includes the time an item waits behind the others of its round: latency under load, not
     * of an idle queue. As @AuxCounters(EVENTS), JMH's summary is the SUM over the measured
     * iterations: divide by the iteration count (the report shows the per-iteration mean).
     */
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
