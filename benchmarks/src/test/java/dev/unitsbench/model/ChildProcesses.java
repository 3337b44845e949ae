package dev.unitsbench.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What tests need to know about processes: which are still running code. */
final class ChildProcesses {

    private ChildProcesses() {
    }

    /** The live descendants of this JVM, zombies excluded. */
    static List<ProcessHandle> runningDescendants() {
        return ProcessHandle.current().descendants().filter(ChildProcesses::isRunning).toList();
    }

    /**
     * Whether a process still runs code. A zombie (exited, not yet reaped: its new parent may be
     * a PID 1 that reaps slowly) runs nothing and holds no memory, so it counts as gone.
     */
    static boolean isRunning(ProcessHandle process) {
        if (!process.isAlive()) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            // Format: pid (comm) state ...; comm may hold spaces and parentheses, so look after the last ')'.
            char state = stat.substring(stat.lastIndexOf(')') + 2).charAt(0);
            return state != 'Z' && state != 'X';
        } catch (IOException e) {
            return false; // no /proc entry: gone
        }
    }

    /**
     * Whether the kernel still has an entry for the process, running or zombie. A child that was
     * killed and reaped by its parent has none; a zombie is a child nobody has waited for.
     */
    static boolean hasProcessEntry(long pid) {
        return Files.exists(Path.of("/proc", Long.toString(pid)));
    }

    /** Waits until none of the processes runs code, or the timeout passes; returns those still running. */
    static List<ProcessHandle> awaitGone(List<ProcessHandle> processes, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        List<ProcessHandle> running = processes;
        while (!(running = running.stream().filter(ChildProcesses::isRunning).toList()).isEmpty()
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return running;
    }
}
