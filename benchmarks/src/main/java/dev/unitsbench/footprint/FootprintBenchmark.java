package dev.unitsbench.footprint;

import dev.unitsbench.model.ExecutionModel;
import dev.unitsbench.model.LeanChildJvm;
import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;
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
 * Claim Q1, memory half: "a process costs far more than a thread, and a thread far more than a
 * coroutine". What does one live unit hold while it waits?
 *
 * One operation starts `units` units of one model, waits until all are parked, reads their memory,
 * lets them go and joins them. Bytes per unit are secondary metrics (@AuxCounters); the primary
 * score, the time of the whole operation, is not the point. The process-vs-thread row compares the
 * same quantity on both sides, Pss (proportional set size: shared pages divided among the
 * processes that map them), with the resident set (VmRSS) published beside it:
 *   processes        each lean child JVM's Pss and VmRSS (and VmSize); 8 children;
 *   platformThreads  growth of this JVM's Pss and VmRSS per thread, and the stack a thread
 *                    reserves (-Xss); 2 000 threads;
 *   virtualThreads   growth of the heap per parked virtual thread, after a full GC; 100 000 threads.
 * Expect tens of MiB per child JVM, kilobytes per platform thread, hundreds of bytes per virtual
 * thread. Per-unit figures are per iteration: JMH's own score of an EVENTS counter is the SUM over
 * iterations (read the iteration lines, the JSON's rawData, or the report's per-iteration mean).
 * 3 forks of 2 operations each; the fork means count.
 *
 * HOW TO RUN:
 *   mvn verify -Pbench -Dbench.include=footprint
 *   java -jar benchmarks/target/benchmarks.jar FootprintBenchmark
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
// The fork runs with a fixed, pre-touched heap (-Xms = -Xmx, -XX:+AlwaysPreTouch): the heap is
// resident from the start, so the resident-set growth of the platform threads is native memory
// alone, and heap growth is counted once, in heapBytesPerUnit. Processes get no warm-up: their
// children are fresh JVMs every time, and their figures are read from /proc, not timed.
// One warm-up operation for the threads: 3 rounds, 300 000 virtual-thread parks, after which the
// JDK's park path is compiled; before that, virtual threads park with interpreted JDK frames too.
@Warmup(iterations = 1)
@Measurement(iterations = 2)
@Fork(value = 3, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
public class FootprintBenchmark {

    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    @State(Scope.Benchmark)
    public static class ProcessUnits {
        @Param({"PROCESS"})
        public ExecutionModel model;

        @Param({"8"})
        public int units;

        @Setup(Level.Trial)
        public void prepareChild() {
            LeanChildJvm.prepareUnlessHandedDown(); // the lean child JVM, unless the runner handed one down
        }
    }

    @State(Scope.Benchmark)
    public static class PlatformUnits {
        @Param({"PLATFORM_THREAD"})
        public ExecutionModel model;

        @Param({"2000"})
        public int units;
    }

    @State(Scope.Benchmark)
    public static class VirtualUnits {
        @Param({"VIRTUAL_THREAD"})
        public ExecutionModel model;

        @Param({"100000"})
        public int units;
    }

    /** Per child JVM, in bytes: the means over the children of one operation. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class ProcessBytes {
        public long residentBytesPerUnit;
        public long proportionalBytesPerUnit;
        public long reservedBytesPerUnit;
    }

    /**
     * Per platform thread, in bytes: growth of this process's Pss and resident set divided by the
     * thread count, and the stack each thread reserves (this JVM's ThreadStackSize, -Xss).
     *
     * <p>A thread's own pages (the touched part of its stack, the JVM's and the C library's
     * per-thread data) are private, so its Pss growth and its resident growth are the same pages;
     * Pss is the figure set beside a child JVM's Pss. Pss also moves when another process on the
     * machine starts or stops mapping a file this JVM shares (libjvm, the CDS archive), which a
     * round's median of {@link #ROUNDS} absorbs. The Thread object, a few hundred bytes of heap, is
     * lost in the noise of the heap here and not reported.
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class PlatformBytes {
        public long proportionalBytesPerUnit;
        public long residentBytesPerUnit;
        public long stackReservedBytesPerUnit;
    }

    /** Per virtual thread, in bytes: heap growth after a full GC divided by the thread count. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class VirtualBytes {
        public long heapBytesPerUnit;
    }

    @Benchmark
    @Warmup(iterations = 0)
    public int processes(ProcessUnits s, ProcessBytes bytes) throws Exception {
        try (ParkedChildren children = ParkedChildren.start(s.units, TIMEOUT)) {
            long resident = 0;
            long proportional = 0;
            long reserved = 0;
            for (long pid : children.pids()) {
                ProcessMemory child = ProcessMemory.of(pid);
                resident += child.resident();
                proportional += child.proportional();
                reserved += child.reserved();
            }
            bytes.residentBytesPerUnit = resident / s.units;
            bytes.proportionalBytesPerUnit = proportional / s.units;
            bytes.reservedBytesPerUnit = reserved / s.units;
            return requireAll(children.release(TIMEOUT), s.units);
        }
    }

    @Benchmark
    public long platformThreads(PlatformUnits s, PlatformBytes bytes) throws Exception {
        long[] growth = medianGrowthPerUnit(s.model.threadBuilder("parked-platform-"), s.units,
                snapshot -> snapshot.memory.proportional(), snapshot -> snapshot.memory.resident());
        bytes.proportionalBytesPerUnit = growth[0];
        bytes.residentBytesPerUnit = growth[1];
        bytes.stackReservedBytesPerUnit = threadStackSizeBytes();
        return bytes.proportionalBytesPerUnit;
    }

    /**
     * The fork keeps the threads' own parking frame ({@link ParkedThreads}' lambda) interpreted.
     * A parked virtual thread's stack chunk holds its frames, and the JIT compiles that frame
     * differently from fork to fork (with or without {@code LockSupport.park} inlined, C1 or C2):
     * left to the JIT, forks differed by up to a sixth in bytes per thread, a spread across forks
     * that measures the JIT, not virtual threads. An interpreted frame
     * has a fixed layout, so every fork gives the same figure, about a hundred bytes above the
     * compiled frames' figures.
     */
    @Benchmark
    @Fork(value = 3, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch",
            "-XX:CompileCommand=quiet", "-XX:CompileCommand=exclude,dev.unitsbench.footprint.ParkedThreads::lambda*"})
    public long virtualThreads(VirtualUnits s, VirtualBytes bytes) throws Exception {
        bytes.heapBytesPerUnit = medianGrowthPerUnit(s.model.threadBuilder("parked-virtual-"), s.units,
                snapshot -> snapshot.heapUsed)[0];
        return bytes.heapBytesPerUnit;
    }

    /**
     * Rounds of park-measure-release per operation; the median is published. A round now and then
     * came out at half the others (a virtual thread's frames, a platform thread's stack pages
     * still being returned by the round before), and one such round moved a fork's mean by 20%.
     */
    static final int ROUNDS = 3;

    static long median(long[] values) {
        long[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /**
     * Waits until the threads of the last round have left the kernel too: Thread.join returns
     * when a thread's Java part has ended, a little before its native stack is unmapped, and a
     * stack unmapped during the next round would shrink that round's growth.
     */
    static void awaitNativeThreadsGone(long threadsBefore) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (ProcessMemory.threadCount(ProcessHandle.current().pid()) > threadsBefore + THREAD_SLACK
                && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }

    /** JVM threads that come and go on their own (JIT compiler threads, JMH's timers). */
    private static final long THREAD_SLACK = 8;

    /**
     * The stack a new platform thread reserves: HotSpot's ThreadStackSize (KiB; -Xss sets it).
     * It is read, not measured: the growth of the address space per thread (VmSize) mixes stacks
     * with the C library's per-thread malloc arenas and varied by 10% from run to run.
     */
    static long threadStackSizeBytes() {
        HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        return Long.parseLong(hotspot.getVMOption("ThreadStackSize").getValue()) * 1024;
    }

    /** This JVM's memory after a full GC. */
    record Snapshot(ProcessMemory memory, long heapUsed, long threads) {
        static Snapshot take() throws IOException {
            // Twice: now and then one full GC left the last round's ended virtual threads (about
            // 340 bytes each) in the heap, and the next round's growth came out at half.
            System.gc();
            System.gc();
            long heapUsed = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            long pid = ProcessHandle.current().pid();
            return new Snapshot(ProcessMemory.of(pid), heapUsed, ProcessMemory.threadCount(pid));
        }
    }

    /**
     * The thread benchmarks' operation: {@link #ROUNDS} rounds of {@code units} threads of
     * {@code builder} parked, this JVM measured before and after, the threads released and waited
     * for until their native stacks are gone too (none for virtual threads); for each of
     * {@code measures}, in order, the median over the rounds of its growth per unit. Fails unless
     * every thread of every round ended.
     */
    @SafeVarargs
    static long[] medianGrowthPerUnit(Thread.Builder builder, int units, ToLongFunction<Snapshot>... measures)
            throws Exception {
        long[][] growth = new long[measures.length][ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
            ParkedThreads threads = new ParkedThreads(builder, units);
            Snapshot before = Snapshot.take();
            threads.start(TIMEOUT);
            Snapshot after = Snapshot.take();
            requireAll(threads.release(), units);
            for (int m = 0; m < measures.length; m++) {
                growth[m][round] = (measures[m].applyAsLong(after) - measures[m].applyAsLong(before)) / units;
            }
            awaitNativeThreadsGone(before.threads);
        }
        long[] medians = new long[measures.length];
        for (int m = 0; m < measures.length; m++) {
            medians[m] = median(growth[m]);
        }
        return medians;
    }

    private static int requireAll(int done, int units) {
        if (done != units) {
            throw new IllegalStateException("only " + done + " of " + units + " units were parked and ended");
        }
        return done;
    }
}
