package dev.unitsbench.switching;

import dev.unitsbench.model.ChildJvmLauncher;
import dev.unitsbench.model.ExecutionModel;
import dev.unitsbench.model.WorkerProcess;
import dev.unitsbench.work.Echo;
import dev.unitsbench.work.PingPong;
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
 * in user space, without the kernel". Two units hand a token back and forth; the score is the
 * time of one round trip (two hand-overs, so two switches), in nanoseconds.
 *
 *   pipeBetweenProcesses  this JVM and a child JVM (the Echo workload) over the child's standard
 *                         input and output pipes: one byte there, one byte back. Each side blocks
 *                         in read(2) until the other writes: kernel pipes, two processes;
 *   synchronousQueue      two threads of `model` passing a token through two SynchronousQueues;
 *   parkUnpark            the same through a volatile field and LockSupport.park/unpark, the bare
 *                         mechanism that every java.util.concurrent lock is built on;
 *   pipeBetweenThreads    two threads of `model` over two kernel pipes (java.nio.channels.Pipe):
 *                         the channel of pipeBetweenProcesses, with threads at both ends. Compare
 *                         it with pipeBetweenProcesses for "threads vs processes" on equal terms.
 * For platform threads a hand-over is a futex wake and a wait in the kernel; for virtual threads it
 * is an unmount, a task submitted to the carrier pool and a mount, all in the JVM.
 *
 * Everything is set up once per trial: the child JVM and the thread pairs (PingPong) live across
 * iterations. One invocation runs ROUNDS round trips (@OperationsPerInvocation), so the pipe
 * pair's and the caller's extra hand-over per batch weigh 1/ROUNDS. Every token is checked: a
 * batch where one came back wrong or not at all fails the run.
 *
 * On 2 cores the two units of a pair may run on different cores; then a "switch" is mostly the
 * time to wake a sleeping thread on the other core, which is what a hand-over costs in practice.
 * Where the woken unit runs is the kernel's choice and differs by mechanism: a pipe write wakes
 * the reader "synchronously" (the writer is about to block, so Linux may run the reader on the
 * writer's core), a futex wake (park/unpark of platform threads) does not. In a virtual machine,
 * where waking another core costs an exit to the hypervisor, that choice can outweigh everything
 * else: look at the figures before concluding anything about threads versus processes.
 *
 * HOW TO RUN:
 *   mvn verify -Pbench -Dbench.include=switching
 *   java -jar benchmarks/target/benchmarks.jar SwitchBenchmark -p model=VIRTUAL_THREAD
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SwitchBenchmark {

    /** Round trips per invocation: a batch takes milliseconds for every pair. */
    static final int ROUNDS = 10_000;

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @State(Scope.Benchmark)
    public static class Processes {
        @Param({"PROCESS"})
        public ExecutionModel model;

        WorkerProcess echo;
        OutputStream toChild;
        InputStream fromChild;

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            echo = WorkerProcess.startWithInput(ChildJvmLauncher.lean(), new Echo());
            toChild = echo.toChild();
            fromChild = echo.fromChild();
        }

        @TearDown(Level.Trial)
        public void tearDown() throws Exception {
            toChild.close(); // end-of-file: the child prints how many bytes it echoed and exits
            echo.join(TIMEOUT);
            echo.close();
        }
    }

    @State(Scope.Benchmark)
    public static class ThreadPairs {
        @Param({"PLATFORM_THREAD", "VIRTUAL_THREAD"})
        public ExecutionModel model;

        PingPong queuePair;
        PingPong parkPair;
        PingPong pipePair;

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            queuePair = new PingPong(builder(model), PingPong.Handoff.SYNCHRONOUS_QUEUE);
            parkPair = new PingPong(builder(model), PingPong.Handoff.PARK_UNPARK);
            pipePair = new PingPong(builder(model), PingPong.Handoff.PIPE);
        }

        @TearDown(Level.Trial)
        public void tearDown() throws Exception {
            queuePair.close();
            parkPair.close();
            pipePair.close();
        }
    }

    static Thread.Builder builder(ExecutionModel model) {
        return switch (model) {
            case PLATFORM_THREAD -> Thread.ofPlatform().daemon(true).name("ping-pong-platform-", 0);
            case VIRTUAL_THREAD -> Thread.ofVirtual().name("ping-pong-virtual-", 0);
            default -> throw new IllegalArgumentException("a thread pair is PLATFORM_THREAD or VIRTUAL_THREAD, not " + model);
        };
    }

    @Benchmark
    @OperationsPerInvocation(ROUNDS)
    public long pipeBetweenProcesses(Processes s) throws IOException {
        long echoedAsSent = 0;
        for (int i = 0; i < ROUNDS; i++) {
            int token = i & 0x7f;
            s.toChild.write(token);
            s.toChild.flush();
            if (s.fromChild.read() == token) {
                echoedAsSent++;
            }
        }
        return requireAll(echoedAsSent);
    }

    @Benchmark
    @OperationsPerInvocation(ROUNDS)
    public long synchronousQueue(ThreadPairs s) throws Exception {
        return requireAll(s.queuePair.roundTrips(ROUNDS, TIMEOUT));
    }

    @Benchmark
    @OperationsPerInvocation(ROUNDS)
    public long parkUnpark(ThreadPairs s) throws Exception {
        return requireAll(s.parkPair.roundTrips(ROUNDS, TIMEOUT));
    }

    @Benchmark
    @OperationsPerInvocation(ROUNDS)
    public long pipeBetweenThreads(ThreadPairs s) throws Exception {
        return requireAll(s.pipePair.roundTrips(ROUNDS, TIMEOUT));
    }

    private static long requireAll(long roundTrips) {
        if (roundTrips != ROUNDS) {
            throw new IllegalStateException("only " + roundTrips + " of " + ROUNDS + " tokens came back as sent");
        }
        return roundTrips;
    }
}
