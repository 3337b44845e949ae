package dev.unitsbench.pinning;

import dev.unitsbench.model.ExecutionModel;
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
import org.openjdk.jmh.annotations.Warmup;

/*
 * Claim Q6, the price of the lock itself: when the critical section does not block, what does the
 * choice between `synchronized` and a ReentrantLock cost, on virtual and on platform threads?
 * BlockWhileHoldingBenchmark is the other half: what the choice means for a section that blocks.
 *
 * Timed region: one round (CounterRound). N = unitsPerCarrier x carriers units start at once and
 * each increments one shared counter `increments` times, taking the ONE shared lock (`lock`)
 * around each increment; the count is checked after the round (a lost update fails it). Starting
 * the units is inside it, the same for every combination. Score: rounds per second; the secondary
 * metric `increments` is the same throughput counted in increments.
 *
 * Same code: both locks run the same CounterRound with the same units; the compared factor is the
 * lock (and, across rows, the kind of thread).
 *
 * Expect no claim-sized difference: a contended monitor is inflated and may spin before its
 * waiters block, a ReentrantLock parks them through AbstractQueuedSynchronizer; which is faster
 * depends on the JDK and the contention, which is what a reader should weigh before swapping.
 *
 * HOW TO RUN:
 *   mvn verify -Pbench -Dbench.include=ContendedCounter
 *   java -jar benchmarks/target/benchmarks.jar ContendedCounter -p increments=200000
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
/*
 * Replication: 3 forks of 2 measured iterations of 150 ms after 1 warm-up iteration of 100 ms.
 */
@Warmup(iterations = 1, time = 100, timeUnit = TimeUnit.MILLISECONDS) // several rounds, each of milliseconds
@Measurement(iterations = 2, time = 150, timeUnit = TimeUnit.MILLISECONDS)
@Fork(3)
@State(Scope.Benchmark)
public class ContendedCounterBenchmark {

    @Param({"VIRTUAL_THREAD", "PLATFORM_THREAD"})
    public ExecutionModel model;

    @Param
    public LockKind lock;

    /** Units per carrier thread: N = this x carriers, as in BlockWhileHoldingBenchmark. */
    @Param({"8"})
    public int unitsPerCarrier;

    /*
     * With `increments` large enough the lock dominates the round. The JIT may merge the monitor
     * regions of neighbouring increments (lock coarsening, e.g. in an unrolled loop), which it
     * never does for a ReentrantLock: that is part of what the choice costs in real code too. On
     * JDK 21-23 a virtual thread that waits to enter a monitor blocks its carrier inside the VM,
     * on 24 and later it unmounts. JFR's pinned events are not counted here: JDK 21 records one
     * only when a pinned virtual thread parks (a sleep, I/O, a java.util.concurrent lock), which
     * these units never do while pinned, so the count would be zero on every JDK; and leaving the
     * recorder off keeps each fork short.
     */

    /** Increments per unit and round. */
    @Param({"50000"})
    public int increments;

    private CounterRound round;

    @Setup(Level.Trial)
    public void open() {
        round = new CounterRound(unitsPerCarrier * Carriers.count(), increments, lock);
    }

    /** The secondary metric {@code increments}: increments per second (JMH zeroes it each iteration). */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Increments {
        public long increments;
    }

    @Benchmark
    public long incrementShared(Increments counted) throws Exception {
        long count = round.run(model.threadBuilder("incrementer-"));
        counted.increments += count;
        return count;
    }
}
