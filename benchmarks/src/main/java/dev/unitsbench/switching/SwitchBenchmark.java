package dev.unitsbench.switching;

import dev.unitsbench.model.LeanChildJvm;
import dev.unitsbench.model.ExecutionModel;
import dev.unitsbench.model.ChildJvm;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
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
 * Claim Q2: "switching between threads is much faster than between processes; coroutines switch
 * in user space, without the kernel". Two units hand a token back and forth.
 *
 * Timed region: ROUNDS round trips (two hand-overs, so two switches, each), every token checked;
 * the score is the time of one round trip in nanoseconds. The child JVM and the thread pairs
 * (PingPong) are started once per trial. The four hand-overs are listed at the benchmark methods.
 *
 * Same code: each pair runs the same PingPong for both kinds of thread (the compared factor:
 * platform or virtual); pipeBetweenThreads and pipeBetweenProcesses run the same loops (Echo.ping,
 * Echo.serve) over kernel pipes, so their one difference is the process boundary.
 *
 * Expect a hand-over between virtual threads (an unmount and a mount, in the JVM) well below one
 * between platform threads (a futex wake and wait in the kernel), and a pipe between processes
 * near a pipe between platform threads; cpus=ONE shows it without cross-core wake-ups.
 *
 * HOW TO RUN:
 *   mvn verify -Pbench -Dbench.include=switching
 *   java -jar benchmarks/target/benchmarks.jar 'SwitchBenchmark.pipe' -p cpus=ONE
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
/*
 * Replication: 3 forks (5 for synchronousQueue and pipeBetweenProcesses, see there) of 2 short
 * iterations each, after one warm-up iteration; the statistics use the fork means. One invocation
 * runs ROUNDS round trips (@OperationsPerInvocation), so the thread pair's extra hand-over per
 * batch (from the caller to its ping thread) weighs 1/ROUNDS.
 */
@Warmup(iterations = 1, time = 400, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 2, time = 200, timeUnit = TimeUnit.MILLISECONDS)
@Fork(3)
public class SwitchBenchmark {

    /** Round trips per invocation: a batch takes milliseconds for every pair. */
    static final int ROUNDS = 1_000;

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    /*
     * Same CPU or not (`cpus`, on the two pipe benchmarks). On 2 cores the two units of a pair may
     * run on different cores; then a "switch" is mostly the time to wake a sleeping thread on the
     * other core, and where the woken unit runs is the kernel's choice, which differs by mechanism:
     * a pipe write wakes the reader "synchronously" (the writer is about to block, so Linux may run
     * the reader on the writer's core), a futex wake does not. In a virtual machine, where waking
     * another core costs an exit to the hypervisor, that choice can outweigh the switch itself, and
     * "threads vs processes" would measure the scheduler's placement, not the switch. cpus=ONE
     * removes that factor: at trial set-up the whole JMH fork (every thread) is pinned to one CPU
     * with taskset (SameCpu), before the pair or the child JVM starts, so they inherit the pinning;
     * every hand-over is then a switch on one core. cpus=ALL is the unpinned case, as programs run.
     * cpus=ONE needs taskset (util-linux); without it the trial fails with one line that says so.
     * The pinned child JVM sees one CPU, which changes its ergonomics (it runs serial GC anyway);
     * the pinned fork's JIT and GC threads share that CPU too, which is why warm-up matters here.
     */

    /** The CPUs a pipe ping-pong runs on: all of this machine's, or one. */
    public enum Cpus {
        ALL, ONE
    }

    /** Pins this JMH fork to one CPU for cpus=ONE; nothing for ALL. Null: nothing to undo. */
    static SameCpu pinIf(Cpus cpus) throws IOException, InterruptedException {
        if (cpus == Cpus.ALL) {
            return null;
        }
        SameCpu pinned = SameCpu.pin(SameCpu.findTaskset(), ProcessHandle.current().pid());
        System.out.println("# pinned to CPU " + SameCpu.allowedCpus(ProcessHandle.current().pid()));
        return pinned;
    }

    @State(Scope.Benchmark)
    public static class Processes {
        @Param({"PROCESS"})
        public ExecutionModel model;

        @Param
        public Cpus cpus;

        SameCpu pinned;
        ChildJvm echo;
        OutputStream toChild;
        InputStream fromChild;

        @Setup(Level.Trial)
        public void setUp() throws IOException, InterruptedException {
            pinned = pinIf(cpus);
            echo = ChildJvm.startWithInput(LeanChildJvm.prepareUnlessHandedDown().launcher(), new Echo());
            toChild = echo.toChild();
            fromChild = echo.fromChild();
            if (pinned != null && !SameCpu.allowedCpus(echo.pid()).equals(SameCpu.allowedCpus(ProcessHandle.current().pid()))) {
                throw new IllegalStateException("the echo child did not inherit this JVM's pinning");
            }
        }

        @TearDown(Level.Trial)
        public void tearDown() throws Exception {
            toChild.close(); // end-of-file: the child prints how many bytes it echoed and exits
            echo.join(TIMEOUT);
            echo.close();
            if (pinned != null) {
                pinned.close();
            }
        }
    }

    @State(Scope.Benchmark)
    public static class ThreadPairs {
        @Param({"PLATFORM_THREAD", "VIRTUAL_THREAD"})
        public ExecutionModel model;

        PingPong queuePair;
        PingPong parkPair;

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            queuePair = new PingPong(model, PingPong.Handoff.SYNCHRONOUS_QUEUE);
            parkPair = new PingPong(model, PingPong.Handoff.PARK_UNPARK);
        }

        @TearDown(Level.Trial)
        public void tearDown() throws Exception {
            queuePair.close();
            parkPair.close();
        }
    }

    @State(Scope.Benchmark)
    public static class PipePair {
        @Param({"PLATFORM_THREAD", "VIRTUAL_THREAD"})
        public ExecutionModel model;

        @Param
        public Cpus cpus;

        SameCpu pinned;
        PingPong pair;

        @Setup(Level.Trial)
        public void setUp() throws IOException, InterruptedException {
            pinned = pinIf(cpus);
            pair = new PingPong(model, PingPong.Handoff.PIPE);
        }

        @TearDown(Level.Trial)
        public void tearDown() throws Exception {
            pair.close();
            if (pinned != null) {
                pinned.close();
            }
        }
    }

    /**
     * This JVM and a child JVM (the Echo workload) over the child's standard input and output
     * pipes: one byte there, one byte back. Each side blocks in read(2) until the other writes.
     * 5 forks, as synchronousQueue, which it is compared with (pipeBetweenThreads, at 3 forks, is
     * paired with its first 3).
     */
    @Benchmark
    @OperationsPerInvocation(ROUNDS)
    @Fork(5)
    public long pipeBetweenProcesses(Processes s) throws IOException {
        return requireAll(Echo.ping(s.toChild, s.fromChild, ROUNDS));
    }

    /**
     * Two threads of `model` passing a token through two SynchronousQueues. For platform threads a
     * hand-over is a futex wake and a wait in the kernel; for virtual threads an unmount, a task
     * submitted to the carrier pool and a mount, all in the JVM.
     *
     * 5 forks, not 3: now and then a whole fork of a virtual-thread pair runs 2-3 times slower than
     * the others (in one full run 1.0 us a hand-over against 0.33 us), and a platform-thread pair's
     * fork means spread by 25%. With 3 forks (t = 9.9 on 2 df at Q2's level) one such fork left the
     * rows built on it (virtual vs platform threads about 46x, platform threads vs processes over a
     * pipe about 2.3x) undecided in one full run and decided in the next. With pipeBetweenProcesses,
     * the two extra rounds cost about 10 s.
     */
    @Benchmark
    @OperationsPerInvocation(ROUNDS)
    @Fork(5)
    public long synchronousQueue(ThreadPairs s) throws Exception {
        return requireAll(s.queuePair.roundTrips(ROUNDS, TIMEOUT));
    }

    /** The same through a volatile field and LockSupport.park/unpark, the mechanism every java.util.concurrent lock is built on. */
    @Benchmark
    @OperationsPerInvocation(ROUNDS)
    public long parkUnpark(ThreadPairs s) throws Exception {
        return requireAll(s.parkPair.roundTrips(ROUNDS, TIMEOUT));
    }

    /**
     * Two threads of `model` over two kernel pipes (java.nio.channels.Pipe, read and written as
     * streams): the channel and the loops of pipeBetweenProcesses, with threads at both ends.
     */
    @Benchmark
    @OperationsPerInvocation(ROUNDS)
    public long pipeBetweenThreads(PipePair s) throws Exception {
        return requireAll(s.pair.roundTrips(ROUNDS, TIMEOUT));
    }

    private static long requireAll(long roundTrips) {
        if (roundTrips != ROUNDS) {
            throw new IllegalStateException("only " + roundTrips + " of " + ROUNDS + " tokens came back as sent");
        }
        return roundTrips;
    }
}
