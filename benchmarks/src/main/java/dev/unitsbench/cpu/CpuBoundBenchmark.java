package dev.unitsbench.cpu;

import dev.unitsbench.model.ConcurrentRunner;
import dev.unitsbench.model.ExecutionModel;
import dev.unitsbench.model.JoinOrder;
import dev.unitsbench.work.CpuLoop;
import dev.unitsbench.work.EmulatedGil;
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
 * Claims T1 ("for CPU-bound work, processes beat threads") and Q3 (the GIL). The tutorial starts
 * 4 workers, each running a 100 000 000-iteration loop, as processes and as threads.
 *
 * Timed region: one operation starts `workers` copies of CpuLoop (a serial multiply-add chain whose
 * result is returned, so no JIT can drop it) under `model` and waits for all of them, start-up
 * included, as the tutorial timed it: for PROCESS a JVM start-up and a cold JIT per copy. The
 * thread pool is created outside it, in the trial set-up. With gil=true every copy also takes an
 * EmulatedGil (see `gil`).
 *
 * Same code: every model runs the same CpuLoop through its ConcurrentRunner, started and joined
 * the same way; the compared factor is the execution model (and, for Q3, the GIL on or off).
 *
 * Expect on N cores: without the GIL, threads of any kind finish in about ceil(workers / N) loop
 * times, processes in that plus JVM start-up; with it, threads take `workers` loop times and
 * processes still ceil(workers / N) plus start-up. workSweep shows where the start-up fades.
 *
 * HOW TO RUN:
 *   mvn verify -Pbench -Dbench.include=CpuBound
 *   java -jar benchmarks/target/benchmarks.jar 'CpuBoundBenchmark.computeAll' -p workers=4 -p gil=false
 *   java -jar benchmarks/target/benchmarks.jar 'CpuBoundBenchmark.workSweep' -p iterations=1000000000
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(3)
public class CpuBoundBenchmark {

    /** Generous: the slowest batch (4 copies of 10^9 iterations under the GIL) takes a few seconds. */
    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    /** What both benchmarks hold per trial: the runner of the model and the loop its copies run. */
    public abstract static class Batch {

        private ConcurrentRunner runner;
        private CpuLoop loop;
        private int copies;

        /** Called from the trial setup of a subclass, which owns the parameters. */
        final void open(ExecutionModel model, int workers, boolean gil, long iterations) {
            runner = model.open();
            loop = new CpuLoop(iterations, gil ? new EmulatedGil() : null);
            copies = workers;
        }

        /** One batch: start every copy, wait for all; the sum of their results. */
        final long computeAll() throws Exception {
            return runner.runAll(loop, copies, JoinOrder.AFTER_ALL_STARTED, TIMEOUT);
        }

        @TearDown(Level.Trial)
        public void close() {
            if (runner != null) {
                runner.close();
            }
        }
    }

    /** T1 at the tutorial's size and Q3: every model, 1 and 4 workers, with and without the GIL. */
    @State(Scope.Benchmark)
    public static class Scaling extends Batch {

        @Param({"PROCESS", "PLATFORM_THREAD", "THREAD_POOL", "VIRTUAL_THREAD"})
        public ExecutionModel model;

        /** One worker against the tutorial's four: Q3 reads the ratio per model. */
        @Param({"1", "4"})
        public int workers;

        /*
         * With gil=true the copies take an EmulatedGil, CPython's interpreter lock in Java: one
         * lock per JVM, held while computing, offered to waiters every 5 ms. Threads then compute
         * one at a time, as in CPython; each child JVM has a GIL of its own, so processes still
         * scale. Q3 is read per model as the GIL predicts it: under the GIL, 4 threads take about
         * 4 times as long as 1, while 4 processes take about 4 / cores times as long; without
         * it, threads scale too.
         */
        @Param({"false", "true"})
        public boolean gil;

        /**
         * Loop count of one copy: the tutorial's own 100 000 000. A JIT runs it many times faster
         * than CPython, which is why a child JVM's start-up weighs so much here: a fact about
         * the JVM, not an artefact. workSweep shows what more work does to it.
         */
        @Param({"100000000"})
        public long iterations;

        @Setup(Level.Trial)
        public void setUp() {
            open(model, workers, gil, iterations);
        }
    }

    /** T1 across work sizes: processes against platform threads, 4 workers, under the GIL. */
    @State(Scope.Benchmark)
    public static class WorkSize extends Batch {

        @Param({"PROCESS", "PLATFORM_THREAD"})
        public ExecutionModel model;

        @Param({"4"})
        public int workers;

        /** Under the GIL, as in CPython: the case the tutorial's claim is about. -p gil=false shows the JVM as it is. */
        @Param({"true"})
        public boolean gil;

        /**
         * Loop count of one copy, half a decade apart around the tutorial's 100 000 000 and the
         * break-even below it: sizes near the crossing narrow its interval.
         */
        @Param({"10000000", "30000000", "100000000", "300000000"})
        public long iterations;

        @Setup(Level.Trial)
        public void setUp() {
            open(model, workers, gil, iterations);
        }
    }

    /*
     * Harness: the fork is the unit of replication, so both benchmarks run 3 forks of few batches.
     * Each fork warms up with one batch, for the thread models' sake: the first batch in a fresh
     * JVM also compiles the loop and the runner, which a long-lived program has done long before
     * (a PROCESS batch is cold every time, whatever the warm-up: that is the model's cost).
     */

    /** T1 at the tutorial's size, and Q3: every model at 1 and 4 workers, with and without the GIL. */
    @Benchmark
    @Warmup(iterations = 1)
    @Measurement(iterations = 2)
    public long computeAll(Scaling batch) throws Exception {
        return batch.computeAll();
    }

    /*
     * T1's dependence on work size: PROCESS against PLATFORM_THREAD at 4 workers under the GIL,
     * 10^7, 10^8 and 10^9 iterations per worker. A JIT runs the tutorial's loop many times faster
     * than CPython, so at the tutorial's size the child JVMs' start-up is a large part of a process
     * batch; as the work grows, start-up fades and processes approach their ceiling of
     * min(workers, cores) times the threads' speed. The sweep shows where the two cross (the
     * break-even the report states beside T1's verdict); its 10^8 point repeats computeAll's
     * headline point so that the sweep is complete on its own. One batch per fork: its largest
     * batches run for seconds, and a second one in the same JVM adds time, not independent evidence.
     */
    @Benchmark
    @Warmup(iterations = 1)
    @Measurement(iterations = 1)
    public long workSweep(WorkSize batch) throws Exception {
        return batch.computeAll();
    }
}
