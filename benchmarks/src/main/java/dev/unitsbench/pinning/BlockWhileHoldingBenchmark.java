package dev.unitsbench.pinning;

import dev.unitsbench.model.ExecutionModel;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/*
 * Claim Q6, the JDK's side: "a mutex makes only the critical section serial". Before JDK 24 a
 * virtual thread that blocks inside `synchronized` pins its carrier, so with more such threads than
 * carriers, units that share NOTHING wait for one another; JEP 491 (JDK 24) removed that.
 *
 * Timed region: one round (HoldAndBlockRound). N = unitsPerCarrier x carriers units start at once,
 * each takes a lock of its OWN (`lock`) and blocks inside it for blockMillis (`blocking`: a sleep,
 * or a loopback socket read whose peer replies after that delay). Starting the units is inside it;
 * the locks and the connections are made once per trial. Secondary metrics (see RoundFacts):
 * wallPerBlocking = round time / blocking time, and pinnedEvents.
 *
 * Same code: both locks run the same round with the same units and blocking call; the compared
 * factor is the lock (synchronized or ReentrantLock), on virtual threads and, as the reference,
 * on platform threads.
 *
 * Expect wallPerBlocking about 1 (every unit blocked at once) for platform threads, for a
 * ReentrantLock, and for synchronized from JDK 24; about unitsPerCarrier (a carrier-full at a
 * time, one pinned event per block) for virtual threads in synchronized on JDK 21-23.
 *
 * HOW TO RUN:
 *   mvn verify -Pbench -Dbench.include=pinning
 *   java -jar benchmarks/target/benchmarks.jar 'BlockWhileHoldingBenchmark.virtualThreads' -p blocking=SLEEP
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
/*
 * Replication: 3 forks of 2 measured iterations of 150 ms after 1 warm-up iteration of 100 ms. A
 * round lasts about blockMillis, so an iteration holds several rounds; pinned, a round lasts
 * unitsPerCarrier times as long, and an iteration then holds one or two (JMH ends the one under
 * way). The ratio does not depend on the number of carriers; on a machine with many cores, one
 * carrier shows the same with fewer units:
 *   java -jar benchmarks/target/benchmarks.jar BlockWhileHolding -jvmArgsAppend -Djdk.virtualThreadScheduler.parallelism=1
 */
@Warmup(iterations = 1, time = 100, timeUnit = TimeUnit.MILLISECONDS) // several rounds of blockMillis each
@Measurement(iterations = 2, time = 150, timeUnit = TimeUnit.MILLISECONDS)
@Fork(3)
@State(Scope.Benchmark)
public class BlockWhileHoldingBenchmark {

    /**
     * Units per carrier thread: N = this x carriers (jdk.virtualThreadScheduler.parallelism, else
     * availableProcessors), well above the carriers there are.
     */
    @Param({"8"})
    public int unitsPerCarrier;

    /** How long each unit blocks while holding its lock. */
    @Param({"20"})
    public long blockMillis;

    /**
     * The units of one trial and their round. JMH crosses every {@code @Param} of a state, so the
     * virtual threads (every lock and blocking call) and the platform-thread reference (every lock,
     * sleeping) are state classes of their own; they share the param {@code lock} and the set-up here.
     */
    public abstract static class Holders {
        @Param
        public LockKind lock;

        private ExecutionModel model;
        private HoldAndBlockRound round;

        /**
         * Opens the round and runs it once, untimed: the first blocking call of a JVM initializes
         * classes (for a socket read, the JDK's I/O poller), and a virtual thread that waits for a
         * class another thread is initializing is pinned, whatever lock it holds. Those events are
         * the JVM's start-up, not the lock's doing, so they happen here, before any iteration.
         */
        void open(BlockWhileHoldingBenchmark bench, ExecutionModel model, Blocking blocking) throws Exception {
            this.model = model;
            round = new HoldAndBlockRound(bench.unitsPerCarrier * Carriers.count(), lock, blocking,
                    Duration.ofMillis(bench.blockMillis));
            round.run(model.threadBuilder("holder-"));
        }

        @TearDown(Level.Trial)
        public void close() throws IOException {
            round.close();
        }

        long run(RoundFacts facts) throws Exception {
            long nanos = round.run(model.threadBuilder("holder-"));
            facts.record(nanos, round.blockTime());
            return nanos;
        }
    }

    /** Virtual threads: every lock, every blocking call. */
    @State(Scope.Benchmark)
    public static class VirtualHolders extends Holders {
        @Param({"VIRTUAL_THREAD"})
        public ExecutionModel model;

        @Param
        public Blocking blocking;

        @Setup(Level.Trial)
        public void open(BlockWhileHoldingBenchmark bench) throws Exception {
            open(bench, model, blocking);
        }
    }

    /**
     * Platform threads, the reference: OS threads never pin, so both locks should give about 1
     * whatever the JDK, which shows what "not serialized" looks like with this many thread starts
     * in a round. They sleep (blocking=SLEEP): a platform thread waits in the OS either way.
     */
    @State(Scope.Benchmark)
    public static class PlatformHolders extends Holders {
        @Param({"PLATFORM_THREAD"})
        public ExecutionModel model;

        @Setup(Level.Trial)
        public void openSleeping(BlockWhileHoldingBenchmark bench) throws Exception {
            open(bench, model, Blocking.SLEEP);
        }
    }

    /**
     * The secondary metrics of an iteration: wallPerBlocking, the mean over its rounds, and
     * pinnedEvents, JFR's jdk.VirtualThreadPinned events in the fork during the iteration
     * ({@link PinnedEventCounter}): on JDK 21-23 one per pinned block, from JDK 24 none here. The recording stream runs from the iteration's set-up to its
     * tear-down, outside the timed region, in every param combination alike; JMH reads the counters
     * after the tear-down, when the stream has handed over every event of the iteration.
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class RoundFacts {
        /** Wall time of a round over the blocking time, the mean of the iteration's rounds. */
        public double wallPerBlocking;
        /** Set at the iteration's end (JMH zeroes it at its start). */
        public long pinnedEvents;
        private long rounds;
        private long wallNanos;
        private PinnedEventCounter counter;

        @Setup(Level.Iteration)
        public void start() {
            counter = PinnedEventCounter.start();
            rounds = 0;
            wallNanos = 0;
        }

        @TearDown(Level.Iteration)
        public void stop() {
            try {
                pinnedEvents = counter.stop();
            } finally {
                counter.close();
            }
        }

        void record(long roundNanos, Duration blockTime) {
            rounds++;
            wallNanos += roundNanos;
            wallPerBlocking = (double) wallNanos / rounds / blockTime.toNanos();
        }
    }

    @Benchmark
    public long virtualThreads(VirtualHolders holders, RoundFacts facts) throws Exception {
        return holders.run(facts);
    }

    @Benchmark
    public long platformThreads(PlatformHolders holders, RoundFacts facts) throws Exception {
        return holders.run(facts);
    }
}
