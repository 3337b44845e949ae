package dev.unitsbench.pool;

import dev.unitsbench.model.ExecutionModel;
import dev.unitsbench.model.ProcessPool;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Who runs a pool benchmark's tasks, and on which execution model. One list for the family: each
 * benchmark's {@code @Param executor} names the executors it compares, and {@link TrialUnits}
 * opens what the trial keeps for them.
 */
public enum PoolExecutor {
    /** CPU-count worker JVMs started once per trial; a task per line of work. */
    PROCESS_POOL,
    /** The same worker JVMs, but started and closed inside every operation. */
    PROCESS_POOL_WITH_STARTUP,
    /** CPU-count worker JVMs started once per trial, each running its share on its own virtual threads. */
    PROCESSES_X_VIRTUAL_THREADS,
    /** A fixed pool of CPU-count platform threads in this JVM: the size for CPU-bound work. */
    THREAD_POOL,
    /**
     * A fixed pool of min(32, CPU count + 4) platform threads in this JVM: the default
     * {@code max_workers} of Python's {@code ThreadPoolExecutor} (since 3.8), sized for blocking work.
     */
    THREAD_POOL_PYTHON_DEFAULT,
    /** A new platform thread per task in this JVM: no pool bounds the blocked threads. */
    THREAD_PER_TASK,
    /** A virtual thread per task in this JVM. */
    VIRTUAL_THREAD;

    /** The execution model the tasks run on (the worker JVMs' own threads may differ). */
    public ExecutionModel model() {
        return switch (this) {
            case PROCESS_POOL, PROCESS_POOL_WITH_STARTUP, PROCESSES_X_VIRTUAL_THREADS -> ExecutionModel.PROCESS;
            case THREAD_POOL, THREAD_POOL_PYTHON_DEFAULT -> ExecutionModel.THREAD_POOL;
            case THREAD_PER_TASK -> ExecutionModel.PLATFORM_THREAD;
            case VIRTUAL_THREAD -> ExecutionModel.VIRTUAL_THREAD;
        };
    }

    /** Whether the trial keeps long-lived worker JVMs for this executor (started outside the timed region). */
    boolean keepsWorkerJvms() {
        return this == PROCESS_POOL || this == PROCESSES_X_VIRTUAL_THREADS;
    }

    /** Python's {@code ThreadPoolExecutor} default size on a machine of {@code cpus} CPUs: min(32, cpus + 4). */
    static int pythonDefaultPoolSize(int cpus) {
        return Math.min(32, cpus + 4);
    }

    /**
     * A new executor of this JVM's threads for a thread executor, its threads from
     * {@link ExecutionModel#threadBuilder}; null for the executors whose units are worker JVMs.
     * The thread executors differ only in how many threads run the tasks at once.
     */
    ExecutorService openThreads() {
        if (model() == ExecutionModel.PROCESS) {
            return null;
        }
        var threads = model().threadBuilder(name().toLowerCase(Locale.ROOT).replace('_', '-') + "-").factory();
        int cpus = ProcessPool.defaultSize();
        return switch (this) {
            case THREAD_POOL -> Executors.newFixedThreadPool(cpus, threads);
            case THREAD_POOL_PYTHON_DEFAULT -> Executors.newFixedThreadPool(pythonDefaultPoolSize(cpus), threads);
            case THREAD_PER_TASK, VIRTUAL_THREAD -> Executors.newThreadPerTaskExecutor(threads);
            case PROCESS_POOL, PROCESS_POOL_WITH_STARTUP, PROCESSES_X_VIRTUAL_THREADS -> throw new AssertionError(this);
        };
    }
}
