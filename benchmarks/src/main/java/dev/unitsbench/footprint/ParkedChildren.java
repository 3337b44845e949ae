package dev.unitsbench.footprint;

import dev.unitsbench.model.ChildJvmLauncher;
import dev.unitsbench.model.ChildMemoryGuard;
import dev.unitsbench.model.ChildJvm;
import dev.unitsbench.work.PrivateFolders;
import dev.unitsbench.work.Rendezvous;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * N child JVMs alive at once, each waiting in a {@link Rendezvous} for one party more than there
 * are children: the parent. Once all children have arrived they are parked (each looks at the
 * folder every 5 ms and sleeps otherwise), and their memory can be read from {@code /proc}; the
 * parent's own mark then lets every child finish normally, and its result proves that it was one
 * of the N + 1 that met.
 */
public final class ParkedChildren implements AutoCloseable {

    private static final Duration RENDEZVOUS_TIMEOUT = Duration.ofMinutes(2);

    private final Path folder;
    private final Rendezvous rendezvous;
    private final List<ChildJvm> children = new ArrayList<>();

    private ParkedChildren(Path folder, int count) {
        this.folder = folder;
        this.rendezvous = new Rendezvous(folder, count + 1, RENDEZVOUS_TIMEOUT.toMillis());
    }

    /** Starts {@code count} lean child JVMs and waits until all have arrived. */
    public static ParkedChildren start(int count, Duration timeout) throws IOException, InterruptedException, TimeoutException {
        ChildMemoryGuard.check(count);
        ParkedChildren parked = new ParkedChildren(PrivateFolders.create("unitsbench-parked-"), count);
        try {
            ChildJvmLauncher launcher = ChildJvmLauncher.lean();
            for (int i = 0; i < count; i++) {
                parked.children.add(ChildJvm.start(launcher, parked.rendezvous));
            }
            long deadline = System.nanoTime() + timeout.toNanos();
            while (parked.rendezvous.arrived() < count) {
                if (System.nanoTime() > deadline) {
                    throw new TimeoutException(parked.rendezvous.arrived() + " of " + count + " child JVMs arrived after " + timeout);
                }
                Thread.sleep(5);
            }
            return parked;
        } catch (IOException | InterruptedException | TimeoutException | RuntimeException e) {
            parked.close();
            throw e;
        }
    }

    public List<Long> pids() {
        return children.stream().map(ChildJvm::pid).toList();
    }

    /** Adds the parent's mark and waits for every child's result; returns how many met. */
    public int release(Duration timeout) throws IOException, InterruptedException, TimeoutException, ExecutionException {
        rendezvous.arrive();
        int met = 0;
        for (ChildJvm child : children) {
            if (child.join(timeout) == children.size() + 1) {
                met++;
            }
        }
        return met;
    }

    /** Terminates the children still running and removes the folder. */
    @Override
    public void close() throws IOException {
        children.forEach(ChildJvm::close);
        PrivateFolders.delete(folder);
    }
}
