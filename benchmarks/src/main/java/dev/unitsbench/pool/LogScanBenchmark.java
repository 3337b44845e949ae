package dev.unitsbench.pool;

import dev.unitsbench.model.ProcessPool;
import dev.unitsbench.work.AccessLogs;
import dev.unitsbench.work.PrivateFolders;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
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
 * Claim Q9: a process pool (ProcessPoolExecutor, default size = CPU count) is the practical way
 * to run CPU-bound work; the tutorial's example scans a folder of gzip web-server logs for the
 * hosts that fetched /robots.txt, pool.map(find_robots, files), and merges the host sets.
 *
 * One operation is that whole scan of `files` logs of `linesPerFile` lines each (written once per
 * trial by AccessLogs, deterministic, into an owner-only temp folder removed at the end), under
 * one model:
 *
 *   PROCESS_POOL               a ProcessPool of CPU-count long-lived worker JVMs, started once per
 *                              trial: a "scan PATH" task per file, each worker gunzips and parses
 *                              its file and answers the host set as a line of text, merged here.
 *                              JVM start-up is outside the timed region, as for a Python program
 *                              that keeps one executor for its whole life.
 *   PROCESS_POOL_WITH_STARTUP  the same, but the pool is started and closed inside the operation:
 *                              what `with ProcessPoolExecutor() as pool: pool.map(...)` costs when
 *                              a program runs it once. Every operation pays CPU-count JVM start-ups
 *                              and scans in cold (interpreted, then JIT-compiling) worker JVMs.
 *   THREAD_POOL                Executors.newFixedThreadPool(CPU count), a task per file, in this JVM.
 *   VIRTUAL_THREAD             a virtual thread per file (newVirtualThreadPerTaskExecutor).
 *
 * The per-file scan is the same code everywhere (work.RobotsScan, the tutorial's find_robots):
 * gunzip + split + compare, CPU-bound, a few ms per 10 000-line file on this machine. Every
 * operation checks its host set against the generator's known answer and fails if they differ.
 *
 * Secondary metric cpuMillisPerOp (CpuPerOperation): the CPU time of an operation, this JVM's and
 * its worker JVMs' together, start-ups of the pool included where they are in the operation.
 *
 * What to expect. The JVM has no GIL: threads of this JVM use every core for the scan, as the
 * worker JVMs do, and the CPU time of a scan is about the same either way (cpuMillisPerOp: about
 * 20 ms for 4 files and 160-200 ms for 32 on this machine, in every model but the one with
 * start-up). What differs is overhead:
 *   - the long-lived pool pays per task a line each way through a pipe, a wake-up of the pool's
 *     reader thread and the host set as text: about 0.3 ms of CPU per task here. Against a scan
 *     of about 5 ms per 10 000-line file it is lost in the noise, and the pool and the threads
 *     run level. At small sizes the pool's overhead is the lesson: with -p linesPerFile=20 the
 *     pool took 12.5 ms for 32 files, the fixed thread pool 2.0 ms and virtual threads 1.5 ms;
 *   - the pool with start-up pays CPU-count JVM start-ups and cold JIT in every worker, every
 *     time: about 0.5 s of CPU and 0.6 s of wall time per map here, 10 to 30 times the scan of 4
 *     files and several times that of 32;
 *   - virtual threads buy nothing over the fixed pool here (the work is CPU-bound and no task
 *     waits) and cost about the same.
 * On a machine shared with other work the wall time of each model also depends on how much CPU it
 * gets; cpuMillisPerOp does not. Compare models from the same run, and more than one run.
 *
 * HOW TO RUN:
 *   mvn verify -Pbench -Dbench.include=LogScan
 *   java -jar benchmarks/target/benchmarks.jar LogScan -p files=4,32,128 -p linesPerFile=20,10000
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class LogScanBenchmark {

    /** How each model runs the per-file scans. */
    public enum Model { PROCESS_POOL, PROCESS_POOL_WITH_STARTUP, THREAD_POOL, VIRTUAL_THREAD }

    /** Seed of the generated logs: every trial scans the same bytes. */
    static final long SEED = 20120710;

    /** Far above one scan; only a hung worker reaches it. */
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    @Param({"PROCESS_POOL", "PROCESS_POOL_WITH_STARTUP", "THREAD_POOL", "VIRTUAL_THREAD"})
    public Model model;

    @Param({"4", "32"})
    public int files;

    @Param({"10000"})
    public int linesPerFile;

    private Path folder;
    private AccessLogs logs;
    private Set<String> expected;
    private ProcessPool pool;
    private ExecutorService executor;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        folder = PrivateFolders.create("access-logs-");
        System.out.println("writing " + files + " gzip logs of " + linesPerFile + " lines into " + folder);
        logs = AccessLogs.write(folder, files, linesPerFile, SEED);
        expected = logs.allRobotHosts();
        switch (model) {
            case PROCESS_POOL -> pool = ProcessPool.start();
            case THREAD_POOL -> executor = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
            case VIRTUAL_THREAD -> executor = Executors.newVirtualThreadPerTaskExecutor();
            case PROCESS_POOL_WITH_STARTUP -> { }
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        if (pool != null) {
            pool.close();
        }
        if (executor != null) {
            executor.shutdownNow();
            executor.close();
        }
        PrivateFolders.delete(folder);
    }

    @Benchmark
    public Set<String> scan(CpuPerOperation cpu) throws Exception {
        List<Long> workers = pool == null ? List.of() : pool.workerPids();
        cpu.start(workers);
        Set<String> found = switch (model) {
            case PROCESS_POOL -> LogScan.withProcessPool(pool, logs.files(), TIMEOUT);
            case PROCESS_POOL_WITH_STARTUP -> {
                try (ProcessPool fresh = ProcessPool.start()) {
                    yield LogScan.withProcessPool(fresh, logs.files(), TIMEOUT);
                }
            }
            case THREAD_POOL, VIRTUAL_THREAD -> LogScan.withExecutor(executor, logs.files(), TIMEOUT);
        };
        cpu.stop(workers);
        if (!found.equals(expected)) {
            throw new IllegalStateException(model + " found " + found.size() + " hosts, expected " + expected.size());
        }
        return found;
    }
}
