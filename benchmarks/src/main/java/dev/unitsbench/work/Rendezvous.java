package dev.unitsbench.work;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A proof of concurrency: each copy leaves a mark in a folder, then waits until {@code parties}
 * marks are there. It finishes only if all copies are running at the same time, whether they are
 * threads of one JVM or separate processes (the folder is what they share).
 *
 * @param folder a private folder for this rendezvous, empty at the start
 * @param parties how many copies must meet
 * @param timeoutMillis how long a copy waits before it gives up and fails
 */
public record Rendezvous(Path folder, int parties, long timeoutMillis) implements Workload {

    private static final long POLL_MILLIS = 5;

    @Override
    public long run() throws Exception {
        arrive();
        long deadline = System.nanoTime() + Duration.ofMillis(timeoutMillis).toNanos();
        long arrived;
        while ((arrived = arrived()) < parties) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("rendezvous of " + parties + " timed out after "
                        + timeoutMillis + " ms with " + arrived + " arrived: the copies did not run at once");
            }
            Thread.sleep(POLL_MILLIS);
        }
        return arrived;
    }

    /** Leaves one party's mark, for a party that is not a copy of this workload (a parent, say). */
    public void arrive() throws IOException {
        Files.createFile(folder.resolve(UUID.randomUUID() + ".arrived"));
    }

    /** How many parties have arrived so far. */
    public long arrived() throws IOException {
        try (Stream<Path> marks = Files.list(folder)) {
            return marks.filter(p -> p.toString().endsWith(".arrived")).count();
        }
    }

    @Override
    public List<String> toArgs() {
        return Workloads.words(CommonWorkloads.class, "rendezvous", folder.toString(), Integer.toString(parties), Long.toString(timeoutMillis));
    }
}
