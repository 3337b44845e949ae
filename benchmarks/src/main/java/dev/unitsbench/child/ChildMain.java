package dev.unitsbench.child;

import dev.unitsbench.work.EmulatedGil;
import dev.unitsbench.work.Workload;
import dev.unitsbench.work.Workloads;
import java.util.List;
import java.util.Optional;

/**
 * The main class of a child JVM: the JVM's counterpart of the tutorial's
 * {@code Process(target=work)}. It rebuilds the workload from its arguments, runs it once, and
 * prints the result line of {@link ChildProtocol}.
 *
 * <p>It never outlives its parent: a daemon thread looks up this process's parent every
 * {@link #PARENT_POLL_MILLIS} ms. When the parent dies, however it dies (SIGKILL included), the
 * kernel hands its children to another process at once, the parent's pid changes, and this JVM
 * halts.
 *
 * <p>Why not wait for end-of-file on standard input instead? A thread blocked in a native read
 * holds up {@code System.exit} by about 300 ms (HotSpot waits for threads in native code before it
 * exits), which would add 300 ms to every process measured here. A sleeping thread costs nothing.
 *
 * <p><b>The start path is kept at the JVM's floor</b> (every PROCESS figure includes it): no
 * lambdas or method references (each spins classes at start-up), no string concatenation with
 * {@code +} (an invokedynamic bootstrap), no {@link ProcessHandle} before the first poll (its class
 * starts a thread pool), the shared workloads built without reflection ({@link Workloads}), and
 * the JVM ended with {@link Runtime#halt} once the result is written: {@code System.exit} first
 * sets up {@code System.Logger} to log the exit. No child registers shutdown hooks of its own, so
 * halting skips nothing; during a graceful stop, the shutdown already under way ends the JVM.
 */
public final class ChildMain {

    private ChildMain() {
    }

    public static void main(String[] args) {
        watchParent();
        Workload workload;
        try {
            workload = Workloads.fromArgs(List.of(args), new EmulatedGil());
        } catch (IllegalArgumentException e) {
            System.err.println("child: ".concat(String.valueOf(e.getMessage())));
            end(ChildProtocol.EXIT_BAD_ARGUMENTS);
            return;
        }
        letWorkFinishOnStop();
        int status;
        try {
            long result = workload.run();
            System.out.println(ChildProtocol.resultLine(result));
            status = 0;
        } catch (Exception e) {
            System.err.println("child: " + workload.toArgs() + " failed: " + e);
            status = ChildProtocol.EXIT_WORKLOAD_FAILED;
        }
        workEnded();
        end(status);
    }

    /**
     * Ends this JVM with {@code status}, its output flushed. If a graceful stop (SIGTERM) is under
     * way, the shutdown it started ends the JVM (with SIGTERM's status) once the hooks are done.
     */
    private static void end(int status) {
        System.out.flush();
        System.err.flush();
        boolean shuttingDown;
        synchronized (WORK_ENDED) {
            shuttingDown = stopping;
        }
        if (shuttingDown) {
            System.exit(status); // blocks; the shutdown in progress ends the JVM once its hooks return
        }
        Runtime.getRuntime().halt(status);
    }

    /** Whether the workload has ended and its outcome is printed; guarded by {@link #WORK_ENDED}. */
    private static boolean workEnded;

    /** Whether a graceful stop has begun (the shutdown hooks run); guarded by {@link #WORK_ENDED}. */
    private static boolean stopping;

    private static final Object WORK_ENDED = new Object();

    /**
     * A graceful stop lets the workload finish. On SIGTERM ({@code Process.destroy()}) the JVM
     * runs its shutdown hooks while the main thread keeps running; this hook waits until the
     * workload has printed its outcome. The child then exits with SIGTERM's status (143), its
     * result line written. A parent that cannot wait kills it with SIGKILL, and nothing runs.
     */
    static void letWorkFinishOnStop() {
        Runtime.getRuntime().addShutdownHook(new FinishWork());
    }

    /** The shutdown hook of {@link #letWorkFinishOnStop} (a class, not a lambda: see the class comment). */
    private static final class FinishWork extends Thread {

        FinishWork() {
            super("finish-work");
        }

        @Override
        public void run() {
            synchronized (WORK_ENDED) {
                stopping = true;
                while (!workEnded) {
                    try {
                        WORK_ENDED.wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        }
    }

    private static void workEnded() {
        synchronized (WORK_ENDED) {
            workEnded = true;
            WORK_ENDED.notifyAll();
        }
    }

    /** How often a child looks for its parent: well within the 2 s a dead parent's children may linger. */
    static final long PARENT_POLL_MILLIS = 100;

    /**
     * System property through which the parent names itself. A child reads its parent only once
     * its {@code main} runs, 50 ms or more after the start; had the parent died in between, the
     * child would take its new parent for the real one and never stop.
     */
    public static final String PARENT_PID_PROPERTY = "unitsbench.parentPid";

    /** Starts the daemon thread that halts this JVM once its parent is gone. */
    static void watchParent() {
        String named = System.getProperty(PARENT_PID_PROPERTY);
        long parent = named != null ? Long.parseLong(named) : parentPid();
        ParentWatch watcher = new ParentWatch(parent);
        watcher.setDaemon(true);
        watcher.start();
    }

    /**
     * Polls the parent's pid; sleeps first, so that a short child ends before it ever touches
     * {@link ProcessHandle}. (A parent that died before this child's {@code main} ran is named
     * by {@link #PARENT_PID_PROPERTY}, so the first poll sees the change.)
     */
    private static final class ParentWatch extends Thread {

        private final long parent;

        ParentWatch(long parent) {
            super("parent-watch");
            this.parent = parent;
        }

        @Override
        public void run() {
            try {
                do {
                    Thread.sleep(PARENT_POLL_MILLIS);
                } while (parentPid() == parent);
            } catch (InterruptedException e) {
                // Nobody interrupts this thread; if somebody does, stop watching and halt all the same.
            }
            Runtime.getRuntime().halt(ChildProtocol.EXIT_ORPHANED);
        }
    }

    /** This process's parent's pid, or -1 if it has none. */
    private static long parentPid() {
        Optional<ProcessHandle> parent = ProcessHandle.current().parent();
        return parent.isPresent() ? parent.get().pid() : -1;
    }
}
