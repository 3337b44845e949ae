package dev.unitsbench.pool;

import dev.unitsbench.model.ProcessPool;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * The tutorial's "many processes, each running coroutines" (claim Q5) on the JVM: {@code tasks}
 * copies of a {@link MixedTask} split into one share per worker JVM of a {@link ProcessPool};
 * each worker runs its share at once, a virtual thread per task, and answers with the sum of
 * their results.
 */
final class MixedWork {

    private MixedWork() {
    }

    /**
     * Runs {@code tasks} copies of {@code task} at once by {@code executor} on what the trial keeps
     * for it, and waits for all: the same {@link MixedTask#runAll} on every thread executor, which
     * differ only in how many of their threads run tasks at once; across the worker JVMs for
     * {@code PROCESSES_X_VIRTUAL_THREADS}.
     *
     * @return the sum of the task results, to check against {@code tasks * task.expectedResult()}
     */
    static long run(PoolExecutor executor, TrialUnits units, MixedTask task, int tasks, Duration timeout)
            throws InterruptedException, ExecutionException, TimeoutException {
        return switch (executor) {
            case VIRTUAL_THREAD, THREAD_POOL, THREAD_POOL_PYTHON_DEFAULT, THREAD_PER_TASK -> task.runAll(units.threads, tasks, timeout);
            case PROCESSES_X_VIRTUAL_THREADS -> acrossWorkers(units.pool, task, tasks, timeout);
            case PROCESS_POOL, PROCESS_POOL_WITH_STARTUP -> throw new IllegalArgumentException("-p executor=" + executor
                    + " is LogScan's; the mixed work runs on this JVM's threads or PROCESSES_X_VIRTUAL_THREADS");
        };
    }

    /** Runs {@code tasks} copies across the pool's workers; returns the sum of their results. */
    static long acrossWorkers(ProcessPool pool, MixedTask task, int tasks, Duration timeout)
            throws InterruptedException, ExecutionException, TimeoutException {
        int workers = pool.size();
        List<String> shares = new ArrayList<>(workers);
        for (int w = 0; w < workers; w++) {
            int share = tasks / workers + (w < tasks % workers ? 1 : 0);
            if (share > 0) {
                shares.add("mixed " + share + " " + task.cpuIterations() + " " + task.sleepMillis());
            }
        }
        long sum = 0;
        for (String answer : pool.map(shares, timeout)) {
            sum += Long.parseLong(answer);
        }
        return sum;
    }
}
