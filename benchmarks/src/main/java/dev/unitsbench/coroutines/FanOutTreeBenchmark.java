package dev.unitsbench.coroutines;

import dev.unitsbench.model.ChildMemoryGuard;
import dev.unitsbench.model.ExecutionModel;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/*
 * Claims Q1 and Q5 ("coroutines are cheap to create"), the way OpenJDK's Skynet micro-benchmark
 * asks it: a tree in which every node starts WIDTH children and sums what they return.
 *
 * Timed region: one tree of `depth` levels below the root (6: 1 111 110 virtual threads created,
 * started and joined, the root on the benchmark thread, and 1 000 000 leaves summed); the sum is
 * checked on every operation and returned.
 *
 * Not a comparison inside the suite: only virtual threads run it (a million platform threads would
 * measure the kernel's limits). The CPython cross-check runs the same tree as asyncio tasks
 * (scripts/tutorial/asyncio_tasks.py tree), and the report's coroutines section divides the
 * tree's nodes by each side's time per tree: tasks per second.
 *
 * Expect the time per tree to grow with the node count (WIDTH^depth) and nothing else: starting
 * and joining a virtual thread involves no kernel call, so the rate set beside asyncio's is the
 * JVM scheduler's.
 *
 * HOW TO RUN:
 *   mvn verify -Pbench -Dbench.include=FanOutTree
 *   java -jar benchmarks/target/benchmarks.jar FanOutTree -f 1 -wi 1 -i 2
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
/*
 * Harness: one fork, as the CPython cross-check runs its million-leaf asyncio tree once: no verdict
 * compares this result, it stands beside asyncio's as a demonstration of scale, and a fork costs
 * about 10 s (-f 3 gives it an interval). Iterations are time-bound (a tree of a million leaves
 * takes 1-2 s, so one or two trees each), after warm-up iterations that let the scheduler's paths
 * compile. The fork runs on an explicit heap (FORK_HEAP), and the set-up refuses a depth whose
 * estimate (NODE_BYTES per node) does not fit in the available memory, saying what it needs.
 */
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {FanOutTreeBenchmark.FORK_HEAP})
@State(Scope.Benchmark)
public class FanOutTreeBenchmark {

    /** Skynet's shape: 10 children per node. */
    static final int WIDTH = 10;

    /** Heap of every fork, set rather than left to JMH's default (a quarter of the RAM): room for the whole tree alive at once. */
    static final String FORK_HEAP = "-Xmx4g";

    /**
     * What the memory check expects one node to hold while it waits for its children: a
     * virtual thread's Thread, continuation and stack chunk, with headroom.
     */
    static final long NODE_BYTES = 3072;

    @Param({"VIRTUAL_THREAD"})
    public ExecutionModel model;

    /** Levels below the root: 6 gives Skynet's 1 000 000 leaves. */
    @Param({"6"})
    public int depth;

    private FanOutTree tree;
    private long expected;

    /** Refuses, before any tree, a depth whose estimate does not fit in the machine's available memory. */
    @Setup
    public void setUp() {
        long nodes = FanOutTree.nodes(WIDTH, depth);
        ChildMemoryGuard.shortfall(nodes * NODE_BYTES).ifPresent(shortfall -> {
            throw new IllegalStateException("skipped: a tree of " + nodes + " virtual threads " + shortfall);
        });
        ThreadFactory threads = model.threadBuilder("fan-out-").factory();
        tree = new FanOutTree(threads, WIDTH);
        expected = FanOutTree.expectedSum(WIDTH, depth);
    }

    @Benchmark
    public long sumLeaves() throws InterruptedException {
        long sum = tree.sum(depth);
        if (sum != expected) {
            throw new IllegalStateException("the tree summed to " + sum + ", not " + expected);
        }
        return sum;
    }
}
