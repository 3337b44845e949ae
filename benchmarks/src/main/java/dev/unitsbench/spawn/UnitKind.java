package dev.unitsbench.spawn;

import dev.unitsbench.model.ExecutionModel;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * The units whose start-up claim T3 compares, each started empty and waited for: a native OS
 * process ({@code /bin/true}), a platform thread, a virtual thread. This is the one factor
 * {@link StartJoin}'s rows differ in.
 */
public enum UnitKind {

    /** {@code /bin/true} started with no pipes ({@link QuietProcess}), waited for, exit status checked. */
    NATIVE_PROCESS {
        @Override
        Starter starter() {
            return nativeProgram(List.of(NATIVE_TRUE));
        }
    },

    /** A platform thread with an empty body, joined: the suite's PLATFORM_THREAD unit. */
    PLATFORM_THREAD {
        @Override
        Starter starter() {
            return threads(ExecutionModel.PLATFORM_THREAD.threadBuilder("started-platform-"));
        }
    },

    /** A virtual thread with an empty body, joined: the suite's VIRTUAL_THREAD unit. */
    VIRTUAL_THREAD {
        @Override
        Starter starter() {
            return threads(ExecutionModel.VIRTUAL_THREAD.threadBuilder("started-virtual-"));
        }
    };

    /** A native program that exits at once with status 0: the OS's own cost of a process. */
    static final String NATIVE_TRUE = "/bin/true";

    /** A starter of this kind of unit; one per trial (a thread builder numbers its threads). */
    abstract Starter starter();

    /** Starts one unit. */
    interface Starter {
        Started start() throws IOException;
    }

    /** A started unit. */
    interface Started {
        /**
         * Waits until the unit has ended, at the latest at {@code deadlineNanos}
         * ({@link System#nanoTime()}), and returns its id (pid or thread id), for the caller to consume.
         *
         * @throws TimeoutException if it is still running then
         */
        long await(long deadlineNanos) throws InterruptedException, TimeoutException;

        /** Stops a unit that was never waited for (a batch cut short by a failure). */
        void stop();
    }

    /** A starter of {@code command} with no pipes; its units fail unless they exit with status 0. */
    static Starter nativeProgram(List<String> command) {
        ProcessBuilder builder = QuietProcess.builder(command);
        return () -> {
            Process process = builder.start();
            return new Started() {
                @Override
                public long await(long deadlineNanos) throws InterruptedException, TimeoutException {
                    return QuietProcess.awaitExit(process, deadlineNanos);
                }

                @Override
                public void stop() {
                    process.destroyForcibly();
                }
            };
        };
    }

    /** The whole body of a started thread: nothing, as {@code /bin/true} does nothing. */
    private static final Runnable NOTHING = () -> { };

    private static Starter threads(Thread.Builder builder) {
        return () -> {
            Thread thread = builder.start(NOTHING);
            return new Started() {
                @Override
                public long await(long deadlineNanos) throws InterruptedException, TimeoutException {
                    if (!thread.join(Duration.ofNanos(Math.max(0, deadlineNanos - System.nanoTime())))) {
                        throw new TimeoutException(thread.getName() + " was still running at its deadline");
                    }
                    return thread.threadId();
                }

                @Override
                public void stop() {
                    thread.interrupt();
                }
            };
        };
    }
}
