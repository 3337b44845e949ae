package dev.unitsbench.model;

/**
 * The ways a program can run several copies of the same work at once: the tutorial's
 * processes, threads and coroutines, as the JVM offers them.
 */
public enum ExecutionModel {

    /**
     * One fresh child JVM per copy, started with lean flags on the parent's JDK: the JVM's
     * {@code multiprocessing.Process(target=...)}. There is no {@code fork} on the JVM, so each
     * copy pays a JVM start-up. Opening it prepares the lean child unless one was handed down
     * ({@link LeanChildJvm#prepareUnlessHandedDown()}).
     */
    PROCESS {
        @Override
        public ConcurrentRunner open() {
            return new ChildJvmRunner(LeanChildJvm.prepareUnlessHandedDown().launcher());
        }
    },

    /** One new platform (OS) thread per copy, as {@code threading.Thread(target=...).start()}. */
    PLATFORM_THREAD {
        @Override
        public ConcurrentRunner open() {
            return new ThreadRunner(threadBuilder("platform-worker-"));
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
            return new ThreadRunner(threadBuilder("virtual-worker-"));
        }
    };

    /** A runner for this model; close it when done. */
    public abstract ConcurrentRunner open();

    /**
     * The builder of this model's threads, for a family that starts threads of its own (a
     * ping-pong, a server, a queue's consumers) instead of handing copies to {@link #open()}:
     * virtual threads for {@link #VIRTUAL_THREAD}, platform threads for the two platform models.
     *
     * @throws UnsupportedOperationException for {@link #PROCESS}, whose units are child JVMs
     */
    public Thread.Builder threadBuilder(String namePrefix) {
        return switch (this) {
            case PLATFORM_THREAD, THREAD_POOL -> Thread.ofPlatform().name(namePrefix, 0);
            case VIRTUAL_THREAD -> Thread.ofVirtual().name(namePrefix, 0);
            case PROCESS -> throw new UnsupportedOperationException("PROCESS runs child JVMs, not threads");
        };
    }
}
