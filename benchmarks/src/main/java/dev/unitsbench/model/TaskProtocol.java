package dev.unitsbench.model;

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

/**
 * The line protocol between a {@link ProcessPool} and each of its worker JVMs, both sides of it.
 * It knows tasks, not what they do: a family's worker workload hands {@link #serve} a
 * {@link Handler} that turns one task line into one answer.
 *
 * <pre>
 *   worker, once started:                 ready
 *   a task: one line of text         ->   ok ANSWER      (or "ok" alone for an empty answer)
 *   a task whose handler throws      ->   error MESSAGE  (one line; the worker serves on)
 * </pre>
 * At the end of its standard input the worker returns the number of tasks it served; its JVM
 * then prints the usual result line ({@code worker.ChildProtocol}) and exits. Nothing is
 * serialized: task and answer are lines of UTF-8 text.
 */
public final class TaskProtocol {

    /** The line a worker writes once it is ready for tasks. */
    public static final String READY = "ready";

    /** Prefix of an answer to a task that succeeded. */
    public static final String OK = "ok";

    /** Prefix of an answer to a task that failed. */
    public static final String ERROR = "error";

    /** What a worker does with one task line. */
    @FunctionalInterface
    public interface Handler {
        /**
         * The answer to one task: one line of text, possibly empty.
         *
         * @throws IllegalArgumentException for a malformed task: its message goes back as it is
         * @throws Exception if the task fails: the parent's future fails with its class and message
         */
        String answer(String task) throws Exception;
    }

    private TaskProtocol() {
    }

    /**
     * Serves tasks from this JVM's standard input, answering on its standard output, until the
     * input ends: what a worker workload's {@code run()} calls.
     *
     * @return the number of tasks served
     */
    public static long serveStandardStreams(Handler handler) throws IOException {
        // Raw descriptors, buffered here and flushed after each answer: the parent waits for every line.
        BufferedReader in = new BufferedReader(new InputStreamReader(new FileInputStream(FileDescriptor.in), StandardCharsets.UTF_8));
        Writer out = new BufferedWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8));
        return serve(in, out, handler);
    }

    /** Serves tasks from {@code in} until it ends, answering on {@code out}; returns the tasks served. */
    public static long serve(BufferedReader in, Writer out, Handler handler) throws IOException {
        writeLine(out, READY);
        long served = 0;
        String task;
        while ((task = in.readLine()) != null) {
            writeLine(out, answerLine(task, handler));
            served++;
        }
        return served;
    }

    /** The answer line to one task line: {@code ok ...} or {@code error ...}. */
    public static String answerLine(String task, Handler handler) {
        try {
            String answer = handler.answer(task.strip());
            if (answer.indexOf('\n') >= 0 || answer.indexOf('\r') >= 0) {
                throw new IllegalStateException("the answer to '" + task + "' is not one line");
            }
            return answer.isEmpty() ? OK : OK + " " + answer;
        } catch (Exception e) {
            // A bad task line says what is wrong in its own words; anything else names its exception.
            String message = e instanceof IllegalArgumentException && e.getMessage() != null ? e.getMessage()
                    : e.getMessage() == null ? e.toString() : e.getClass().getSimpleName() + ": " + e.getMessage();
            return ERROR + " " + message.replaceAll("[\\r\\n]+", " ");
        }
    }

    private static void writeLine(Writer out, String line) throws IOException {
        out.write(line);
        out.write('\n');
        out.flush();
    }
}
