package dev.unitsbench.model;

/**
 * The ways a program can run several copies of the same work at once: the tutorial's
 * processes, threads and coroutines, as the JVM offers them.
 */
public enum ExecutionModel {

    /**
     * One fresh child JVM per copy, started with lean flags on the parent's JDK: the JVM's
     * {@code multiprocessing.Process(target=...)}. There is no {@code fork} on the JVM, so each
     * copy pays a JVM start-up.
     */
    PROCESS {
        @Override
        public ConcurrentRunner open() {
            return new ChildJvmRunner(ChildJvmLauncher.lean());
        }
    },

    /** One new platform (OS) thread per copy, as {@code threading.Thread(target=...).start()}. */
    PLATFORM_THREAD {
        @Override
        public ConcurrentRunner open() {
            return new ThreadRunner(Thread.ofPlatform().name("platform-worker-", 0));
        }
    },

    /**
     * A fixed pool of platform threads, one per CPU ({@code Runtime.availableProcessors()}), like
     * {@code ThreadPoolExecutor}/{@code Pool} with their CPU-count default. Copies beyond the pool
     * size wait in its queue.
     */
    THREAD_POOL {
        @Override
        public ConcurrentRunner open() {
            return new ThreadPoolRunner(Runtime.getRuntime().availableProcessors());
        }
    },

    /**
     * One new virtual thread per copy: the JVM's coroutine, scheduled in user space onto a few
     * carrier threads, yet written as plain blocking code.
     */
    VIRTUAL_THREAD {
        @Override
        public ConcurrentRunner open() {
            return new ThreadRunner(Thread.ofVirtual().name("virtual-worker-", 0));
        }
    };

    /** A runner for this model; close it when done. */
    public abstract ConcurrentRunner open();
}
