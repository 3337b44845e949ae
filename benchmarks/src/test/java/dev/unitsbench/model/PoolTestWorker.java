package dev.unitsbench.model;

import dev.unitsbench.work.Workload;
import dev.unitsbench.work.WorkloadFactory;
import dev.unitsbench.work.WorkloadParams;
import dev.unitsbench.work.Workloads;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * A worker of the {@link ProcessPool} tests, which know tasks, not log scans: it serves
 * {@code upper TEXT} (answers TEXT upper-cased), {@code sleep MILLIS} (answers {@code slept}),
 * {@code fail MESSAGE} (throws) and {@code pid} (answers its process id).
 */
public record PoolTestWorker() implements Workload {

    @Override
    public long run() throws IOException {
        return TaskProtocol.serveStandardStreams(PoolTestWorker::answer);
    }

    static String answer(String task) throws Exception {
        String[] words = task.split(" ", 2);
        String argument = words.length < 2 ? "" : words[1];
        return switch (words[0]) {
            case "upper" -> argument.toUpperCase(Locale.ROOT);
            case "sleep" -> {
                Thread.sleep(Long.parseLong(argument));
                yield "slept";
            }
            case "fail" -> throw new IllegalStateException(argument);
            case "pid" -> Long.toString(ProcessHandle.current().pid());
            default -> throw new IllegalArgumentException("unknown task '" + words[0] + "'");
        };
    }

    @Override
    public List<String> toArgs() {
        return Workloads.words(Factory.class, "pool-test-worker");
    }

    /** Rebuilds the worker in its child JVM. */
    public static final class Factory implements WorkloadFactory {
        @Override
        public Workload create(String kind, WorkloadParams params) {
            Workloads.expectOnly(kind, "pool-test-worker");
            return new PoolTestWorker();
        }
    }
}
