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
 * Claim T4: starting N sleepers and joining them once all have started takes one sleep; calling
 * join() right after each start() makes the program serial and takes N sleeps. The tutorial
 * shows it with 10 processes sleeping 1 s each.
 *
 * Timed region: one operation runs `workers` sleeps under `model`, joined either after all have
 * started or right after each start: every start, sleep and join, and nothing else (the model's
 * runner is opened in the trial set-up).
 *
 * Same code: both join orders run the same Sleep through the same runner; the compared factor is
 * the join order.
 *
 * Expect AFTER_EACH_START / AFTER_ALL_STARTED close to `workers` (a little less for processes,
 * whose start-up the parallel order overlaps and the serial one does not).
 *
 * HOW TO RUN:
 *   mvn verify -Pbench -Dbench.include=JoinOrder
 *   mvn verify -Pbench -Dbench.scale=tutorial -Dbench.include=JoinOrder   (the tutorial's 1 s sleeps)
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
/*
 * Harness: 3 forks of one operation each, no warm-up. The fork is the unit of replication, and
 * the effect is large (about `workers` times) next to the spread of a sleep, so more operations
 * per fork would add time, not evidence. A warm-up would buy nothing: a process is started cold
 * every time, and a thread's operation is spent asleep, not in code a JIT could speed up.
 */
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(3)
@State(Scope.Benchmark)
public class JoinOrderBenchmark extends ModelState {

    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    /**
     * The tutorial's processes and threads. A virtual thread sleeps and is joined exactly as a
     * platform thread is, so VIRTUAL_THREAD is one option away (-p model=VIRTUAL_THREAD), not in the
     * full run, where each of its forks would cost time and show nothing new.
     */
    @Param({"PROCESS", "PLATFORM_THREAD"})
    public ExecutionModel model;

    @Param({"AFTER_ALL_STARTED", "AFTER_EACH_START"})
    public JoinOrder join;

    @Param({"10"})
    public int workers;

    /** One copy's sleep; the tutorial's 1 s is -Dbench.scale=tutorial. */
    @Param({"200"})
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
        return runner().runAll(sleep, workers, join, TIMEOUT);
    }
}
