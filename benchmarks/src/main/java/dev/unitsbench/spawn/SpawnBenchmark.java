package dev.unitsbench.spawn;

import dev.unitsbench.model.ChildJvmLauncher;
import dev.unitsbench.model.ConcurrentRunner;
import dev.unitsbench.model.ExecutionModel;
import dev.unitsbench.model.JoinOrder;
import dev.unitsbench.model.StartupArchive;
import dev.unitsbench.model.WorkerProcess;
import dev.unitsbench.work.Noop;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
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
 * Claim T3: "creating a thread is 10 to 100 times faster than creating a process" (stated, not
 * measured, by the tutorial), and the start-up half of Q1 (process >>> thread >>> coroutine).
 *
 * One operation starts one unit that does nothing (Noop) and waits for it to end. Nothing else is
 * inside the timed region: no work, so what is measured is the unit's birth and death.
 *
 * startAndJoin: the three execution models of the suite, through the same runners as every other
 * benchmark (ExecutionModel.open(), created in the trial setup). PROCESS is a child JVM with the
 * lean flags; its time runs from the fork/exec to reading its result line and its exit.
 *
 * startProcess: what that process time is made of. Each step adds one thing:
 *   NATIVE_TRUE          /bin/true: the OS's own cost of a process (fork/exec through the JDK's
 *                        jspawnhelper, exit, reap), with no JVM at all;
 *   JVM_DEFAULT          a child JVM with no flags: the JVM's defaults on this machine (G1, a heap
 *                        sized from the machine's memory, the JDK's own CDS archive);
 *   JVM_LEAN             ChildJvmLauncher.LEAN_JVM_FLAGS: serial GC, small heap, no perf data,
 *                        what every PROCESS unit of the suite uses;
 *   JVM_LEAN_CDS         lean, plus an application CDS archive of the child's classes;
 *   JVM_LEAN_BEST_ARCHIVE lean, plus the best archive this JDK builds in one training run: the AOT
 *                        cache (JEP 483/514) on JDK 25+, the same CDS archive on JDK 21-24;
 *   JVM_LEANEST          that, plus -XX:TieredStopAtLevel=1 (C1 only: no C2 compiler threads to
 *                        start; fine for a child that runs briefly, not for a CPU-bound one).
 * The archives are written once per trial, in @Setup, by a training run of the same Noop child,
 * into a private temporary folder, and removed in @TearDown. JVM_DEFAULT minus NATIVE_TRUE is the
 * JVM's share of a process; JVM_DEFAULT / JVM_LEANEST is what flags and archives buy.
 *
 * Every child JVM goes through ChildJvmLauncher: it knows its parent's pid and halts if the parent
 * dies, so no run leaves a JVM behind.
 *
 * What to expect (2 cores, JDK 25): a virtual thread in microseconds, a platform thread in tens of
 * microseconds, /bin/true around a millisecond, a child JVM 40-80 ms: a process costs a thousand
 * platform threads here, far beyond the tutorial's 10-100x, and almost all of it is the JVM.
 *
 * HOW TO RUN:
 *   mvn verify -Pbench -Dbench.include=spawn
 *   java -jar benchmarks/target/benchmarks.jar SpawnBenchmark.startProcess -p process=JVM_DEFAULT,JVM_LEANEST
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SpawnBenchmark {

    /** Far above any start-up here; a child that takes longer is broken. */
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @State(Scope.Benchmark)
    public static class Models {
        @Param({"PROCESS", "PLATFORM_THREAD", "VIRTUAL_THREAD"})
        public ExecutionModel model;

        ConcurrentRunner runner;

        @Setup(Level.Trial)
        public void setUp() {
            runner = model.open();
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            runner.close();
        }
    }

    /** The steps from a bare OS process to the leanest child JVM; see the header. */
    public enum ProcessKind {
        NATIVE_TRUE, JVM_DEFAULT, JVM_LEAN, JVM_LEAN_CDS, JVM_LEAN_BEST_ARCHIVE, JVM_LEANEST
    }

    /** A native program that exits at once: the OS's own process cost. */
    static final String NATIVE_TRUE = "/bin/true";

    /** C1 only: the child starts no C2 compiler thread and compiles nothing at C2's cost. */
    static final String C1_ONLY = "-XX:TieredStopAtLevel=1";

    @State(Scope.Benchmark)
    public static class Processes {
        @Param
        public ProcessKind process;

        ChildJvmLauncher launcher;
        StartupArchive archive;
        ProcessBuilder nativeTrue;

        @Setup(Level.Trial)
        public void setUp() throws Exception {
            List<String> lean = ChildJvmLauncher.LEAN_JVM_FLAGS;
            switch (process) {
                case NATIVE_TRUE -> nativeTrue = new ProcessBuilder(NATIVE_TRUE);
                case JVM_DEFAULT -> launcher = ChildJvmLauncher.withFlags(List.of());
                case JVM_LEAN -> launcher = ChildJvmLauncher.lean();
                case JVM_LEAN_CDS -> archived(StartupArchive.Kind.CDS_ARCHIVE, lean);
                case JVM_LEAN_BEST_ARCHIVE -> archived(StartupArchive.Kind.bestSupportedHere(), lean);
                case JVM_LEANEST -> {
                    List<String> leanest = new ArrayList<>(lean);
                    leanest.add(C1_ONLY);
                    archived(StartupArchive.Kind.bestSupportedHere(), leanest);
                }
            }
            if (launcher != null) { // one child at a time: WorkerProcess.start checks the memory guard
                System.out.println("# child JVM: " + launcher.command(new Noop().toArgs()));
            }
        }

        private void archived(StartupArchive.Kind kind, List<String> flags) throws Exception {
            archive = StartupArchive.build(kind, flags, new Noop().toArgs());
            launcher = archive.launcher();
        }

        @TearDown(Level.Trial)
        public void tearDown() throws IOException {
            if (archive != null) {
                archive.close();
            }
        }
    }

    @Benchmark
    public long startAndJoin(Models s) throws Exception {
        return s.runner.runAll(new Noop(), 1, JoinOrder.AFTER_ALL_STARTED, TIMEOUT);
    }

    @Benchmark
    public long startProcess(Processes s) throws Exception {
        if (s.nativeTrue != null) {
            Process p = s.nativeTrue.start();
            if (!p.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException(NATIVE_TRUE + " did not exit with status 0");
            }
            return p.pid();
        }
        try (WorkerProcess child = WorkerProcess.start(s.launcher, new Noop())) {
            return child.join(TIMEOUT) + child.pid();
        }
    }
}
