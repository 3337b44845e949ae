package dev.unitsbench.work;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What one long-lived worker JVM of a process pool runs ({@code model.ProcessPool}, the JVM's
 * {@code ProcessPoolExecutor}): it serves tasks, one at a time, until its standard input ends.
 *
 * <p>The protocol is plain text, one line each way per task; nothing is deserialized:
 * <pre>
 *   worker, once started:                    ready
 *   scan PATH                            ->  ok HOST HOST ...     ({@link RobotsScan#findRobots}, hosts sorted; "ok" alone for none)
 *   mixed COUNT CPU_ITERATIONS SLEEP_MS  ->  ok SUM               (COUNT {@link MixedTask}s at once, a virtual thread each)
 *   anything else, or a task that fails  ->  error MESSAGE        (one line; the worker serves on)
 * </pre>
 * At end-of-file the workload returns the number of tasks it served, and the worker JVM prints
 * its usual result line and exits.
 */
public record PoolWorker() implements Workload {

    /** The line a worker writes once it is ready for tasks. */
    public static final String READY = "ready";

    /** Prefix of an answer to a task that succeeded. */
    public static final String OK = "ok";

    /** Prefix of an answer to a task that failed. */
    public static final String ERROR = "error";

    /** The longest a {@code mixed} task may take in a worker before it fails. */
    static final Duration MIXED_TIMEOUT = Duration.ofMinutes(5);

    @Override
    public long run() throws IOException {
        // Raw descriptors, buffered here and flushed after each answer: the parent waits for every line.
        BufferedReader in = new BufferedReader(new InputStreamReader(new FileInputStream(FileDescriptor.in), StandardCharsets.UTF_8));
        Writer out = new BufferedWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8));
        return serve(in, out);
    }

    /** Serves tasks from {@code in} until it ends, answering on {@code out}; returns the tasks served. */
    public static long serve(BufferedReader in, Writer out) throws IOException {
        answer(out, READY);
        long served = 0;
        String task;
        while ((task = in.readLine()) != null) {
            answer(out, execute(task));
            served++;
        }
        return served;
    }

    /** The answer line to one task line. */
    static String execute(String task) {
        String[] words = task.strip().split(" ", 2);
        try {
            return switch (words[0]) {
                case "scan" -> {
                    if (words.length < 2) {
                        throw new IllegalArgumentException("'scan' needs a file: scan PATH");
                    }
                    String hosts = RobotsScan.toText(RobotsScan.findRobots(Path.of(words[1])));
                    yield hosts.isEmpty() ? OK : OK + " " + hosts;
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
                    yield OK + " " + mixed.runOnVirtualThreads(count, MIXED_TIMEOUT);
                }
                default -> throw new IllegalArgumentException("unknown task '" + words[0] + "'; expected scan or mixed");
            };
        } catch (Exception e) {
            // A bad task line says what is wrong in its own words; anything else names its exception.
            String message = e instanceof IllegalArgumentException ? e.getMessage()
                    : e.getMessage() == null ? e.toString() : e.getClass().getSimpleName() + ": " + e.getMessage();
            return ERROR + " " + message.replaceAll("[\\r\\n]+", " ");
        }
    }

    private static void answer(Writer out, String line) throws IOException {
        out.write(line);
        out.write('\n');
        out.flush();
    }

    @Override
    public List<String> toArgs() {
        return Workloads.words(dev.unitsbench.pool.PoolWorkloads.class, "pool-worker");
    }
}
