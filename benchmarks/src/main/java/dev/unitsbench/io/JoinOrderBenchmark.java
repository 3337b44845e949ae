package dev.unitsbench.io;

import dev.unitsbench.model.ConcurrentRunner;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/*
 * Claim T4: starting N sleepers and joining them once all have started takes one sleep; calling
 * join() right after each start() makes the program serial and takes N sleeps. The tutorial
 * shows it with 10 processes sleeping 1 s each.
 *
 * One operation runs `workers` sleeps under `model`, joined either after all have started or
 * right after each start. Expect AFTER_EACH_START / AFTER_ALL_STARTED to be close to `workers`
 * (a little less for processes, whose start-up the parallel order overlaps and the serial one
 * does not).
 *
 * HOW TO RUN:
 *   mvn verify -Pbench -Dbench.include=JoinOrder
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 4)
@Fork(1)
@State(Scope.Benchmark)
public class JoinOrderBenchmark {

    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    @Param({"PROCESS", "PLATFORM_THREAD", "VIRTUAL_THREAD"})
    public ExecutionModel model;

    @Param({"AFTER_ALL_STARTED", "AFTER_EACH_START"})
    public JoinOrder join;

    @Param({"10"})
    public int workers;

    /** One copy's sleep; the tutorial's 1 s is -Dbench.scale=tutorial. */
    @Param({"200"})
    public long sleepMillis;

    private ConcurrentRunner runner;
    private Sleep sleep;

    @Setup(Level.Trial)
    public void setUp() {
        runner = model.open();
        sleep = Sleep.of(sleepMillis);
    }

    @Benchmark
    public long sleepAll() throws Exception {
        return runner.runAll(sleep, workers, join, TIMEOUT);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        runner.close();
    }
}
