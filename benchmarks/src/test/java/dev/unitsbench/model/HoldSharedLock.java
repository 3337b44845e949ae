package dev.unitsbench.model;

import dev.unitsbench.work.Workload;
import dev.unitsbench.work.Workloads;
import java.nio.file.Path;
import java.util.List;

/**
 * Takes the {@link SharedMemoryLock} of {@code file}, holds it for {@code millis}, then releases
 * it: the tutorial's "a process killed while holding a lock never releases it" (claim Q11), with
 * a lock that lives in shared memory like {@code multiprocessing.Lock}.
 *
 * @param file the file whose first word is the lock
 * @param millis how long the lock is held
 */
public record HoldSharedLock(Path file, long millis) implements Workload {

    /** How long the child waits for the lock before it fails. */
    private static final long TAKE_TIMEOUT_MILLIS = 30_000;

    @Override
    public long run() throws Exception {
        SharedMemoryLock lock = SharedMemoryLock.map(file);
        if (!lock.tryLock(TAKE_TIMEOUT_MILLIS)) {
            throw new IllegalStateException("could not take the shared lock in " + TAKE_TIMEOUT_MILLIS + " ms");
        }
        try {
            Thread.sleep(millis);
            return millis;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public List<String> toArgs() {
        return Workloads.words(SemanticsWorkloads.class, "hold-shared-lock", file.toString(), Long.toString(millis));
    }
}
