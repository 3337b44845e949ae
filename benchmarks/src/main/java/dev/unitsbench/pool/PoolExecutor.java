package dev.unitsbench.pool;

import dev.unitsbench.model.ExecutionModel;

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
    /** A fixed pool of CPU-count platform threads in this JVM. */
    THREAD_POOL,
    /** A virtual thread per task in this JVM. */
    VIRTUAL_THREAD;

    /** The execution model the tasks run on (the worker JVMs' own threads may differ). */
    public ExecutionModel model() {
        return switch (this) {
            case PROCESS_POOL, PROCESS_POOL_WITH_STARTUP, PROCESSES_X_VIRTUAL_THREADS -> ExecutionModel.PROCESS;
            case THREAD_POOL -> ExecutionModel.THREAD_POOL;
            case VIRTUAL_THREAD -> ExecutionModel.VIRTUAL_THREAD;
        };
    }

    /** Whether the trial keeps long-lived worker JVMs for this executor (started outside the timed region). */
    boolean keepsWorkerJvms() {
        return this == PROCESS_POOL || this == PROCESSES_X_VIRTUAL_THREADS;
    }
}
