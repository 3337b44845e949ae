package dev.unitsbench.cpu;

import dev.unitsbench.model.ConcurrentRunner;
import dev.unitsbench.model.ExecutionModel;
import dev.unitsbench.model.JoinOrder;
import dev.unitsbench.work.CpuLoop;
import dev.unitsbench.work.EmulatedGil;
import dev.unitsbench.work.Workload;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
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
 * Claim T1: "for CPU-bound work, processes beat threads". The tutorial starts 4 workers, each
 * running a 100 000 000-iteration loop, as processes (6.4 s) and as threads (21.3 s) on 8 cores.
 *
 * One operation starts `workers` copies of the same CPU loop under `model`, then waits for all
 * of them: the time to finish the whole batch, start-up included, as the tutorial timed it. For
 * PROCESS that includes starting a JVM per copy and the child's JIT warm-up: that is what a
 * process costs on the JVM, and a reader should see it. Creating the thread pool (THREAD_POOL)
 * is outside the timed region, in the trial setup; starting threads is inside.
 *
 * The loop is CpuLoop: a serial multiply-add chain whose result depends on every iteration and
 * is returned, so no JIT can drop or shorten it.
 *
 * With gil=true the copies also take an EmulatedGil, CPython's interpreter lock in Java: one
 * lock per JVM, held while computing, offered to waiters every 5 ms. Threads then compute one at
 * a time, as in CPython; each child JVM has a GIL of its own, so processes still scale. This is
 * claim Q3, and the reason T1 holds in Python but not, without the GIL, on the JVM.
 *
 * What to expect on N cores: without the GIL, threads of any kind finish `workers` copies in
 * about ceil(workers / N) loop times, and processes take that plus JVM start-up; with it,
 * threads take `workers` loop times, processes still ceil(workers / N).
 *
 * HOW TO RUN:
 *   mvn verify -Pbench -Dbench.include=CpuBound
 *   java -jar benchmarks/target/benchmarks.jar CpuBound -p workers=4 -p gil=false
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(2)
@State(Scope.Benchmark)
public class CpuBoundBenchmark {

    /** Generous: the slowest case (8 copies under the GIL) takes about a second. */
    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    @Param({"PROCESS", "PLATFORM_THREAD", "THREAD_POOL", "VIRTUAL_THREAD"})
    public ExecutionModel model;

    @Param({"1", "2", "4", "8"})
    public int workers;

    @Param({"false", "true"})
    public boolean gil;

    /**
     * Loop count of one copy: the tutorial's own 100 000 000 at every scale. It takes CPython about
     * 5 s and a JIT about 0.13 s (2026-11-23, JDK 25, this project's 2-core machine), which is why a
     * child JVM's start-up weighs so much here: a fact about the JVM, not an artefact.
     */
    @Param({"100000000"})
    public long iterations;

    private ConcurrentRunner runner;
    private Workload loop;

    @Setup(Level.Trial)
    public void setUp() {
        runner = model.open();
        loop = new CpuLoop(iterations, gil ? new EmulatedGil() : null);
    }

    @Benchmark
    public long computeAll() throws Exception {
        return runner.runAll(loop, workers, JoinOrder.AFTER_ALL_STARTED, TIMEOUT);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        runner.close();
    }
}
