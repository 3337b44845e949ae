package dev.unitsbench.pool;

import dev.unitsbench.model.LeanChildJvm;
import dev.unitsbench.model.ProcessPool;
import dev.unitsbench.work.PrivateFolders;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
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
 * Claim Q9: a process pool (ProcessPoolExecutor, default size = CPU count) is the practical way
 * to run CPU-bound work; the tutorial's example scans a folder of gzip web-server logs for the
 * hosts that fetched /robots.txt, pool.map(find_robots, files), and merges the host sets.
 *
 * Timed region: one whole scan of `files` logs of `linesPerFile` lines each by one `executor`, a
 * task per file, the host sets merged and checked against the generator's known answer. The logs
 * (AccessLogs, deterministic, in a private temp folder) and the long-lived pool are made once per
 * trial, outside it. Secondary metric cpuMillisPerOp: the CPU time of an operation, this JVM's and
 * its worker JVMs' together.
 *
 * Same code: every executor runs the same per-file scan (RobotsScan, the tutorial's find_robots:
 * gunzip + split + compare, CPU-bound); the compared factor is who runs it (worker JVMs or this
 * JVM's threads, each pool at CPU count) and, for PROCESS_POOL_WITH_STARTUP, the pool's start-up.
 *
 * Expect PROCESS_POOL level with THREAD_POOL and VIRTUAL_THREAD (the JVM has no GIL, so a process
 * pool buys no speed for CPU-bound work), PROCESS_POOL_WITH_STARTUP well behind all of them.
 *
 * HOW TO RUN:
 *   mvn verify -Pbench -Dbench.include=LogScan
 *   java -jar benchmarks/target/benchmarks.jar LogScan -p files=4,32,128 -p linesPerFile=20,10000
 */
/*
 * Four warm-up iterations: the pool's worker JVMs compile the scan only once they have run it a
 * few times, and after one warm-up the first measured iteration of PROCESS_POOL still took about
 * 1.5x the second in every fork (threads: within 10%), which charged the process pool its JIT.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4, time = 300, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 2, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Fork(3)
@State(Scope.Benchmark)
public class LogScanBenchmark {

    /** Seed of the generated logs: every trial scans the same bytes. */
    static final long SEED = 20120710;

    /** Far above one scan; only a hung worker reaches it. */
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    /*
     * Who scans (each names the ExecutionModel it runs on):
     *
     *   PROCESS_POOL               a ProcessPool of CPU-count long-lived worker JVMs running
     *                              PoolWorker, started once per trial: a "scan PATH" task per file;
     *                              each worker gunzips and parses its file and answers the host set
     *                              as a line of text, merged here. JVM start-up is outside the
     *                              timed region, as for a Python program that keeps one executor.
     *   PROCESS_POOL_WITH_STARTUP  the same, but the pool is started and closed inside the
     *                              operation: what `with ProcessPoolExecutor() as pool: pool.map(...)`
     *                              costs when a program runs it once: CPU-count JVM start-ups and
     *                              scans in cold (interpreted, then JIT-compiling) worker JVMs.
     *   THREAD_POOL                a fixed pool of CPU-count platform threads in this JVM.
     *   VIRTUAL_THREAD             a virtual thread per file.
     * (The thread executors of MixedWork run here too, with -p executor=...: nothing waits in a
     * scan, so a larger pool only adds threads.)
     *
     * What a process pool adds per task (a line each way through a pipe, a reader thread's
     * wake-up, the host set as text) is lost against a scan of a 10 000-line file and dominates
     * for tiny files (-p linesPerFile=20); the start-ups weigh most at few files (-p files=4).
     * VIRTUAL_THREAD should be level with THREAD_POOL: the work is CPU-bound and no task waits.
     * On a machine shared with other work the wall time of each executor also depends on how much
     * CPU it gets; cpuMillisPerOp does not.
     */
    @Param({"PROCESS_POOL", "PROCESS_POOL_WITH_STARTUP", "THREAD_POOL", "VIRTUAL_THREAD"})
    public PoolExecutor executor;

    /** One file count in the full run (3 forks of 2 iterations); -p files=4,32 adds the map where start-ups weigh most. */
    @Param({"32"})
    public int files;

    @Param({"10000"})
    public int linesPerFile;

    /**
     * The worker JVMs' GC and heap: by default the benchmark JVM's own, so a scan in a worker
     * collects its garbage as a scan on a thread of this JVM does; -p workerJvm=LEAN gives them the
     * suite's lean child flags (serial GC, 64 MiB heap) instead. Nothing changes for the threads.
     */
    @Param({"SAME_AS_BENCHMARK"})
    public WorkerJvmFlags workerJvm;

    private Path folder;
    private AccessLogs logs;
    private Set<String> expected;
    private TrialUnits units;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        LeanChildJvm.prepareUnlessHandedDown(); // the lean child JVM, unless the runner handed one down
        folder = PrivateFolders.create("access-logs-");
        System.out.println("writing " + files + " gzip logs of " + linesPerFile + " lines into " + folder);
        logs = AccessLogs.write(folder, files, linesPerFile, SEED);
        expected = logs.allRobotHosts();
        units = TrialUnits.open(executor, workerJvm);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        PrivateFolders.closeThenDelete(units, folder);
    }

    @Benchmark
    public Set<String> scan(CpuPerOperation cpu) throws Exception {
        List<Long> workers = units.workerPids();
        cpu.start(workers);
        Set<String> found = switch (executor) {
            case PROCESS_POOL -> LogScan.withProcessPool(units.pool, logs.files(), TIMEOUT);
            case PROCESS_POOL_WITH_STARTUP -> {
                try (ProcessPool fresh = PoolWorker.startPool(workerJvm, ProcessPool.defaultSize())) {
                    yield LogScan.withProcessPool(fresh, logs.files(), TIMEOUT);
                }
            }
            case THREAD_POOL, THREAD_POOL_PYTHON_DEFAULT, THREAD_PER_TASK, VIRTUAL_THREAD -> LogScan.withExecutor(units.threads, logs.files(), TIMEOUT);
            case PROCESSES_X_VIRTUAL_THREADS -> throw new IllegalArgumentException(
                    "-p executor=" + executor + " is MixedWork's; the log scan runs a process pool or this JVM's threads");
        };
        cpu.stop(workers);
        if (!found.equals(expected)) {
            throw new IllegalStateException(executor + " found " + found.size() + " hosts, expected " + expected.size());
        }
        return found;
    }
}
