package dev.unitsbench.pool;

import dev.unitsbench.model.ProcessPool;
import dev.unitsbench.work.MixedTask;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
 * One operation runs `tasks` copies of a task that computes, then blocks, as a request handler
 * parses, then waits for a database: work.CpuLoop for `cpuIterations` iterations (about 1 ms at
 * the default), then Thread.sleep(`sleepMillis`). All copies are started at once and the score is
 * the wall time until the last one has finished, under one model:
 *
 *   VIRTUAL_THREAD               one JVM (this one), a virtual thread per task.
 *   PROCESSES_X_VIRTUAL_THREADS  a ProcessPool of P = CPU-count worker JVMs (started once per
 *                                trial, outside the timed region); each gets one "mixed" task
 *                                with its share of the copies, runs them at once on its own
 *                                virtual threads and answers their sum: the tutorial's best
 *                                practice.
 *   THREAD_POOL                  a fixed pool of CPU-count platform threads in this JVM: the
 *                                usual Java pool, whose threads stay blocked through every sleep.
 *
 * Every operation checks the sum of the task results (each copy returns the same loop result),
 * so a lost or duplicated task fails the run. Secondary metric cpuMillisPerOp (CpuPerOperation):
 * the CPU time of an operation in this JVM and the worker JVMs together; the loops alone are
 * tasks x about 1.1 ms.
 *
 * What each result would mean. A floor for all models: tasks x the CPU time of one loop spread
 * over the cores (about 0.5 s for the defaults on 2 cores); the waits can overlap completely.
 *   - VIRTUAL_THREAD near the floor: one JVM already uses every core (no GIL) and overlaps every
 *     wait; the "processes" half of the best practice buys nothing on the JVM.
 *   - PROCESSES_X_VIRTUAL_THREADS near VIRTUAL_THREAD: the processes cost little once started
 *     (a line each way per share); clearly below it would mean the separate heaps and schedulers
 *     help (less contention), clearly above that splitting the work unevenly or the pipes cost.
 *     Its JVM start-ups (about 70 ms each here) are outside the score: with them, it pays more.
 *   - THREAD_POOL near tasks x (loop + sleep) / CPU count (about 3 s on an idle 2-core machine, with
 *     the same CPU time as the others: cpuMillisPerOp): a platform thread is held
 *     through its sleep, so the pool size, not the CPU, bounds the throughput. This is why the
 *     tutorial wants coroutines, and it holds on the JVM: blocking work needs virtual threads (or
 *     a far larger platform pool), not more processes.
 *
 * HOW TO RUN:
 *   mvn verify -Pbench -Dbench.include=MixedWork
 *   java -jar benchmarks/target/benchmarks.jar MixedWork -p tasks=10000 -p sleepMillis=20
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class MixedWorkBenchmark {

    /** How the copies are run. */
    public enum Model { VIRTUAL_THREAD, PROCESSES_X_VIRTUAL_THREADS, THREAD_POOL }

    /** Far above one operation; only a hung task reaches it. */
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    @Param({"VIRTUAL_THREAD", "PROCESSES_X_VIRTUAL_THREADS", "THREAD_POOL"})
    public Model model;

    @Param({"1000"})
    public int tasks;

    /** About 1 ms of CPU per task on this machine (CpuLoop: about 1.1 ns per iteration). */
    @Param({"1000000"})
    public long cpuIterations;

    @Param({"5"})
    public long sleepMillis;

    private MixedTask task;
    private long expectedSum;
    private ProcessPool pool;
    private ExecutorService threadPool;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        task = new MixedTask(cpuIterations, sleepMillis);
        expectedSum = task.expectedResult() * tasks;
        switch (model) {
            case PROCESSES_X_VIRTUAL_THREADS -> pool = ProcessPool.start();
            case THREAD_POOL -> threadPool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
            case VIRTUAL_THREAD -> { }
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (pool != null) {
            pool.close();
        }
        if (threadPool != null) {
            threadPool.shutdownNow();
            threadPool.close();
        }
    }

    @Benchmark
    public long runAll(CpuPerOperation cpu) throws Exception {
        List<Long> workers = pool == null ? List.of() : pool.workerPids();
        cpu.start(workers);
        long sum = switch (model) {
            case VIRTUAL_THREAD -> task.runOnVirtualThreads(tasks, TIMEOUT);
            case PROCESSES_X_VIRTUAL_THREADS -> MixedWork.acrossWorkers(pool, task, tasks, TIMEOUT);
            case THREAD_POOL -> task.runAll(threadPool, tasks, TIMEOUT);
        };
        cpu.stop(workers);
        if (sum != expectedSum) {
            throw new IllegalStateException(model + ": the task results sum to " + sum + ", expected " + expectedSum
                    + " (" + tasks + " tasks): a task was lost or ran twice");
        }
        return sum;
    }
}
