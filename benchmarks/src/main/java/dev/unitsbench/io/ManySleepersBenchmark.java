package dev.unitsbench.io;

import dev.unitsbench.harness.ModelState;
import dev.unitsbench.model.ChildMemoryGuard;
import dev.unitsbench.model.ExecutionModel;
import dev.unitsbench.model.JoinOrder;
import dev.unitsbench.work.Sleep;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
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
import org.openjdk.jmh.infra.BenchmarkParams;

/*
 * Claims T2 and Q5 pushed past the tutorial: how many sleepers can one JVM hold, and what does
 * each model charge for them? Q5 compares virtual with platform threads at 10 000; the CPython
 * cross-check runs the same batch as asyncio tasks (scripts/tutorial/asyncio_tasks.py sleep).
 *
 * Timed region: as SleepBenchmark's, one operation starts `workers` sleeps and waits for all,
 * every start inside it; virtual threads at 10 000 and 100 000, and at 1 000 000 in one fork
 * (virtualThreadsAtAMillion), platform threads at 10 000 (see PlatformSleepers), processes not at
 * all (SleepBenchmark stops at 400: 10 000 child JVMs would need hundreds of GiB). Secondary
 * metric peakHeapBytesPerThread (see HeapPeak).
 *
 * Same code: both models run the same Sleep through their ConcurrentRunner, started and joined
 * the same way; the compared factor is the kind of thread.
 *
 * Expect virtual threads near one sleep of wall time at every count, platform threads above it
 * by the cost of creating and waking 10 000 OS threads. A count the memory guard finds too large
 * for the heap (FORK_HEAP) or the machine is refused before its first batch, with what it needs.
 *
 * HOW TO RUN:
 *   mvn verify -Pbench -Dbench.include=ManySleepers
 *   java -jar benchmarks/target/benchmarks.jar ManySleepers -p workers=10000
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Measurement(iterations = 1)
@Fork(value = 3, jvmArgsAppend = {ManySleepersBenchmark.FORK_HEAP})
@State(Scope.Benchmark)
public class ManySleepersBenchmark {

    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    /** Heap of every fork, both models alike: room for 1 000 000 sleeping virtual threads and their garbage. */
    static final String FORK_HEAP = "-Xmx4g";

    /**
     * What the memory guard expects one sleeping virtual thread to hold: its Thread, continuation
     * and stack chunk, and the garbage of its start, with headroom over the peakHeapBytesPerThread
     * this benchmark reports.
     */
    static final long VIRTUAL_THREAD_BYTES = 3072;

    /** Heap the benchmark JVM needs besides the sleepers, for the memory guard. */
    static final long BASE_HEAP_BYTES = 256L << 20;

    /** How often the heap sampler looks at the heap in use. */
    static final long SAMPLE_MILLIS = 5;

    /** One copy's sleep, the same for both models so that Q5 compares them on equal work. */
    @Param({"1000"})
    public long sleepMillis;

    /*
     * The two models get a state class each because JMH crosses every parameter of a state: one
     * class would ask for 100 000 platform threads. A million sleepers need a heap sized for them:
     * the forks run with FORK_HEAP, and before the first batch the memory guard refuses a count
     * whose estimate (VIRTUAL_THREAD_BYTES) does not fit in the heap or in the machine's available
     * memory, instead of swapping or dying of OutOfMemoryError.
     */
    /** What both states of virtual sleepers share: the model, and the memory check before any batch. */
    public abstract static class VirtualSleeperCount extends ModelState {
        @Param({"VIRTUAL_THREAD"})
        public ExecutionModel model;

        /** The state's own {@code @Param workers}. */
        abstract int workers();

        @Override
        protected ExecutionModel model() {
            return model;
        }

        /** Refuses, before any batch, a count whose estimate does not fit the heap or the machine. */
        @Setup(Level.Trial)
        public void checkMemory() {
            int workers = workers();
            long needed = BASE_HEAP_BYTES + workers * VIRTUAL_THREAD_BYTES;
            ChildMemoryGuard.shortfall(needed).ifPresent(shortfall -> {
                throw new IllegalStateException("skipped: " + workers + " virtual threads " + shortfall);
            });
            long heap = Runtime.getRuntime().maxMemory();
            if (needed > heap) {
                throw new IllegalStateException(String.format("skipped: %d virtual threads need %.1f GB of heap, the fork has %.1f GB (%s)",
                        workers, needed / 1e9, heap / 1e9, FORK_HEAP));
            }
        }
    }

    @State(Scope.Benchmark)
    public static class VirtualSleepers extends VirtualSleeperCount {
        @Param({"10000", "100000"})
        public int workers;

        @Override
        int workers() {
            return workers;
        }
    }

    /** A million virtual threads: a state of its own, because its method runs one fork (see there). */
    @State(Scope.Benchmark)
    public static class MillionVirtualSleepers extends VirtualSleeperCount {
        @Param({"1000000"})
        public int workers;

        @Override
        int workers() {
            return workers;
        }
    }

    /**
     * The peak heap in use during one batch of virtual threads, per thread: a platform thread
     * samples the heap from before the batch (after a GC) until the iteration ends. It counts each
     * sleeper's Thread, continuation and stack chunk, and the garbage the batch made, so it is an
     * upper bound, as asyncio's peak resident memory per task is.
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class HeapPeak {
        private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        private volatile long baseline;
        private volatile long peak;
        private volatile boolean sampling;
        private Thread sampler;
        private int workers;

        /** Read from the params, so that one sampler serves both states of virtual sleepers. */
        @Setup(Level.Iteration)
        public void start(BenchmarkParams params) {
            start(Integer.parseInt(params.getParam("workers")));
        }

        void start(int workers) {
            this.workers = workers;
            System.gc();
            baseline = memory.getHeapMemoryUsage().getUsed();
            peak = baseline;
            sampling = true;
            sampler = Thread.ofPlatform().daemon().name("heap-sampler").start(() -> {
                while (sampling) {
                    peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
                    try {
                        Thread.sleep(SAMPLE_MILLIS);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
        }

        @TearDown(Level.Iteration)
        public void stop() throws InterruptedException {
            sampling = false;
            sampler.join();
        }

        /** Peak heap growth during the batch over the number of virtual threads, in bytes. */
        public double peakHeapBytesPerThread() {
            return (double) Math.max(0, peak - baseline) / workers;
        }
    }

    /**
     * Platform threads at 10 000 only: each is an OS thread, and 100 000 of them exceed common
     * kernel limits (kernel.pid_max is 32 768 on many machines), so that count would measure a
     * crash, not a cost.
     */
    @State(Scope.Benchmark)
    public static class PlatformSleepers extends ModelState {
        @Param({"PLATFORM_THREAD"})
        public ExecutionModel model;

        @Param({"10000"})
        public int workers;

        @Override
        protected ExecutionModel model() {
            return model;
        }
    }

    /*
     * Harness: 3 forks (the unit of replication), one measured batch each, after warm-up batches
     * sized to what each model needs to settle, so that each model is measured in its steady
     * state, which is what Q5 compares. The first batches of 100 000 virtual threads in a fresh
     * JVM also grow the heap that holds their stacks and compile the scheduler's paths, and run
     * markedly slower than later ones until about the fourth: so three warm-up batches. A batch
     * of 10 000 platform threads is spent creating and waking OS threads in the kernel, which no
     * warm-up speeds up, and its first batch is no slower than later ones: no warm-up.
     */
    @Benchmark
    @Warmup(iterations = 3)
    public long virtualThreads(VirtualSleepers s, HeapPeak heap) throws Exception {
        return s.runner().runAll(Sleep.of(sleepMillis), s.workers, JoinOrder.AFTER_ALL_STARTED, TIMEOUT);
    }

    /*
     * One fork, as the CPython cross-check runs its million asyncio tasks once: at this size the
     * result is a demonstration of scale that no verdict compares (the coroutines section sets it
     * beside asyncio's), and a fork costs about 20 s, most of it the first cold batch of a million
     * (14 s). Two warm-up batches: the first took 14.0 s, the second 4.6 s, the third 3.7 s, and
     * the two after it 4.1 and 3.5 s. -f 3 gives it an interval.
     */
    @Benchmark
    @Warmup(iterations = 2)
    @Fork(value = 1, jvmArgsAppend = {FORK_HEAP})
    public long virtualThreadsAtAMillion(MillionVirtualSleepers s, HeapPeak heap) throws Exception {
        return s.runner().runAll(Sleep.of(sleepMillis), s.workers, JoinOrder.AFTER_ALL_STARTED, TIMEOUT);
    }

    @Benchmark
    @Warmup(iterations = 0)
    public long platformThreads(PlatformSleepers s) throws Exception {
        return s.runner().runAll(Sleep.of(sleepMillis), s.workers, JoinOrder.AFTER_ALL_STARTED, TIMEOUT);
    }
}
