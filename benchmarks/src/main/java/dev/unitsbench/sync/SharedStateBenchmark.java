package dev.unitsbench.sync;

import dev.unitsbench.model.ExecutionModel;
import dev.unitsbench.model.LeanChildJvm;
import dev.unitsbench.work.PrivateFolders;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
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
 * Claim Q7: "shared memory is fast", and its last clause: a Manager shares dicts and lists between
 * processes, without locking them (the tutorial's 10 processes each do data["num"] -= 1 on a
 * Manager's dict, and lose updates without a lock).
 *
 * Timed region: one round. `units` long-lived units each make a fixed number of updates of a
 * shared tally (one adds one to a counter and to an entry of a `keys`-entry map); the round zeroes
 * the tally, tells each unit to start, waits for each answer and reads the tally back. Starting the
 * units, the dict-server JVM and the mapped file happen once per trial, outside it. THE SCORE IS
 * TIME PER UPDATE as one unit sees it (@OperationsPerInvocation, see the update counts below).
 *
 * Same code: every store runs the same SharedStateRound with the same units (TallyUnit), rounds
 * and tally operations; the compared factor is the store (see `store` in each state class).
 *
 * Expect sharedMemory far faster per update than manager; zero lost updates for ATOMIC, LOCKED,
 * MAPPED_ATOMIC and MANAGER_ADD in every round, losses in most rounds of the three unlocked
 * stores (secondary metrics, see Tally).
 *
 * HOW TO RUN:
 *   mvn verify -Pbench -Dbench.include=SharedState
 *   java -jar benchmarks/target/benchmarks.jar SharedState.manager -p units=10   (the tutorial's 10 processes)
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 1, time = 200, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 2, time = 200, timeUnit = TimeUnit.MILLISECONDS)
@Fork(3)
@State(Scope.Benchmark)
public class SharedStateBenchmark {

    /*
     * The three methods make different numbers of updates per round because an update costs a few
     * nanoseconds in memory and tens of microseconds per socket round trip, and a round must be
     * long against its own hand-over yet short enough for the run's budget. The units run at the
     * same time, so a round lasts about as long as one unit's updates, and the score divides it by
     * those: per update, the three compare directly.
     */

    /** Updates per unit per round of threads: a few milliseconds of contended updates. */
    static final int THREAD_UPDATES = 100_000;

    /** Updates per unit per round on the mapped file: a few milliseconds, as for threads. */
    static final int MAPPED_UPDATES = 100_000;

    /** Updates per unit per round through the dict server: each is two or four socket round trips. */
    static final int MANAGER_UPDATES = 100;

    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    @Param({"4"})
    public int units;

    @Param({"8"})
    public int keys;

    private Path folder;

    @Setup(Level.Trial)
    public void createFolder() throws IOException {
        folder = PrivateFolders.create("shared-state-");
    }

    @TearDown(Level.Trial)
    public void deleteFolder() throws IOException {
        PrivateFolders.delete(folder);
    }

    /**
     * What every family of units holds for a trial: its round, with its long-lived units and tally.
     * JMH crosses every {@code @Param} of a state, so each valid pair of model and store is a state
     * class of its own; they share their set-up and tear-down here, JMH running those inherited.
     */
    abstract static class Units {
        SharedStateRound round;

        /** This family's round on the benchmark's folder, units and keys. */
        abstract SharedStateRound open(SharedStateBenchmark bench) throws Exception;

        @Setup(Level.Trial)
        public void setUp(SharedStateBenchmark bench) throws Exception {
            LeanChildJvm.prepareUnlessHandedDown(); // the lean child JVM, unless the runner handed one down
            round = open(bench);
        }

        @TearDown(Level.Trial)
        public void tearDown() throws Exception {
            if (round != null) {
                round.close();
            }
        }
    }

    private SharedStateRound round(ExecutionModel model, SharedTally.Kind kind, long updates) throws Exception {
        return new SharedStateRound(model, kind, folder, units, keys, updates);
    }

    /**
     * Threads of this JVM: ATOMIC (AtomicLong + ConcurrentHashMap.merge), LOCKED (a plain long
     * field + HashMap, both under one ReentrantLock), UNLOCKED (the same with no lock: loses updates).
     */
    @State(Scope.Benchmark)
    public static class ThreadUnits extends Units {
        @Param({"PLATFORM_THREAD", "VIRTUAL_THREAD"})
        public ExecutionModel model;

        @Param({"ATOMIC", "LOCKED", "UNLOCKED"})
        public SharedTally.Kind store;

        @Override
        SharedStateRound open(SharedStateBenchmark bench) throws Exception {
            return bench.round(model, store, THREAD_UPDATES);
        }
    }

    /**
     * Child JVMs on a memory-mapped file of longs: MAPPED_ATOMIC (VarHandle getAndAdd, a
     * lock-prefixed add, atomic across processes), MAPPED_UNLOCKED (load, add one, store: loses updates).
     */
    @State(Scope.Benchmark)
    public static class MappedUnits extends Units {
        @Param({"PROCESS"})
        public ExecutionModel model;

        @Param({"MAPPED_ATOMIC", "MAPPED_UNLOCKED"})
        public SharedTally.Kind store;

        @Override
        SharedStateRound open(SharedStateBenchmark bench) throws Exception {
            return bench.round(model, store, MAPPED_UPDATES);
        }
    }

    /**
     * Child JVMs talking to a dict-server child JVM over a Unix-domain socket (the Manager):
     * MANAGER_ADD (one ADD request per entry, applied atomically by the server), MANAGER_GET_SET
     * (GET then SET, the tutorial's two proxy calls: loses updates).
     */
    @State(Scope.Benchmark)
    public static class ManagedUnits extends Units {
        @Param({"PROCESS"})
        public ExecutionModel model;

        @Param({"MANAGER_ADD", "MANAGER_GET_SET"})
        public SharedTally.Kind store;

        @Override
        SharedStateRound open(SharedStateBenchmark bench) throws Exception {
            return bench.round(model, store, MANAGER_UPDATES);
        }
    }

    /**
     * Updates sent and lost, published as JMH secondary metrics (totals per iteration): a lost
     * update is one the counter (or the map's sum) is short of units x updates after the round.
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Tally {
        public long updatesSent;
        public long lostCounterUpdates;
        public long lostMapUpdates;
        public long rounds;
        public long roundsWithLoss;

        @Setup(Level.Iteration)
        public void reset() {
            updatesSent = 0;
            lostCounterUpdates = 0;
            lostMapUpdates = 0;
            rounds = 0;
            roundsWithLoss = 0;
        }

        long record(SharedStateRound.Outcome outcome) {
            rounds++;
            updatesSent += outcome.sent();
            lostCounterUpdates += outcome.lostCounterUpdates();
            lostMapUpdates += outcome.lostMapUpdates();
            if (outcome.lostCounterUpdates() != 0 || outcome.lostMapUpdates() != 0) {
                roundsWithLoss++;
            }
            return outcome.counter();
        }
    }

    /*
     * Forks: sharedMemory and manager, which the claims compare, run 3 forks of 1 warm-up and 2
     * measured iterations; threads, which only the lost-update checks read, run 1 fork.
     */
    @Benchmark
    @Fork(1)
    @OperationsPerInvocation(THREAD_UPDATES)
    public long threads(ThreadUnits units, Tally tally) throws Exception {
        return tally.record(units.round.run(TIMEOUT));
    }

    @Benchmark
    @OperationsPerInvocation(MAPPED_UPDATES)
    public long sharedMemory(MappedUnits units, Tally tally) throws Exception {
        return tally.record(units.round.run(TIMEOUT));
    }

    /**
     * Four warm-up iterations: the manager's server process and its clients compile their paths
     * only after a few hundred updates; after one warm-up the first measured iteration still took
     * 1.5-1.8x the second in every fork.
     */
    @Benchmark
    @Warmup(iterations = 4, time = 200, timeUnit = TimeUnit.MILLISECONDS)
    @OperationsPerInvocation(MANAGER_UPDATES)
    public long manager(ManagedUnits units, Tally tally) throws Exception {
        return tally.record(units.round.run(TIMEOUT));
    }
}
