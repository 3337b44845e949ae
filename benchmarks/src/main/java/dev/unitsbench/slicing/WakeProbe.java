package dev.unitsbench.slicing;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A unit that wants to wake once per {@code period}, {@code ticks} times, and records how late it
 * wakes each time (claim Q12). Tick i is due at start + i x period, on a fixed schedule: a probe
 * that could not run for 50 ms finds 50 ticks overdue when it finally runs, and each counts with
 * its own lateness, as a 1 ms timer in a real program would have missed 50 deadlines.
 *
 * <p>Between ticks it parks ({@link LockSupport#parkNanos}): it needs the CPU only for an instant,
 * as soon as it is due. How late it gets it says whether the scheduler takes the CPU away from
 * units that keep computing.
 */
public final class WakeProbe {

    private final int ticks;
    private final long periodNanos;
    private final long[] latenessNanos;
    private final CountDownLatch started = new CountDownLatch(1);

    public WakeProbe(int ticks, Duration period) {
        if (ticks < 1 || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("need ticks >= 1 and a positive period, got " + ticks + ", " + period);
        }
        this.ticks = ticks;
        this.periodNanos = period.toNanos();
        this.latenessNanos = new long[ticks];
    }

    /** Runs every tick; call it on the unit under test. Returns the sum of the latenesses. */
    public long run() {
        long start = System.nanoTime();
        started.countDown();
        long sum = 0;
        for (int i = 0; i < ticks; i++) {
            long due = start + (i + 1) * periodNanos;
            long now;
            while ((now = System.nanoTime()) < due) {
                LockSupport.parkNanos(due - now);
            }
            latenessNanos[i] = now - due;
            sum += latenessNanos[i];
        }
        return sum;
    }

    /** Waits until {@link #run()} has begun on its unit. */
    public boolean awaitStarted(Duration timeout) throws InterruptedException {
        return started.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** The lateness of each tick, sorted; read it after {@link #run()} has returned. */
    public long[] sortedLatenessNanos() {
        long[] sorted = latenessNanos.clone();
        Arrays.sort(sorted);
        return sorted;
    }

    /** The nearest-rank percentile {@code p} (0 < p <= 100) of sorted values. */
    public static long percentile(long[] sorted, double p) {
        if (sorted.length == 0 || p <= 0 || p > 100) {
            throw new IllegalArgumentException("need values and 0 < p <= 100, got " + sorted.length + " values, p=" + p);
        }
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[rank - 1];
    }
}
