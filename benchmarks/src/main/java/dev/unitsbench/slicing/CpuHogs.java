package dev.unitsbench.slicing;

import dev.unitsbench.work.CpuLoop;

/**
 * CPU-bound units that never block (claim Q12): each runs the {@link CpuLoop} chain until told to
 * stop or until a deadline, whichever comes first. The deadline bounds a run even where nothing
 * else can get a CPU to tell them to stop: virtual threads are not time-sliced, so hogs that hold
 * every carrier would otherwise keep them for ever.
 *
 * <p>The deadline is shared and absolute: a hog that starts late (queued behind the others for a
 * carrier) stops at the same instant as the rest, so a run never lasts longer than the limit.
 */
public final class CpuHogs {

    private final long deadlineNanoTime;
    private volatile boolean stopped;
    private volatile boolean limitReached;

    /** Hogs that run at most until {@code deadlineNanoTime} ({@link System#nanoTime()}). */
    public CpuHogs(long deadlineNanoTime) {
        this.deadlineNanoTime = deadlineNanoTime;
    }

    /** One hog: computes until stopped or the deadline; returns the chain's value. */
    public long spin() {
        long res = CpuLoop.SEED;
        for (long from = 0; !stopped; from += CpuLoop.CHUNK) {
            res = CpuLoop.spin(res, from, from + CpuLoop.CHUNK);
            if (System.nanoTime() >= deadlineNanoTime) {
                limitReached = true;
                break;
            }
        }
        return res;
    }

    /** Tells every hog to stop at its next look (every {@link CpuLoop#CHUNK} iterations, well under a millisecond). */
    public void stop() {
        stopped = true;
    }

    /** Whether a hog ran into the deadline before being told to stop. */
    public boolean limitReached() {
        return limitReached;
    }
}
