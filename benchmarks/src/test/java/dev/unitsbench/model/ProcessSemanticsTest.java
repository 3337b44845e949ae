package dev.unitsbench.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.unitsbench.findings.Findings;
import dev.unitsbench.work.Sleep;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tutorial's process semantics (claim Q11) on {@link WorkerProcess}: daemon children end with
 * their parent, {@code terminate()} kills at once and leaves no zombie, a graceful stop lets the
 * child finish, and what becomes of a file lock held by a killed child.
 */
@Timeout(120)
class ProcessSemanticsTest {

    private static final boolean LINUX = System.getProperty("os.name").startsWith("Linux");

    @Test
    void aDaemonChildIsGoneWithinOneSecondAfterItsParentIsKilledWithSigkill() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process parent = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                ParentOfDaemon.class.getName())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        try {
            String line = new BufferedReader(new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8)).readLine();
            assertNotNull(line, "the parent JVM printed no child pid");
            ProcessHandle child = ProcessHandle.of(Long.parseLong(line.strip())).orElseThrow();
            assertTrue(ChildProcesses.isRunning(child), "the daemon child is not running");

            parent.destroyForcibly(); // SIGKILL: nothing of the parent runs any more
            parent.waitFor();
            List<ProcessHandle> left = ChildProcesses.awaitGone(List.of(child), 1_000);
            Findings.record("Q11", "daemon", getClass().getName() + "#aDaemonChildIsGoneWithinOneSecondAfterItsParentIsKilledWithSigkill",
                    left.isEmpty()
                            ? "A daemon child JVM was gone within 1 s of its parent JVM being killed with SIGKILL (the"
                                    + " child watches its parent: the JVM has no daemon processes of its own)."
                            : "A daemon child JVM still ran 1 s after its parent JVM was killed with SIGKILL.",
                    left.isEmpty());
            assertEquals(List.of(), left, "the daemon child still runs 1 s after its parent was killed");
        } finally {
            parent.destroyForcibly();
        }
    }

    @Test
    void aTerminatedChildIsKilledAtOnceAndLeavesNoZombie() throws Exception {
        assumeTrue(LINUX, "reads /proc");
        WorkerProcess child = WorkerProcess.start(ChildJvmLauncher.lean(), Sleep.of(60_000));
        long pid = child.pid();
        int status = child.terminate();
        boolean reaped = !child.isAlive() && !ChildProcesses.hasProcessEntry(pid);
        Findings.record("Q11", "terminate", getClass().getName() + "#aTerminatedChildIsKilledAtOnceAndLeavesNoZombie",
                "terminate() killed a sleeping child JVM with SIGKILL (exit status " + status + ", no clean-up ran in it)"
                        + (reaped ? " and the parent reaped it: no zombie left." : "; its /proc entry was still there afterwards."),
                status == 137);
        assertEquals(137, status, "exit status of a child killed by SIGKILL (128 + 9)");
        assertFalse(child.isAlive());
        assertTrue(reaped,
                "a terminated child must be reaped by its parent, not left as a zombie: /proc/" + pid + " still exists");
    }

    @Test
    void aGracefulStopLetsTheChildFinishItsWorkWhileTerminateDoesNot(@TempDir Path dir) throws Exception {
        Path lockFile = dir.resolve("work.lock");
        WorkerProcess graceful = WorkerProcess.start(ChildJvmLauncher.lean(), new HoldFileLock(lockFile, 1_000));
        awaitLockedByAnother(lockFile, graceful); // the child is inside its workload
        OptionalLong result = graceful.stop(Duration.ofSeconds(30));
        assertEquals(OptionalLong.of(1_000), result, "a child stopped gracefully finishes its work and reports it");

        WorkerProcess killed = WorkerProcess.start(ChildJvmLauncher.lean(), new HoldFileLock(lockFile, 1_000));
        awaitLockedByAnother(lockFile, killed);
        assertEquals(137, killed.terminate(), "killed by SIGKILL in its workload, not ended by it");
    }

    /**
     * The tutorial says a lock held by a terminated process is never released. For a file lock
     * ({@code FileChannel.lock}, an fcntl record lock) that is false on Linux: the kernel releases
     * every lock a process holds when the process dies, however it dies. (The tutorial's lock is a
     * {@code multiprocessing.Lock}, a semaphore in shared memory that belongs to no process; that
     * one does stay taken.)
     */
    @Test
    void onLinuxTheKernelReleasesTheFileLockOfAChildKilledWithSigkill(@TempDir Path dir) throws Exception {
        assumeTrue(LINUX, "states what Linux does");
        Path lockFile = dir.resolve("tickets.lock");
        WorkerProcess child = WorkerProcess.start(ChildJvmLauncher.lean(), new HoldFileLock(lockFile, 60_000));
        awaitLockedByAnother(lockFile, child);

        child.terminate(); // SIGKILL: no finally, no shutdown hook, no unlock in the child
        boolean released;
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
             FileLock lock = channel.tryLock()) {
            released = lock != null;
        }
        // Recorded before the assertion, so the report states what this machine did either way.
        Findings.record("Q11", "file-lock", getClass().getName() + "#onLinuxTheKernelReleasesTheFileLockOfAChildKilledWithSigkill",
                released
                        ? "A child JVM holding a FileChannel.lock (an fcntl lock) was killed with SIGKILL; the parent"
                                + " could take the lock at once: the kernel released it."
                        : "A child JVM holding a FileChannel.lock (an fcntl lock) was killed with SIGKILL; the lock"
                                + " was still held afterwards.",
                !released);
        assertTrue(released, "the killed child's file lock is still held");
    }

    /** Waits until another process holds an exclusive lock on the file. */
    private static void awaitLockedByAnother(Path file, WorkerProcess holder) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (true) {
            assertTrue(holder.isAlive(), "the child ended before it took the lock");
            assertTrue(System.nanoTime() < deadline, "the child did not take the lock in 30 s");
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock lock = channel.tryLock()) {
                if (lock == null) {
                    return;
                }
            }
            Thread.sleep(10);
        }
    }
}
