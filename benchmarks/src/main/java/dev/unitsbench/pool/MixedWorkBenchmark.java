package dev.unitsbench.pool;

import java.time.Duration;
import java.util.List;
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
 * Claim Q5: "at high concurrency the best practice is many processes, each running coroutines"
 * (多进程+协程): processes to use every core despite the GIL, coroutines to overlap the waits.
 * On the JVM: P worker JVMs, each running virtual threads.
 *
 * One operation runs `tasks` copies of a MixedTask, which computes, then blocks, as a request
 * handler parses, then waits for a database: CpuLoop for `cpuIterations` iterations (about 1 ms
 * at the default), then Thread.sleep(`sleepMillis`). All copies are started at once and the score
 * is the wall time until the last one has finished, by one `executor` (each names the
 * ExecutionModel it runs on):
 *
 *   VIRTUAL_THREAD               (VIRTUAL_THREAD) one JVM (this one), a virtual thread per task.
 *   PROCESSES_X_VIRTUAL_THREADS  (PROCESS) a ProcessPool of P = CPU-count worker JVMs (started
 *                                once per trial, outside the timed region); each gets one "mixed"
 *                                task with its share of the copies, runs them at once on its own
 *                                virtual threads and answers their sum: the tutorial's best
 *                                practice.
 *   THREAD_POOL                  (THREAD_POOL) a fixed pool of CPU-count platform threads in this
 *                                JVM: the usual Java pool, whose threads stay blocked through
 *                                every sleep.
 *
 * Same conditions: the worker JVMs run with this JVM's garbage collector and heap bounds
 * (`workerJvm` SAME_AS_BENCHMARK, see WorkerJvmFlags); -p workerJvm=LEAN gives them the suite's lean
 * child flags instead.
 *
 * Every operation checks the sum of the task results (each copy returns the same loop result),
 * so a lost or duplicated task fails the run. Secondary metric cpuMillisPerOp (CpuPerOperation):
 * the CPU time of an operation in this JVM and the worker JVMs together.
 *
 * What each result would mean. A floor for all executors: tasks x the CPU time of one loop spread
 * over the cores; the waits can overlap completely.
 *   - VIRTUAL_THREAD near the floor: one JVM already uses every core (no GIL) and overlaps every
 *     wait; the "processes" half of the best practice buys nothing on the JVM.
 *   - PROCESSES_X_VIRTUAL_THREADS near VIRTUAL_THREAD: the processes cost little once started
 *     (a line each way per share); clearly below it would mean the separate heaps and schedulers
 *     help (less contention), clearly above that splitting the work unevenly or the pipes cost.
 *     Its JVM start-ups are outside the score: with them, it pays more.
 *   - THREAD_POOL near tasks x (loop + sleep) / CPU count, with the same CPU time as the others
 *     (cpuMillisPerOp): a platform thread is held through its sleep, so the pool size, not the
 *     CPU, bounds the throughput. This is why the tutorial wants coroutines, and it holds on the
 *     JVM: blocking work needs virtual threads (or a far larger platform pool), not more processes.
 *
 * Sizes: 500 tasks in the full run (3 forks of 2 iterations): THREAD_POOL's operation is 6 times
 * the others', and sets the family's time; -p tasks=1000 or more for a longer run.
 *
 * HOW TO RUN:
 *   mvn verify -Pbench -Dbench.include=MixedWork
 *   java -jar benchmarks/target/benchmarks.jar MixedWork -p tasks=10000 -p sleepMillis=20
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 200, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 2, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Fork(3)
@State(Scope.Benchmark)
public class MixedWorkBenchmark {

    /** Far above one operation; only a hung task reaches it. */
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    @Param({"VIRTUAL_THREAD", "PROCESSES_X_VIRTUAL_THREADS", "THREAD_POOL"})
    public PoolExecutor executor;

    @Param({"500"})
    public int tasks;

    /** About 1 ms of CPU per task on this machine (CpuLoop: about 1.1 ns per iteration). */
    @Param({"1000000"})
    public long cpuIterations;

    @Param({"5"})
    public long sleepMillis;

    /** The worker JVMs' GC and heap: the benchmark JVM's own, or the suite's lean child flags. */
    @Param({"SAME_AS_BENCHMARK"})
    public WorkerJvmFlags workerJvm;

    private MixedTask task;
    private long expectedSum;
    private TrialUnits units;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        task = new MixedTask(cpuIterations, sleepMillis);
        expectedSum = task.expectedResult() * tasks;
        units = TrialUnits.open(executor, workerJvm);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (units != null) {
            units.close();
        }
    }

    @Benchmark
    public long runAll(CpuPerOperation cpu) throws Exception {
        List<Long> workers = units.workerPids();
        cpu.start(workers);
        long sum = switch (executor) {
            case VIRTUAL_THREAD, THREAD_POOL -> task.runAll(units.threads, tasks, TIMEOUT);
            case PROCESSES_X_VIRTUAL_THREADS -> MixedWork.acrossWorkers(units.pool, task, tasks, TIMEOUT);
            case PROCESS_POOL, PROCESS_POOL_WITH_STARTUP -> throw new IllegalArgumentException(
                    "-p executor=" + executor + " is LogScan's; the mixed work runs VIRTUAL_THREAD, PROCESSES_X_VIRTUAL_THREADS, THREAD_POOL");
        };
        cpu.stop(workers);
        if (sum != expectedSum) {
            throw new IllegalStateException(executor + ": the task results sum to " + sum + ", expected " + expectedSum
                    + " (" + tasks + " tasks): a task was lost or ran twice");
        }
        return sum;
    }
}
