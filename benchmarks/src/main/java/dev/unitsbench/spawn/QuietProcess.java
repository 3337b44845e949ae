package dev.unitsbench.spawn;

import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A program started from Java with no pipe to it: standard input from {@code /dev/null}, standard
 * output and error discarded. The JDK then opens no pipe and the parent reads nothing, so the
 * start-up figure is the OS's fork/exec (the JDK's {@code posix_spawn} of its jspawnhelper, which
 * execs the program), the exit, and the reap by the JDK's process reaper thread; nothing else.
 */
final class QuietProcess {

    private static final File NO_INPUT = new File("/dev/null");

    private QuietProcess() {
    }

    /** A builder of {@code command} with no pipes. */
    static ProcessBuilder builder(List<String> command) {
        return new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(NO_INPUT))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
    }

    /**
     * Waits until {@code process} exits, at the latest at {@code deadlineNanos} ({@link System#nanoTime()}),
     * and returns its pid.
     *
     * @throws TimeoutException if it is still running then; it is killed
     * @throws IllegalStateException if it exited with a status other than 0
     */
    static long awaitExit(Process process, long deadlineNanos) throws InterruptedException, TimeoutException {
        if (!process.waitFor(deadlineNanos - System.nanoTime(), TimeUnit.NANOSECONDS)) {
            process.destroyForcibly();
            throw new TimeoutException("process " + process.pid() + " was still running at its deadline");
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("process " + process.pid() + " exited with status " + process.exitValue());
        }
        return process.pid();
    }
}
