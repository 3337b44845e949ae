package dev.unitsbench.spawn;

import dev.unitsbench.harness.ModelState;
import dev.unitsbench.model.ChildJvmLauncher;
import dev.unitsbench.model.ExecutionModel;
import dev.unitsbench.model.JoinOrder;
import dev.unitsbench.model.StartupArchive;
import dev.unitsbench.model.ChildJvm;
import dev.unitsbench.model.LeanChildJvm;
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
 * Claim T3, "creating a thread is 10 to 100 times faster than creating a process", and the
 * start-up half of Q1 (process >>> thread >>> coroutine). Every unit does nothing; what is timed is
 * its birth and death.
 *
 * startUnits (evidence): 100 units of one kind per operation, scored per unit: a native process
 * (/bin/true), a platform thread or a virtual thread, started ONE_AT_A_TIME (start, wait, repeat)
 * or as a BATCH_OF_100 (start 100, then wait for each). Both sides of a row run StartJoin's one
 * loop; only the unit kind differs. Expect a native process to cost tens of platform threads, and
 * a virtual thread less than a platform thread.
 *
 * startAndJoin and startProcess (context): what the JVM adds to a process. startAndJoin is the
 * suite's PROCESS unit (one lean child JVM, started and joined as every family does it);
 * startProcess takes a process apart step by step, from /bin/true to the leanest child JVM.
 *
 * Timed region: the starts, the waits and the checks (exit status 0, every unit ended); launchers,
 * archives and folders are made in @Setup. 3 forks of 2 short iterations (startUnits 5, see there);
 * the fork means count.
 *
 * HOW TO RUN:
 *   mvn verify -Pbench -Dbench.include=spawn
 *   java -jar benchmarks/target/benchmarks.jar SpawnBenchmark.startUnits -p pattern=ONE_AT_A_TIME
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 1, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 2, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Fork(3)
public class SpawnBenchmark {

    /** Far above any start-up here; a unit that takes longer is broken. */
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /*
     * Why 100 units per operation in both patterns: one start and one wait of a thread are mostly
     * two cross-thread wake-ups (the new thread's first run on another core, the waiter's wake-up
     * when it ends), microseconds beside which a virtual thread's own start is small. A batch
     * spreads those wake-ups over 100 units, as a program that spawns many units pays for them;
     * ONE_AT_A_TIME shows them whole. Both patterns time the same 100 units and divide by 100
     * (@OperationsPerInvocation), so the two are on one scale.
     *
     * A batch of 100 native processes needs no memory guard: /bin/true holds about a megabyte,
     * most of it the C library shared with every process, and exits at once; the JDK starts it by
     * posix_spawn of its small jspawnhelper, which copies none of this JVM's memory. At most 100
     * such processes (and 100 of the JDK's process reaper threads, with small stacks) are alive at
     * once. They hold no lock and no file, so one left by a killed parent ends by itself at once.
     */
    @State(Scope.Benchmark)
    public static class Units {
        @Param({"NATIVE_PROCESS", "PLATFORM_THREAD", "VIRTUAL_THREAD"})
        public UnitKind unit;

        @Param({"ONE_AT_A_TIME", "BATCH_OF_100"})
        public StartPattern pattern;

        UnitKind.Starter starter;

        @Setup(Level.Trial)
        public void setUp() {
            starter = unit.starter();
        }
    }

    /*
     * 5 forks, not 3: a virtual thread started ONE_AT_A_TIME costs its two wake-ups, and whether
     * the carrier was still spinning or had parked moves an iteration's mean by 2x (18 to 54 us in
     * one run), so the per-round ratio against a platform thread spread 3.3x to 5.6x. Among Q1's
     * five evidence rows (each at 1 - 0.05/5), 3 forks (t = 9.9 on 2 df) left that row's interval
     * across 1 in one full run and not in the next; 5 forks (t = 4.6 on 4 df) decide it. They cost
     * about 22 s of the full run; the other methods keep 3.
     */
    @Benchmark
    @OperationsPerInvocation(StartPattern.UNITS)
    @Fork(5)
    public long startUnits(Units s) throws Exception {
        return StartJoin.run(s.starter, s.pattern, TIMEOUT);
    }

    /*
     * The suite's PROCESS unit, through the same runner as every other family
     * (ExecutionModel.PROCESS.open(), at trial set-up): a lean child JVM (ChildJvmLauncher.lean()),
     * timed from its fork/exec to reading its result line and its exit. One per operation: its
     * cost, tens of milliseconds, needs no amortising over a batch.
     */
    @State(Scope.Benchmark)
    public static class OneProcess extends ModelState {
        @Param({"PROCESS"})
        public ExecutionModel model;

        @Override
        protected ExecutionModel model() {
            return model;
        }
    }

    @Benchmark
    public long startAndJoin(OneProcess s) throws Exception {
        return s.runner().runAll(new Noop(), 1, JoinOrder.AFTER_ALL_STARTED, TIMEOUT);
    }

    /*
     * startProcess: what a child JVM's start-up is made of, one process per operation. Each step
     * adds one thing:
     *   NATIVE_TRUE          /bin/true, started as startUnits NATIVE_PROCESS starts it: the OS's own
     *                        cost (by hand only: startUnits NATIVE_PROCESS ONE_AT_A_TIME is the same);
     *   JVM_BARE             the same java, no flags, running an empty main (EmptyMain) from a folder
     *                        that holds that one class: the floor of any child JVM (see BareJvm);
     *   JVM_DEFAULT          the suite's child program (ChildMain, the Noop workload, the parent
     *                        watch) on the suite's class path with no flags: the JVM's defaults here
     *                        (G1, a heap sized from the machine's memory, the JDK's CDS archive);
     *   JVM_LEAN_NO_ARCHIVE  ChildJvmLauncher.leanWithoutArchive(): the lean flags (serial GC, small
     *                        heap, no perf data) and no archive of the suite's own;
     *   JVM_LEAN             ChildJvmLauncher.lean(): the child exactly as ExecutionModel.PROCESS
     *                        starts it in every family, the suite's archive included when it is on;
     *   JVM_LEANEST          lean flags, the best archive this JDK builds in one training run (the AOT
     *                        cache, JEP 483/514, on JDK 25+; an AppCDS archive on 21-24), and C1 only
     *                        (no C2 compiler threads; fine for a brief child, not a CPU-bound one).
     * Two more steps run by hand only (-p process=...), outside the full run's time budget:
     *   JVM_LEAN_CDS          lean flags plus an application CDS archive of the child's classes;
     *   JVM_LEAN_BEST_ARCHIVE lean flags plus the best archive, built here per trial.
     * Archives are trained once per trial in @Setup, by a run of the same Noop child into a private
     * folder, and removed in @TearDown; JVM_BARE's class file is copied then too. None of it is
     * timed. Every child JVM but JVM_BARE goes through ChildJvmLauncher, whose children halt when
     * their parent dies; JVM_BARE's empty main exits by itself at once.
     */
    public enum ProcessKind {
        NATIVE_TRUE, JVM_BARE, JVM_DEFAULT, JVM_LEAN_NO_ARCHIVE, JVM_LEAN, JVM_LEAN_CDS, JVM_LEAN_BEST_ARCHIVE, JVM_LEANEST
    }

    /** C1 only: the child starts no C2 compiler thread and compiles nothing at C2's cost. */
    static final String C1_ONLY = "-XX:TieredStopAtLevel=1";

    @State(Scope.Benchmark)
    public static class ProcessSteps {
        /** NATIVE_TRUE, JVM_LEAN_CDS and JVM_LEAN_BEST_ARCHIVE are left out of the full run: see above. */
        @Param({"JVM_BARE", "JVM_DEFAULT", "JVM_LEAN_NO_ARCHIVE", "JVM_LEAN", "JVM_LEANEST"})
        public ProcessKind process;

        ChildJvmLauncher launcher;
        StartupArchive archive;
        UnitKind.Starter quietProcess;
        Path bareFolder;

        @Setup(Level.Trial)
        public void setUp() throws Exception {
            LeanChildJvm.prepareUnlessHandedDown(); // the lean child JVM, unless the runner handed one down
            List<String> lean = ChildJvmLauncher.LEAN_JVM_FLAGS;
            List<String> quietCommand = null;
            switch (process) {
                case NATIVE_TRUE -> quietCommand = List.of(UnitKind.NATIVE_TRUE);
                case JVM_BARE -> {
                    bareFolder = PrivateFolders.create("spawn-bare-jvm-");
                    quietCommand = BareJvm.command(bareFolder);
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
            if (launcher != null) { // one child at a time: ChildJvm.start checks the memory guard
                System.out.println("# child JVM: " + launcher.command(new Noop().toArgs()));
            } else {
                quietProcess = UnitKind.nativeProgram(quietCommand);
                System.out.println("# process: " + quietCommand);
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
    public long startProcess(ProcessSteps s) throws Exception {
        if (s.quietProcess != null) {
            return s.quietProcess.start().await(System.nanoTime() + TIMEOUT.toNanos());
        }
        try (ChildJvm child = ChildJvm.start(s.launcher, new Noop())) {
            return child.join(TIMEOUT) + child.pid();
        }
    }
}
