package dev.unitsbench.io;

import dev.unitsbench.harness.ModelState;
import dev.unitsbench.model.ExecutionModel;
import dev.unitsbench.model.JoinOrder;
import dev.unitsbench.work.Sleep;
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
import org.openjdk.jmh.annotations.Warmup;

/*
 * Claim T2: "for I/O-bound work, threads beat processes". The tutorial starts 400 workers, each
 * calling time.sleep(2), as processes and as threads. This is that experiment.
 *
 * Timed region: one operation starts `workers` copies of a blocking sleep under `model` and waits
 * for all of them; every thread and child JVM of a batch is started inside it, the model's runner
 * is opened outside it (trial set-up).
 *
 * Same code: every model runs the same Sleep through its ConcurrentRunner, started and joined the
 * same way; the compared factor is the execution model.
 *
 * Expect: a sleep uses no CPU, so the ideal is one sleep of wall time whatever the count;
 * everything above it is what the model costs to start, schedule and wake that many units
 * (divide the score by sleepMillis to read it as a ratio). Threads should stay near one sleep,
 * processes pay a JVM start-up per worker. Counts past 400 are in ManySleepersBenchmark.
 *
 * HOW TO RUN:
 *   mvn verify -Pbench -Dbench.include=SleepBenchmark
 *   java -jar benchmarks/target/benchmarks.jar 'io.SleepBenchmark' -p workers=400
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
/*
 * Harness: 3 forks of one batch each, no warm-up. The fork is the unit of replication, and at
 * 400 processes one batch starts 400 child JVMs, which takes tens of seconds on a small machine:
 * a second batch per fork would double that cost and add no independent evidence. A warm-up
 * would buy nothing either: every PROCESS batch starts cold JVMs, whatever ran before, and a
 * thread batch spends its time asleep, not in code a JIT could speed up. The first batch of a
 * fork therefore includes loading the runner's classes: milliseconds against a 2 s sleep.
 */
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(3)
@State(Scope.Benchmark)
public class SleepBenchmark extends ModelState {

    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    /*
     * THREAD_POOL is left out on purpose: a pool sized to the CPU count runs 400 two-second
     * sleeps CPU-count at a time, in hundreds of seconds. That is arithmetic, not a measurement
     * (run it with -p model=THREAD_POOL to see it).
     */
    @Param({"PROCESS", "PLATFORM_THREAD", "VIRTUAL_THREAD"})
    public ExecutionModel model;

    /**
     * The tutorial's 400. Other counts are one option away (-p workers=10,400): each PROCESS batch
     * costs a JVM start-up per worker, so the full run keeps the one count T2 compares.
     */
    @Param({"400"})
    public int workers;

    /**
     * One copy's sleep: the tutorial's own 2 s, so that T2 runs exactly the tutorial's experiment
     * at every scale. A shorter sleep would save little (starting 400 child JVMs takes far longer
     * than the sleep) and would let the fixed cost of starting the threads weigh more against it,
     * moving the ratio away from the tutorial's setting.
     */
    @Param({"2000"})
    public long sleepMillis;

    private Sleep sleep;

    @Override
    protected ExecutionModel model() {
        return model;
    }

    /** The runner is opened by {@link ModelState}'s trial set-up; this builds the copies' sleep. */
    @Setup(Level.Trial)
    public void setUp() {
        sleep = Sleep.of(sleepMillis);
    }

    @Benchmark
    public long sleepAll() throws Exception {
        return runner().runAll(sleep, workers, JoinOrder.AFTER_ALL_STARTED, TIMEOUT);
    }
}
