package dev.unitsbench.spawn;

import dev.unitsbench.harness.ModelState;
import dev.unitsbench.model.ChildJvmLauncher;
import dev.unitsbench.model.ExecutionModel;
import dev.unitsbench.model.JoinOrder;
import dev.unitsbench.model.StartupArchive;
import dev.unitsbench.model.WorkerProcess;
import dev.unitsbench.work.Noop;
import dev.unitsbench.work.PrivateFolders;
import java.io.IOException;
import java.nio.file.Path;
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
import org.openjdk.jmh.annotations.OperationsPerInvocation;
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
 * Every unit started here does nothing (Noop, or an empty main): what is measured is the unit's
 * birth and death, per unit. Nothing else is inside the timed region.
 *
 * startAndJoin: PROCESS, one child JVM started and joined per operation, through the same runner
 * as every other benchmark (ExecutionModel.PROCESS.open(), created at trial set-up): the child the
 * suite uses everywhere (ChildJvmLauncher.lean()). Its time runs from the fork/exec to reading its
 * result line and its exit: tens of milliseconds, beside which the parent's wake-up at the join
 * (microseconds) is noise. startAndJoin / startProcess JVM_BARE is how far the suite's PROCESS unit
 * is from the floor of a child JVM, measured in the same run.
 *
 * startAllThenJoin: PLATFORM_THREAD and VIRTUAL_THREAD, UNITS (100) threads started one after the
 * other, then all joined (JoinOrder.AFTER_ALL_STARTED), reported per thread
 * (@OperationsPerInvocation). Starting and joining ONE thread per operation measures mostly two
 * cross-thread wake-ups (the new thread's first run on another core, the joiner's wake-up when it
 * ends), microseconds that swamp a virtual thread's start and made that comparison too noisy to
 * conclude. With 100 starts per join, the threads start while earlier ones run and end, and the
 * joiner blocks at most a few times per batch, on the last threads: the per-unit figure is a
 * thread's start, run and end, with the wake-ups spread over 100 units. This is
 * how a program that spawns many units pays for them; it is also why PROCESS stays at one unit:
 * its per-unit cost needs no amortising, and 100 JVMs per operation would not fit the run.
 * The claim compares startAllThenJoin per thread with startAndJoin per process.
 *
 * startProcess: what that process time is made of. Each step adds one thing:
 *   NATIVE_TRUE          /bin/true: the OS's own cost of a process (fork/exec through the JDK's
 *                        jspawnhelper, exit, reap), with no JVM at all;
 *   JVM_BARE             the same java, no flags, running an empty main (EmptyMain) from a folder
 *                        that holds that one class: the floor of any child JVM, the reference the
 *                        suite's child is compared with (issue 13; see BareJvm);
 *   JVM_DEFAULT          the suite's worker program (WorkerMain, the Noop workload, the parent
 *                        watch) on the suite's class path with no flags: the JVM's defaults on this
 *                        machine (G1, a heap sized from the machine's memory, the JDK's CDS archive);
 *   JVM_LEAN_NO_ARCHIVE  ChildJvmLauncher.leanWithoutArchive(): the suite's child with its lean flags
 *                        (serial GC, small heap, no perf data) and no archive of its own;
 *   JVM_LEAN             ChildJvmLauncher.lean(): the suite's child exactly as ExecutionModel.PROCESS
 *                        starts it in every family, archive included when the suite's archive is on.
 *                        JVM_LEAN / JVM_BARE is how far the suite's child is from the floor;
 *   JVM_LEANEST          lean flags, the best archive this JDK builds in one training run (the AOT
 *                        cache, JEP 483/514, on JDK 25+; an AppCDS archive on 21-24), plus
 *                        -XX:TieredStopAtLevel=1 (C1 only: no C2 compiler threads to start; fine for a
 *                        child that runs briefly, not for a CPU-bound one).
 * Two more steps run by hand only (-p process=...), outside the full run's time budget:
 *   JVM_LEAN_CDS         lean flags plus an application CDS archive of the child's classes;
 *   JVM_LEAN_BEST_ARCHIVE lean flags plus the best archive, built here per trial (compare JVM_LEAN).
 * The archives of JVM_LEANEST and the by-hand steps are written once per trial, in @Setup, by a
 * training run of the same Noop child into a private temporary folder, and removed in @TearDown;
 * JVM_BARE's class file is copied at @Setup too. None of that is timed. JVM_DEFAULT minus
 * NATIVE_TRUE is the JVM's share of a process; JVM_DEFAULT / JVM_LEANEST is what flags and
 * archives buy; JVM_LEAN_NO_ARCHIVE / JVM_LEAN is what the suite's archive buys.
 *
 * Every child JVM but JVM_BARE goes through ChildJvmLauncher: it knows its parent's pid and halts if
 * the parent dies, so no run leaves a JVM behind. JVM_BARE's empty main exits by itself at once.
 *
 * Replication: 3 forks of 2 short iterations each; the statistics use the fork means.
 *
 * HOW TO RUN:
 *   mvn verify -Pbench -Dbench.include=spawn
 *   java -jar benchmarks/target/benchmarks.jar SpawnBenchmark.startProcess -p process=JVM_BARE,JVM_LEAN,JVM_LEAN_NO_ARCHIVE
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 1, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 2, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Fork(3)
public class SpawnBenchmark {

    /** Far above any start-up here; a child that takes longer is broken. */
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** Threads started per join in startAllThenJoin: enough that the join's wake-up weighs 1%. */
    static final int UNITS = 100;

    @State(Scope.Benchmark)
    public static class OneProcess extends ModelState {
        @Param({"PROCESS"})
        public ExecutionModel model;

        @Override
        protected ExecutionModel model() {
            return model;
        }
    }

    @State(Scope.Benchmark)
    public static class Threads extends ModelState {
        @Param({"PLATFORM_THREAD", "VIRTUAL_THREAD"})
        public ExecutionModel model;

        @Override
        protected ExecutionModel model() {
            return model;
        }
    }

    /** The steps from a bare OS process to the leanest child JVM; see the header. */
    public enum ProcessKind {
        NATIVE_TRUE, JVM_BARE, JVM_DEFAULT, JVM_LEAN_NO_ARCHIVE, JVM_LEAN, JVM_LEAN_CDS, JVM_LEAN_BEST_ARCHIVE, JVM_LEANEST
    }

    /** A native program that exits at once: the OS's own process cost. */
    static final String NATIVE_TRUE = "/bin/true";

    /** C1 only: the child starts no C2 compiler thread and compiles nothing at C2's cost. */
    static final String C1_ONLY = "-XX:TieredStopAtLevel=1";

    @State(Scope.Benchmark)
    public static class ProcessSteps {
        /** JVM_LEAN_CDS and JVM_LEAN_BEST_ARCHIVE are left out of the full run: see the header. */
        @Param({"NATIVE_TRUE", "JVM_BARE", "JVM_DEFAULT", "JVM_LEAN_NO_ARCHIVE", "JVM_LEAN", "JVM_LEANEST"})
        public ProcessKind process;

        ChildJvmLauncher launcher;
        StartupArchive archive;
        ProcessBuilder bareProcess;
        Path bareFolder;

        @Setup(Level.Trial)
        public void setUp() throws Exception {
            List<String> lean = ChildJvmLauncher.LEAN_JVM_FLAGS;
            switch (process) {
                case NATIVE_TRUE -> bareProcess = new ProcessBuilder(NATIVE_TRUE);
                case JVM_BARE -> {
                    bareFolder = PrivateFolders.create("spawn-bare-jvm-");
                    bareProcess = new ProcessBuilder(BareJvm.command(bareFolder));
                }
                case JVM_DEFAULT -> launcher = ChildJvmLauncher.withFlags(List.of());
                case JVM_LEAN_NO_ARCHIVE -> launcher = ChildJvmLauncher.leanWithoutArchive();
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
            } else {
                System.out.println("# process: " + bareProcess.command());
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
            PrivateFolders.delete(bareFolder);
        }
    }

    @Benchmark
    public long startAndJoin(OneProcess s) throws Exception {
        return s.runner().runAll(new Noop(), 1, JoinOrder.AFTER_ALL_STARTED, TIMEOUT);
    }

    @Benchmark
    @OperationsPerInvocation(UNITS)
    public long startAllThenJoin(Threads s) throws Exception {
        return s.runner().runAll(new Noop(), UNITS, JoinOrder.AFTER_ALL_STARTED, TIMEOUT);
    }

    @Benchmark
    public long startProcess(ProcessSteps s) throws Exception {
        if (s.bareProcess != null) {
            Process p = s.bareProcess.start();
            if (!p.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException(s.bareProcess.command() + " did not exit with status 0");
            }
            return p.pid();
        }
        try (WorkerProcess child = WorkerProcess.start(s.launcher, new Noop())) {
            return child.join(TIMEOUT) + child.pid();
        }
    }
}
