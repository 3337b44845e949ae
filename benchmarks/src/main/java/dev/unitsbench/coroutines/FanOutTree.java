package dev.unitsbench.coroutines;

import java.util.concurrent.ThreadFactory;

/**
 * The fan-out tree of OpenJDK's Skynet micro-benchmark: every node starts {@code width} child
 * threads, joins them and returns the sum of their results; a leaf returns its own number.
 * Numbering the leaves 0 .. width^depth - 1, the root returns their sum, which {@link #expectedSum}
 * gives in closed form, so every run checks its own answer.
 *
 * <p>The root runs on the caller's thread; every other node is a thread of its own from
 * {@code threads}, which must be safe for concurrent use (a {@link ThreadFactory} is; a
 * {@link Thread.Builder} is not).
 */
public final class FanOutTree {

    private final ThreadFactory threads;
    private final int width;

    public FanOutTree(ThreadFactory threads, int width) {
        if (width < 1) {
            throw new IllegalArgumentException("width must be at least 1, got " + width);
        }
        this.threads = threads;
        this.width = width;
    }

    /** Runs the tree of {@code depth} levels below the root and returns the sum of its leaves. */
    public long sum(int depth) throws InterruptedException {
        if (depth < 0) {
            throw new IllegalArgumentException("depth must be at least 0, got " + depth);
        }
        return node(0, depth);
    }

    private long node(long number, int depth) throws InterruptedException {
        if (depth == 0) {
            return number;
        }
        long[] sums = new long[width];
        Thread[] children = new Thread[width];
        Throwable[] failures = new Throwable[width];
        for (int i = 0; i < width; i++) {
            int child = i;
            children[i] = threads.newThread(() -> {
                try {
                    sums[child] = node(number * width + child, depth - 1);
                } catch (Throwable t) {
                    failures[child] = t;
                }
            });
            children[i].start();
        }
        long sum = 0;
        for (int i = 0; i < width; i++) {
            children[i].join(); // join makes the child's writes visible here
            if (failures[i] != null) {
                throw new IllegalStateException("a node of the fan-out tree failed", failures[i]);
            }
            sum += sums[i];
        }
        return sum;
    }

    /** Every node of a tree {@code depth} levels deep below its root, the root included. */
    public static long nodes(int width, int depth) {
        long nodes = 0;
        long level = 1;
        for (int d = 0; d <= depth; d++) {
            nodes += level;
            level *= width;
        }
        return nodes;
    }

    /** The sum of the leaves 0 .. n - 1, n = width^depth. */
    public static long expectedSum(int width, int depth) {
        long leaves = nodes(width, depth) - nodes(width, depth - 1);
        return leaves * (leaves - 1) / 2;
    }
}
