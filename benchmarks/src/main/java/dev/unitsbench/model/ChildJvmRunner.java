package dev.unitsbench.model;

import dev.unitsbench.work.Workload;
import dev.unitsbench.child.ChildProtocol;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs each copy in a fresh child JVM and reads its result line. Whatever happens (a failed copy,
 * a timeout, an interrupt), every child still running when {@link #runAll} returns is destroyed.
 */
final class ChildJvmRunner implements ConcurrentRunner {

    private final ChildJvmLauncher launcher;

    ChildJvmRunner(ChildJvmLauncher launcher) {
        this.launcher = launcher;
    }

    @Override
    public long runAll(Workload workload, int copies, JoinOrder joinOrder, Duration timeout)
            throws ExecutionException, TimeoutException, InterruptedException {
        ConcurrentRunner.requirePositive(copies);
        ChildMemoryGuard.check(joinOrder == JoinOrder.AFTER_ALL_STARTED ? copies : 1);
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> args = workload.toArgs();
        List<Process> children = new ArrayList<>(copies);
        try {
            long sum = 0;
            for (int i = 0; i < copies; i++) {
                children.add(start(args));
                if (joinOrder == JoinOrder.AFTER_EACH_START) {
                    sum += awaitResult(children.get(i), deadline);
                }
            }
            if (joinOrder == JoinOrder.AFTER_ALL_STARTED) {
                for (Process child : children) {
                    sum += awaitResult(child, deadline);
                }
            }
            return sum;
        } finally {
            for (Process child : children) {
                if (child.isAlive()) {
                    child.destroyForcibly();
                }
            }
        }
    }

    private Process start(List<String> args) throws ExecutionException {
        try {
            return launcher.start(args);
        } catch (IOException e) {
            throw new ExecutionException("could not start a child JVM: " + e.getMessage(), e);
        }
    }

    /** Waits for a child until {@code deadline} (System.nanoTime) and returns its result; also for {@link ChildJvm#join}. */
    static long awaitResult(Process child, long deadline)
            throws ExecutionException, TimeoutException, InterruptedException {
        if (!child.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
            throw new TimeoutException("child JVM " + child.pid() + " did not finish in time");
        }
        String output;
        try {
            output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ExecutionException("could not read the output of child JVM " + child.pid(), e);
        }
        OptionalLong result = ChildProtocol.parseResult(output);
        if (child.exitValue() != 0 || result.isEmpty()) {
            throw new ExecutionException("child JVM " + child.pid() + " exited with status " + child.exitValue()
                    + " and no result line (its standard error is above)", null);
        }
        return result.getAsLong();
    }

    @Override
    public void close() {
        // Children never outlive a run: nothing is kept.
    }
}
