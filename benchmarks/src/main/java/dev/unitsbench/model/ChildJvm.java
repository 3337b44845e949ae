package dev.unitsbench.model;

import dev.unitsbench.work.Workload;
import dev.unitsbench.child.ChildProtocol;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One child JVM running one workload, with the process semantics of the tutorial's
 * {@code multiprocessing.Process} (claim Q11): start it, {@linkplain #join join} it,
 * {@linkplain #terminate terminate} it, or {@linkplain #stop stop} it gracefully.
 *
 * <p><b>Every child is a daemon</b> in Python's sense: when the parent exits or is stopped
 * (SIGTERM), its shutdown hook terminates the child ({@link ChildJvmLauncher}). On top of that, a
 * watchdog that Python's daemons do not have: when the parent is killed outright (SIGKILL), no hook
 * runs, and the child halts itself within 100 ms, when it sees that its parent changed
 * ({@code ChildMain}). There are no non-daemon children here: such a child outlives its parent's
 * exit unless joined, and this suite never leaves a JVM behind.
 *
 * <p>The three ways a child ends early differ in what runs inside it:
 * <ul>
 *   <li>{@link #terminate()}: SIGKILL, at once. Nothing of the child runs any more: no
 *       {@code finally}, no shutdown hook. What the kernel owns for the process it releases all
 *       the same (memory, file descriptors, {@code fcntl} file locks); what lives outside the
 *       process (a lock file, a semaphore in shared memory, its own children) stays.</li>
 *   <li>{@link #stop(Duration)}: SIGTERM; the child lets its workload finish and prints the
 *       result, then exits. If it takes longer than the grace period, it is terminated.</li>
 *   <li>{@link #close()}: terminates it if it is still running, so that try-with-resources
 *       never leaves a child behind.</li>
 * </ul>
 * Either way the parent waits for the child's exit, so the kernel's process entry is reaped:
 * no zombie stays.
 */
public final class ChildJvm implements AutoCloseable {

    private final Process process;

    private ChildJvm(Process process) {
        this.process = process;
    }

    /** Starts a child JVM that runs {@code workload}; its standard input is closed. */
    public static ChildJvm start(ChildJvmLauncher launcher, Workload workload) throws IOException {
        ChildMemoryGuard.check(1);
        return new ChildJvm(launcher.start(workload.toArgs()));
    }

    /** Starts a child JVM whose standard input stays open, for a workload that reads it. */
    public static ChildJvm startWithInput(ChildJvmLauncher launcher, Workload workload) throws IOException {
        ChildMemoryGuard.check(1);
        return new ChildJvm(launcher.startWithInput(workload.toArgs()));
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The child's standard input (open only if started {@linkplain #startWithInput with input}). */
    public OutputStream toChild() {
        return process.getOutputStream();
    }

    /** The child's standard output. */
    public InputStream fromChild() {
        return process.getInputStream();
    }

    /**
     * Waits for the child to finish its workload, as {@code Process.join()}.
     *
     * @return the workload's result
     * @throws TimeoutException if it did not finish in time (it keeps running)
     * @throws ExecutionException if it ended without a result
     */
    public long join(Duration timeout) throws TimeoutException, ExecutionException, InterruptedException {
        return ChildJvmRunner.awaitResult(process, System.nanoTime() + timeout.toNanos());
    }

    /**
     * Kills the child at once (SIGKILL), as {@code Process.terminate()} does to a child that does
     * not handle SIGTERM, and waits until the kernel has reaped it.
     *
     * @return the exit status: 137 (128 + SIGKILL) if it was still running
     */
    public int terminate() throws InterruptedException {
        process.destroyForcibly();
        return process.waitFor();
    }

    /**
     * Stops the child gracefully: asks it to stop (SIGTERM), lets its workload finish within
     * {@code grace}, and terminates it if it has not ended by then.
     *
     * @return the workload's result, if it finished and said so
     */
    public OptionalLong stop(Duration grace) throws InterruptedException {
        // SIGTERM through the handle: Process.destroy() would also close our end of the child's
        // output, and with it the result line the child is about to write.
        process.toHandle().destroy();
        if (!process.waitFor(grace.toNanos(), TimeUnit.NANOSECONDS)) {
            terminate();
            return OptionalLong.empty();
        }
        try {
            return ChildProtocol.parseResult(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    /** Terminates the child if it still runs. */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
