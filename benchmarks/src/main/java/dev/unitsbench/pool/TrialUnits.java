package dev.unitsbench.pool;

import dev.unitsbench.model.ProcessPool;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.ExecutorService;

/**
 * What a pool benchmark's trial runs its tasks on, opened in the trial's set-up and closed in its
 * tear-down: long-lived worker JVMs where the benchmark keeps them for the trial, or else the
 * executor of this JVM's threads ({@link PoolExecutor#openThreads}).
 */
final class TrialUnits implements AutoCloseable {

    /** The worker JVMs kept for the trial, or null. */
    final ProcessPool pool;

    /** The threads' executor, or null. */
    final ExecutorService threads;

    private TrialUnits(ProcessPool pool, ExecutorService threads) {
        this.pool = pool;
        this.threads = threads;
    }

    /** Worker JVMs of {@code jvm}, one per CPU, if {@code executor} keeps them; else its threads (none for a pool started per operation). */
    static TrialUnits open(PoolExecutor executor, WorkerJvmFlags jvm) throws IOException, InterruptedException {
        if (executor.keepsWorkerJvms()) {
            return new TrialUnits(PoolWorker.startPool(jvm, ProcessPool.defaultSize()), null);
        }
        return new TrialUnits(null, executor.openThreads());
    }

    /** The kept worker JVMs' pids, whose CPU time {@link CpuPerOperation} adds up; none without them. */
    List<Long> workerPids() {
        return pool == null ? List.of() : pool.workerPids();
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.close();
        }
        if (threads != null) {
            threads.shutdownNow();
            threads.close();
        }
    }
}
