package dev.unitsbench.work;

import java.util.List;

/**
 * The tutorial's I/O stand-in, {@code time.sleep(s)}: a blocking call that uses no CPU.
 *
 * <p>With an {@link EmulatedGil}, the sleeper holds the lock before and after, and gives it up
 * for the sleep itself, as CPython does: sleepers never stop a computing thread.
 *
 * @param millis how long one copy sleeps
 * @param gil the interpreter lock of this JVM, or {@code null}
 */
public record Sleep(long millis, EmulatedGil gil) implements Workload {

    public Sleep {
        if (millis < 0) {
            throw new IllegalArgumentException("millis must be >= 0, got " + millis);
        }
    }

    /** A sleep without a GIL. */
    public static Sleep of(long millis) {
        return new Sleep(millis, null);
    }

    @Override
    public long run() throws Exception {
        if (gil == null) {
            Thread.sleep(millis);
            return millis;
        }
        gil.acquire();
        try {
            return gil.releasedAround(() -> {
                Thread.sleep(millis);
                return millis;
            });
        } finally {
            gil.release();
        }
    }

    @Override
    public List<String> toArgs() {
        return Workloads.words(CommonWorkloads.class, "sleep", Long.toString(millis), gil == null ? "free" : "gil");
    }
}
