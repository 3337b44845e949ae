package dev.unitsbench.worker;

import dev.unitsbench.work.EmulatedGil;
import dev.unitsbench.work.Workload;
import dev.unitsbench.work.Workloads;
import java.util.List;
import java.util.Optional;

/**
 * The main class of a child JVM: the JVM's counterpart of the tutorial's
 * {@code Process(target=work)}. It rebuilds the workload from its arguments, runs it once, and
 * prints the result line of {@link WorkerProtocol}.
 *
 * <p>It never outlives its parent: a daemon thread looks up this process's parent every
 * {@link #PARENT_POLL_MILLIS} ms. When the parent dies, however it dies (SIGKILL included), the
 * kernel hands its children to another process at once, the parent's pid changes, and this JVM
 * halts.
 *
 * <p>Why not wait for end-of-file on standard input instead? A thread blocked in a native read
 * holds up {@code System.exit} by about 300 ms (HotSpot waits for threads in native code before it
 * exits), which would add 300 ms to every process measured here. A sleeping thread costs nothing.
 */
public final class WorkerMain {

    private WorkerMain() {
    }

    public static void main(String[] args) {
        watchParent();
        Workload workload;
        try {
            workload = Workloads.fromArgs(List.of(args), new EmulatedGil());
        } catch (IllegalArgumentException e) {
            System.err.println("worker: " + e.getMessage());
            System.exit(WorkerProtocol.EXIT_BAD_ARGUMENTS);
            return;
        }
        letWorkFinishOnStop();
        int status;
        try {
            long result = workload.run();
            System.out.println(WorkerProtocol.resultLine(result));
            System.out.flush();
            status = 0;
        } catch (Exception e) {
            System.err.println("worker: " + workload.toArgs() + " failed: " + e);
            status = WorkerProtocol.EXIT_WORKLOAD_FAILED;
        }
        workEnded();
        System.exit(status);
    }

    /** Whether the workload has ended and its outcome is printed; guarded by {@link #WORK_ENDED}. */
    private static boolean workEnded;

    private static final Object WORK_ENDED = new Object();

    /**
     * A graceful stop lets the workload finish. On SIGTERM ({@code Process.destroy()}) the JVM
     * runs its shutdown hooks while the main thread keeps running; this hook waits until the
     * workload has printed its outcome. The child then exits with SIGTERM's status (143), its
     * result line written. A parent that cannot wait kills it with SIGKILL, and nothing runs.
     */
    static void letWorkFinishOnStop() {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            synchronized (WORK_ENDED) {
                while (!workEnded) {
                    try {
                        WORK_ENDED.wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        }, "finish-work"));
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
        Optional<Long> parent = named != null ? Optional.of(Long.parseLong(named)) : parentPid();
        Thread watcher = new Thread(() -> {
            try {
                while (parentPid().equals(parent)) {
                    Thread.sleep(PARENT_POLL_MILLIS);
                }
            } catch (InterruptedException e) {
                // Nobody interrupts this thread; if somebody does, stop watching and halt all the same.
            }
            Runtime.getRuntime().halt(WorkerProtocol.EXIT_ORPHANED);
        }, "parent-watch");
        watcher.setDaemon(true);
        watcher.start();
    }

    private static Optional<Long> parentPid() {
        return ProcessHandle.current().parent().map(ProcessHandle::pid);
    }
}
