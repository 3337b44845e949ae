package dev.unitsbench.sync;

import dev.unitsbench.model.ConcurrentRunner;
import dev.unitsbench.model.ExecutionModel;
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
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/*
 * Claim Q7, its last clause: a Manager shares dicts and lists between processes, without locking
 * them. The tutorial's demo starts a Manager, shares m.dict({"num": 10}), and lets 10 processes
 * each do data["num"] = data["num"] - 1; without the lock, updates get lost.
 *
 * Here `units` units each make `updates` updates of a shared tally: one update adds one to a
 * counter and one to an entry of a small map (`keys` entries). Afterwards the counter and the
 * sum of the map should both equal units x updates; what is missing was lost. One operation is
 * one round: start the units, let them meet at a start line, update, join, read the tally.
 *
 *   threads       (platform and virtual threads of this JVM)
 *                   ATOMIC    AtomicLong + ConcurrentHashMap.merge
 *                   LOCKED    a plain long field + HashMap, both under one ReentrantLock
 *                   UNLOCKED  the same field and map with no lock (loses updates)
 *   sharedMemory  (child JVMs) a memory-mapped file of longs
 *                   MAPPED_ATOMIC    VarHandle getAndAdd: a lock-prefixed add, atomic across processes
 *                   MAPPED_UNLOCKED  load, add one, store (loses updates)
 *   manager       (child JVMs) a dict-server child JVM over a Unix-domain socket (the Manager)
 *                   MANAGER_ADD      one ADD request per entry, applied atomically by the server
 *                   MANAGER_GET_SET  GET then SET, the tutorial's two proxy calls (loses updates)
 *
 * The three methods differ in `updates` because their costs per update differ by four orders of
 * magnitude (a few ns in memory, tens of us per socket round trip); compare time per update
 * across methods, and lost updates within each. Starting the units (threads or child JVMs) and
 * the start line (Rendezvous: marks in a folder, polled every 5 ms) are inside the timed region;
 * the dict server and the mapped file are created once per trial, outside it.
 *
 * Secondary metrics (JMH @AuxCounters, totals over the measured iterations): updatesSent,
 * lostCounterUpdates, lostMapUpdates, rounds, roundsWithLoss. Expect zero lost updates for
 * ATOMIC, LOCKED, MAPPED_ATOMIC and MANAGER_ADD in every round, and losses in most rounds of
 * the three unlocked variants.
 *
 * HOW TO RUN:
 *   mvn verify -Pbench -Dbench.include=SharedState
 *   java -jar benchmarks/target/benchmarks.jar SharedState.manager -p units=10   (the tutorial's 10 processes)
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class SharedStateBenchmark {

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

    /** What every family of units holds for a trial: its model's runner and its tally. */
    abstract static class Units {
        ConcurrentRunner runner;
        SharedStateRound round;

        void open(SharedStateBenchmark bench, ExecutionModel model, SharedTally.Kind kind, long updates) throws Exception {
            runner = model.open();
            round = new SharedStateRound(kind, bench.folder, bench.units, bench.keys, updates);
        }

        void close() throws Exception {
            try {
                round.close();
            } finally {
                runner.close();
            }
        }
    }

    @State(Scope.Benchmark)
    public static class ThreadUnits extends Units {
        @Param({"PLATFORM_THREAD", "VIRTUAL_THREAD"})
        public ExecutionModel model;

        @Param({"ATOMIC", "LOCKED", "UNLOCKED"})
        public SharedTally.Kind store;

        /** Updates per unit: enough that the threads overlap for several milliseconds. */
        @Param({"1000000"})
        public long updates;

        @Setup(Level.Trial)
        public void setUp(SharedStateBenchmark bench) throws Exception {
            open(bench, model, store, updates);
        }

        @TearDown(Level.Trial)
        public void tearDown() throws Exception {
            close();
        }
    }

    @State(Scope.Benchmark)
    public static class MappedUnits extends Units {
        @Param({"PROCESS"})
        public ExecutionModel model;

        @Param({"MAPPED_ATOMIC", "MAPPED_UNLOCKED"})
        public SharedTally.Kind store;

        /** Updates per unit: enough that the processes overlap for several milliseconds. */
        @Param({"1000000"})
        public long updates;

        @Setup(Level.Trial)
        public void setUp(SharedStateBenchmark bench) throws Exception {
            open(bench, model, store, updates);
        }

        @TearDown(Level.Trial)
        public void tearDown() throws Exception {
            close();
        }
    }

    @State(Scope.Benchmark)
    public static class ManagedUnits extends Units {
        @Param({"PROCESS"})
        public ExecutionModel model;

        @Param({"MANAGER_ADD", "MANAGER_GET_SET"})
        public SharedTally.Kind store;

        /** Updates per unit: each is two or four socket round trips. */
        @Param({"1000"})
        public long updates;

        @Setup(Level.Trial)
        public void setUp(SharedStateBenchmark bench) throws Exception {
            open(bench, model, store, updates);
        }

        @TearDown(Level.Trial)
        public void tearDown() throws Exception {
            close();
        }
    }

    /** Updates sent and lost, published as JMH secondary metrics. */
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

    @Benchmark
    public long threads(ThreadUnits units, Tally tally) throws Exception {
        return tally.record(units.round.run(units.runner, TIMEOUT));
    }

    @Benchmark
    public long sharedMemory(MappedUnits units, Tally tally) throws Exception {
        return tally.record(units.round.run(units.runner, TIMEOUT));
    }

    @Benchmark
    public long manager(ManagedUnits units, Tally tally) throws Exception {
        return tally.record(units.round.run(units.runner, TIMEOUT));
    }
}
