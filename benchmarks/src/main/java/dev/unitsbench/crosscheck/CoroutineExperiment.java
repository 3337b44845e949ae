package dev.unitsbench.crosscheck;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * One asyncio experiment of the cross-check: CPython's coroutines at the sizes the
 * JVM's virtual threads run, so that the report's coroutines section sets them side by side.
 *
 * @param claim    the claim id of {@code tutorial-claims.md} the figures bear on (Q1, Q4, Q5)
 * @param id       a stable name the reporter matches on
 * @param kind     what runs, and so which figures it yields ({@link Kind#metrics})
 * @param size     tasks (sleep), repetitions (spawn), leaves (tree) or connections (echo)
 * @param repeats  runs in a full cross-check (a quick one runs each once)
 * @param script   file name in the scripts folder
 * @param args     the script's arguments, spelling the sizes out
 * @param requests for {@link Kind#ECHO}: requests per connection in each round; 0 otherwise
 */
public record CoroutineExperiment(String claim, String id, String label, Kind kind, int size, int repeats,
                                  String script, List<String> args, int requests) {

    /**
     * What an experiment runs, and its metrics: the names the result file and the reporter use,
     * each with the field of the script's JSON line it is read from (the echo's come from the load
     * generator, not from the script).
     */
    public enum Kind {
        SLEEP(new Metric("wallOverSleep", "wall_over_sleep"), new Metric("bytesPerTask", "bytes_per_task")),
        SPAWN(new Metric("secondsPerTask", "seconds_per_task")),
        TREE(new Metric("tasksPerSecond", "tasks_per_second")),
        /**
         * The asyncio server's figures, then the JVM's virtual-thread echo server measured the same
         * way beside it: one child JVM ({@code PreforkedEchoServer} with one worker), the same load
         * generator, connections and requests, so both runtimes' servers meet one harness.
         */
        ECHO(new Metric("requestsPerSecond", null), new Metric("latencyP99Micros", null),
                new Metric("jvmRequestsPerSecond", null), new Metric("jvmLatencyP99Micros", null));

        public final List<Metric> metrics;

        Kind(Metric... metrics) {
            this.metrics = List.of(metrics);
        }
    }

    /** A metric's name in the result file, and the script's JSON field it comes from (null: not from the script). */
    public record Metric(String name, String field) {
    }

    /**
     * Resident memory one asyncio task holds, for the memory check before a run: a sleeping task
     * (Task, coroutine frame, timer handle) peaked at about 1.5 KB per task at 1 000 000 tasks on
     * CPython 3.11; rounded up for headroom.
     */
    static final long TASK_BYTES = 2048;
    /** The interpreter itself, for the same check. */
    static final long INTERPRETER_BYTES = 64L << 20;

    /** One second, as ManySleepersBenchmark's sleepMillis: wall over sleep compares on equal sleeps. */
    private static final String SLEEP_SECONDS = "1";

    public CoroutineExperiment {
        args = List.copyOf(args);
    }

    /** The bytes the memory check expects the run to hold at its peak. */
    long bytesNeeded() {
        return switch (kind) {
            case SLEEP, TREE -> INTERPRETER_BYTES + (long) size * TASK_BYTES;
            case SPAWN, ECHO -> INTERPRETER_BYTES;
        };
    }

    /**
     * The full run's sizes: the JVM's (ManySleepersBenchmark, FanOutTreeBenchmark) and the issue's.
     * Each runs once: they are shown beside the JVM's figures and never turned into a verdict. The
     * million-unit runs take about 45 s together; three runs of each of the others took about 55 s.
     * -Dbench.quick runs smaller sizes.
     */
    public static final List<CoroutineExperiment> FULL = List.of(
            sleep(400, 1), sleep(10_000, 1), sleep(100_000, 1), sleep(1_000_000, 1),
            spawn(100_000, 1),
            tree(6, 1),
            echo(10, 1_000, 1), echo(100, 100, 1), echo(1_000, 10, 1));

    /** The quick run's small sizes, each run once. */
    public static final List<CoroutineExperiment> QUICK = List.of(
            sleep(400, 1), sleep(10_000, 1),
            spawn(20_000, 1),
            tree(4, 1),
            echo(10, 100, 1), echo(100, 10, 1));

    /** 1 000 000, as the report writes numbers. */
    static String spaced(int n) {
        return String.format(Locale.ROOT, "%,d", n).replace(',', ' ');
    }

    /** Every experiment of either run, for checks of the names. */
    public static final List<CoroutineExperiment> FULL_AND_QUICK = Stream.concat(FULL.stream(), QUICK.stream()).toList();

    static CoroutineExperiment sleep(int tasks, int repeats) {
        return new CoroutineExperiment("Q5", "asyncio-sleep-" + tasks, spaced(tasks) + " asyncio tasks, each asyncio.sleep(1)", Kind.SLEEP, tasks, repeats, "asyncio_tasks.py",
                List.of("sleep", "--tasks", Integer.toString(tasks), "--sleep", SLEEP_SECONDS), 0);
    }

    static CoroutineExperiment spawn(int repetitions, int repeats) {
        return new CoroutineExperiment("Q1", "asyncio-spawn", "create and await one asyncio task", Kind.SPAWN, repetitions,
                repeats, "asyncio_tasks.py", List.of("spawn", "--repetitions", Integer.toString(repetitions)), 0);
    }

    static CoroutineExperiment tree(int depth, int repeats) {
        int leaves = (int) Math.pow(10, depth);
        return new CoroutineExperiment("Q1", "asyncio-tree-" + leaves, "fan-out tree of " + spaced(leaves) + " leaves, 10 per node", Kind.TREE, leaves, repeats, "asyncio_tasks.py",
                List.of("tree", "--depth", Integer.toString(depth), "--width", "10"), 0);
    }

    static CoroutineExperiment echo(int connections, int requests, int repeats) {
        return new CoroutineExperiment("Q4", "asyncio-echo-" + connections, "asyncio streams echo, " + spaced(connections) + " connections", Kind.ECHO, connections, repeats, "asyncio_echo.py", List.of("--port", "0"), requests);
    }
}
