package dev.unitsbench.pool;

import dev.unitsbench.model.LeanChildJvm;
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
 * (多进程+协程). On the JVM: worker JVMs each running virtual threads, against one JVM's threads.
 *
 * Timed region: one operation starts `tasks` copies of a MixedTask (CpuLoop for `cpuIterations`,
 * about 1 ms, then Thread.sleep(`sleepMillis`): a handler that parses, then waits for a database)
 * by one `executor`, waits for the last, and checks the sum of their results. Worker JVMs and
 * thread pools are started once per trial, outside it. Secondary metric cpuMillisPerOp: the CPU
 * time of an operation in this JVM and the worker JVMs together.
 *
 * Same code: the in-JVM executors run the same MixedTask.runAll and differ only in their threads
 * (how many run at once, platform or virtual); PROCESSES_X_VIRTUAL_THREADS runs the same tasks on
 * virtual threads split across worker JVMs, so the process boundary is its one difference.
 *
 * Expect VIRTUAL_THREAD, PROCESSES_X_VIRTUAL_THREADS and THREAD_PER_TASK level, near tasks x loop /
 * CPU count plus one sleep; a fixed pool near tasks x (loop + sleep) / pool size where that is more:
 * Python's default pool behind them, a CPU-count pool (-p executor=THREAD_POOL) far behind.
 *
 * 5 forks, not 3: a fork's mean lands 3-10% from the next fork's for the same executor (the
 * iterations within a fork agree more closely), and Q5 decides a virtual thread per task against a
 * platform thread per task, about 1.27x, among four evidence rows at 1 - 0.05/4 and against the
 * 5% margin. With 3 forks (t = 8.9 on 2 df) that row's lower bound fell on either side of 1.05
 * from one full run to the next; with 5 (t = 4.3 on 4 df) it clears it. The two extra rounds cost
 * about 18 s of the full run.
 *
 * HOW TO RUN:
 *   mvn verify -Pbench -Dbench.include=MixedWork
 *   java -jar benchmarks/target/benchmarks.jar MixedWork -p tasks=10000 -p sleepMillis=20
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 200, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 2, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Fork(5)
@State(Scope.Benchmark)
public class MixedWorkBenchmark {

    /** Far above one operation; only a hung task reaches it. */
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    /*
     * Who runs the copies (each names the ExecutionModel it runs on):
     *
     *   VIRTUAL_THREAD               one JVM (this one), a virtual thread per task: a sleep parks
     *                                the virtual thread and frees its carrier for the next loop.
     *   PROCESSES_X_VIRTUAL_THREADS  the tutorial's best practice: a ProcessPool of CPU-count worker
     *                                JVMs; each gets one "mixed" task with its share of the copies,
     *                                runs them at once on its own virtual threads and answers their
     *                                sum. Its JVM start-ups are outside the score: with them, it
     *                                pays more.
     *   THREAD_PER_TASK              a new platform thread per task: nothing bounds the blocked
     *                                threads, so the waits overlap as with virtual threads; what
     *                                differs is the kernel thread each one costs.
     *   THREAD_POOL_PYTHON_DEFAULT   a fixed pool of min(32, CPU count + 4) platform threads, what
     *                                Python's ThreadPoolExecutor() gives a program that sizes
     *                                nothing: a pool meant for blocking work.
     *   THREAD_POOL                  a fixed pool of CPU-count platform threads, the usual size for
     *                                CPU-bound work. Each thread is held through every sleep, so
     *                                the result is tasks x (loop + sleep) / CPU count by
     *                                construction; not in the full run (one operation takes 1.5 s
     *                                on 2 cores, a third of the family's time at 5 forks), run it
     *                                with -p executor=THREAD_POOL.
     *
     * A floor for all of them: tasks x the CPU time of one loop spread over the cores (the waits
     * can overlap completely). VIRTUAL_THREAD near it means one JVM already uses every core (no
     * GIL) and overlaps every wait, so the "processes" half of the best practice buys nothing;
     * PROCESSES_X_VIRTUAL_THREADS clearly below it would mean separate heaps and schedulers help,
     * clearly above that the uneven split or the pipes cost. cpuMillisPerOp should be about the
     * same for every executor: they differ in waiting, not in work.
     */
    @Param({"VIRTUAL_THREAD", "PROCESSES_X_VIRTUAL_THREADS", "THREAD_PER_TASK", "THREAD_POOL_PYTHON_DEFAULT"})
    public PoolExecutor executor;

    /** 500 in the full run: the largest pool's operation (Python's default, 6 threads on 2 cores) takes about 0.5 s. */
    @Param({"500"})
    public int tasks;

    /** About 1 ms of CPU per task (CpuLoop iterations take about a nanosecond each). */
    @Param({"1000000"})
    public long cpuIterations;

    @Param({"5"})
    public long sleepMillis;

    /**
     * The worker JVMs' GC and heap: by default the benchmark JVM's own (the threads' conditions);
     * -p workerJvm=LEAN gives them the suite's lean child flags instead.
     */
    @Param({"SAME_AS_BENCHMARK"})
    public WorkerJvmFlags workerJvm;

    private MixedTask task;
    private long expectedSum;
    private TrialUnits units;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        LeanChildJvm.prepareUnlessHandedDown(); // the lean child JVM, unless the runner handed one down
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
        long sum = MixedWork.run(executor, units, task, tasks, TIMEOUT);
        cpu.stop(workers);
        if (sum != expectedSum) {
            throw new IllegalStateException(executor + ": the task results sum to " + sum + ", expected " + expectedSum
                    + " (" + tasks + " tasks): a task was lost or ran twice");
        }
        return sum;
    }
}
