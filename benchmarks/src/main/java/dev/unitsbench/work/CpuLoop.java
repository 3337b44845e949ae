package dev.unitsbench.work;

import java.util.List;

/**
 * The tutorial's CPU-bound loop ({@code res = 0; for i in range(n): res *= i}), made honest on
 * a JIT.
 *
 * <p>The Python original multiplies by zero forever; a JIT would see through that and fold the
 * loop away. Here every iteration feeds a serial multiply-add chain ({@code res = res * M + i}),
 * which has no closed form a compiler knows and cannot be vectorized: the cost grows linearly
 * with the iteration count, and the result depends on every iteration.
 *
 * <p>With an {@link EmulatedGil}, the loop runs in chunks while holding the lock, and offers it
 * to waiting threads once per switch interval, as CPython's interpreter loop does.
 *
 * @param iterations loop count of one copy
 * @param gil the interpreter lock of this JVM, or {@code null} to compute freely
 */
public record CpuLoop(long iterations, EmulatedGil gil) implements Workload {

    /** An odd 64-bit multiplier (Knuth's MMIX LCG): the map {@code res -> res * M + i} is a bijection. */
    static final long MULTIPLIER = 6364136223846793005L;

    /** Start value of the chain; any value works, zero would do too since {@code + i} moves it. */
    public static final long SEED = 1L;

    /** Iterations between two looks at the clock under the GIL: far below 5 ms on any machine. */
    public static final int CHUNK = 1 << 16;

    public CpuLoop {
        if (iterations < 0) {
            throw new IllegalArgumentException("iterations must be >= 0, got " + iterations);
        }
    }

    /** The loop without a GIL. */
    public static CpuLoop free(long iterations) {
        return new CpuLoop(iterations, null);
    }

    @Override
    public long run() {
        if (gil == null) {
            return spin(SEED, 0, iterations);
        }
        gil.acquire();
        try {
            long res = SEED;
            for (long from = 0; from < iterations; from += CHUNK) {
                res = spin(res, from, Math.min(iterations, from + CHUNK));
                gil.offerIfDue();
            }
            return res;
        } finally {
            gil.release();
        }
    }

    /** Runs iterations {@code [from, to)} of the chain, starting from {@code res}. */
    public static long spin(long res, long from, long to) {
        for (long i = from; i < to; i++) {
            res = res * MULTIPLIER + i;
        }
        return res;
    }

    @Override
    public List<String> toArgs() {
        return Workloads.words(CommonWorkloads.class, "cpu", Long.toString(iterations), gil == null ? "free" : "gil");
    }
}
