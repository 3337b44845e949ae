package dev.unitsbench.model;

import dev.unitsbench.work.Workload;
import dev.unitsbench.work.Workloads;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Takes an exclusive lock on a file ({@link FileChannel#lock()}, an {@code fcntl} record lock on
 * Linux), holds it for {@code millis}, then releases it: the tutorial's "a process killed while
 * holding a lock never releases it" (claim Q11), with the kind of lock that processes of any
 * language share.
 *
 * @param file the file to lock; created if missing
 * @param millis how long the lock is held
 */
public record HoldFileLock(Path file, long millis) implements Workload {

    public HoldFileLock {
        if (millis < 0) {
            throw new IllegalArgumentException("millis must be >= 0, got " + millis);
        }
    }

    @Override
    public long run() throws IOException, InterruptedException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = channel.lock()) {
            Thread.sleep(millis);
            return lock.isValid() ? millis : -1;
        }
    }

    @Override
    public List<String> toArgs() {
        return Workloads.words(SemanticsWorkloads.class, "hold-lock", file.toString(), Long.toString(millis));
    }
}
