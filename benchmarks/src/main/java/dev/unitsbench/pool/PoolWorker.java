package dev.unitsbench.pool;

import dev.unitsbench.model.ProcessPool;
import dev.unitsbench.model.TaskProtocol;
import dev.unitsbench.work.Workload;
import dev.unitsbench.work.Workloads;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What one long-lived worker JVM of the pool family's {@link ProcessPool} runs (the JVM's
 * {@code ProcessPoolExecutor} worker): it serves tasks, one at a time, until its standard input
 * ends, in the pool's {@link TaskProtocol}. Its tasks:
 * <pre>
 *   scan PATH                            ->  ok HOST HOST ...     ({@link RobotsScan#findRobots}, hosts sorted; "ok" alone for none)
 *   mixed COUNT CPU_ITERATIONS SLEEP_MS  ->  ok SUM               (COUNT {@link MixedTask}s at once, a virtual thread each)
 *   anything else, or a task that fails  ->  error MESSAGE        (one line; the worker serves on)
 * </pre>
 * At end-of-file the workload returns the number of tasks it served.
 */
public record PoolWorker() implements Workload {

    /** The longest a {@code mixed} task may take in a worker before it fails. */
    static final Duration MIXED_TIMEOUT = Duration.ofMinutes(5);

    /** Starts a pool of {@code size} worker JVMs of this kind, with the JVM flags of {@code jvm}. */
    static ProcessPool startPool(WorkerJvmFlags jvm, int size) throws IOException, InterruptedException {
        return ProcessPool.start(jvm.launcher(), size, new PoolWorker());
    }

    @Override
    public long run() throws IOException {
        return TaskProtocol.serveStandardStreams(PoolWorker::answer);
    }

    /** Serves tasks from {@code in} until it ends, answering on {@code out}; returns the tasks served. */
    static long serve(BufferedReader in, Writer out) throws IOException {
        return TaskProtocol.serve(in, out, PoolWorker::answer);
    }

    /** The answer to one task line (without the protocol's {@code ok}). */
    static String answer(String task) throws Exception {
        String[] words = task.split(" ", 2);
        return switch (words[0]) {
            case "scan" -> {
                if (words.length < 2) {
                    throw new IllegalArgumentException("'scan' needs a file: scan PATH");
                }
                yield RobotsScan.toText(RobotsScan.findRobots(Path.of(words[1])));
            }
            case "mixed" -> {
                String[] args = words.length < 2 ? new String[0] : words[1].split(" ");
                MixedTask mixed;
                int count;
                try {
                    if (args.length != 3) {
                        throw new NumberFormatException();
                    }
                    count = Integer.parseInt(args[0]);
                    mixed = new MixedTask(Long.parseLong(args[1]), Long.parseLong(args[2]));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("'mixed' takes 3 numbers: mixed COUNT CPU_ITERATIONS SLEEP_MS");
                }
                yield Long.toString(mixed.runOnVirtualThreads(count, MIXED_TIMEOUT));
            }
            default -> throw new IllegalArgumentException("unknown task '" + words[0] + "'; expected scan or mixed");
        };
    }

    @Override
    public List<String> toArgs() {
        return Workloads.words(PoolWorkloads.class, "pool-worker");
    }
}
