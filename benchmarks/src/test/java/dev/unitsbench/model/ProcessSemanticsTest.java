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
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tutorial's process semantics (claim Q11) on {@link ChildJvm}, each test writing the
 * finding the report shows ({@link Findings}):
 * <ul>
 *   <li>{@code daemon} (evidence): Python's daemon, as Python defines it: when the parent exits
 *       normally, its daemonic children are terminated, while a child not marked daemon runs on
 *       unless joined (Python's exit joins it; the JVM's does not).</li>
 *   <li>{@code watchdog} (not evidence): the suite's own guard, that a child halts within 1 s
 *       after its parent is killed with SIGKILL; Python's daemon children do not do that.</li>
 *   <li>{@code terminate} (evidence): {@code terminate()} kills at once and leaves no zombie.</li>
 *   <li>{@code shared-lock} (evidence): a lock that lives in shared memory, as
 *       {@code multiprocessing.Lock} does, held by a child killed with SIGKILL stays taken.</li>
 *   <li>{@code file-lock} (not evidence): another kind of lock, an fcntl file lock, which the
 *       Linux kernel releases when its holder dies.</li>
 * </ul>
 * Each finding is recorded before the assertions, so the report states what this machine did
 * either way.
 */
@Timeout(120)
class ProcessSemanticsTest {

    private static final boolean LINUX = System.getProperty("os.name").startsWith("Linux");

    /** How long the non-daemon child of the daemon test sleeps: it must outlive its parent's exit. */
    private static final long NON_DAEMON_SLEEP_MILLIS = 20_000;

    @Test
    void aDaemonChildIsTerminatedWhenItsParentExits() throws Exception {
        assumeTrue(LINUX, "reads /proc");
        Process parent = startJvm(ParentThatExits.class, Long.toString(NON_DAEMON_SLEEP_MILLIS));
        ProcessHandle nonDaemon = null;
        try {
            String line = new BufferedReader(new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8)).readLine();
            assertNotNull(line, "the parent JVM printed no child pids");
            String[] pids = line.strip().split(" ");
            ProcessHandle daemon = ProcessHandle.of(Long.parseLong(pids[0])).orElseThrow();
            nonDaemon = ProcessHandle.of(Long.parseLong(pids[1])).orElseThrow();

            assertTrue(parent.waitFor(60, TimeUnit.SECONDS), "the parent JVM did not exit by itself");
            int parentStatus = parent.exitValue();
            List<ProcessHandle> daemonLeft = ChildProcesses.awaitGone(List.of(daemon), 1_000);
            boolean nonDaemonRuns = ChildProcesses.isRunning(nonDaemon);
            boolean holds = parentStatus == 0 && daemonLeft.isEmpty() && nonDaemonRuns;
            Findings.record("Q11", "daemon", getClass().getName() + "#aDaemonChildIsTerminatedWhenItsParentExits",
                    "A parent JVM started a daemon child JVM (ChildJvm) and a child not marked daemon, then"
                            + " exited normally (status " + parentStatus + ") without joining them: the daemon child "
                            + (daemonLeft.isEmpty() ? "was terminated by the parent's exit (its shutdown hook)"
                                    : "still ran 1 s later")
                            + ", and the other child " + (nonDaemonRuns ? "ran on" : "had ended") + "."
                            + " (Python's exit also joins non-daemon children; the JVM's does not.)",
                    holds);
            assertEquals(0, parentStatus, "the parent JVM's exit status");
            assertEquals(List.of(), daemonLeft, "the daemon child still runs 1 s after its parent exited");
            assertTrue(nonDaemonRuns, "the child not marked daemon ended with its parent");
        } finally {
            parent.destroyForcibly();
            if (nonDaemon != null) {
                nonDaemon.destroyForcibly();
            }
        }
    }

    @Test
    void anOrphanedChildHaltsWithinOneSecondAfterItsParentIsKilledWithSigkill() throws Exception {
        Process parent = startJvm(ParentOfDaemon.class);
        try {
            String line = new BufferedReader(new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8)).readLine();
            assertNotNull(line, "the parent JVM printed no child pid");
            ProcessHandle child = ProcessHandle.of(Long.parseLong(line.strip())).orElseThrow();
            assertTrue(ChildProcesses.isRunning(child), "the child is not running");

            parent.destroyForcibly(); // SIGKILL: nothing of the parent runs any more
            parent.waitFor();
            List<ProcessHandle> left = ChildProcesses.awaitGone(List.of(child), 1_000);
            Findings.record("Q11", "watchdog", getClass().getName() + "#anOrphanedChildHaltsWithinOneSecondAfterItsParentIsKilledWithSigkill",
                    left.isEmpty()
                            ? "The suite's watchdog: a child JVM was gone within 1 s of its parent JVM being killed with"
                                    + " SIGKILL (each child polls its parent and halts when orphaned). This is the suite's"
                                    + " own guard, not a daemon's semantics: a Python daemon child outlives a killed parent."
                            : "The suite's watchdog failed: a child JVM still ran 1 s after its parent JVM was killed with SIGKILL.",
                    null, false);
            assertEquals(List.of(), left, "the child still runs 1 s after its parent was killed");
        } finally {
            parent.destroyForcibly();
        }
    }

    /** Starts a JVM on this test's class path running {@code main} of {@code mainClass}. */
    private static Process startJvm(Class<?> mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        // The parent adopts this JVM's lean child (thin jar, archive): a parent killed with SIGKILL
        // runs no hook, and would leave its own behind in the temp folder.
        command.addAll(LeanChildJvm.handedDown().forkOptions());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    @Test
    void aTerminatedChildIsKilledAtOnceAndLeavesNoZombie() throws Exception {
        assumeTrue(LINUX, "reads /proc");
        ChildJvm child = ChildJvm.start(ChildJvmLauncher.lean(), Sleep.of(60_000));
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
        ChildJvm graceful = ChildJvm.start(ChildJvmLauncher.lean(), new HoldFileLock(lockFile, 1_000));
        awaitLockedByAnother(lockFile, graceful); // the child is inside its workload
        OptionalLong result = graceful.stop(Duration.ofSeconds(30));
        assertEquals(OptionalLong.of(1_000), result, "a child stopped gracefully finishes its work and reports it");

        ChildJvm killed = ChildJvm.start(ChildJvmLauncher.lean(), new HoldFileLock(lockFile, 1_000));
        awaitLockedByAnother(lockFile, killed);
        assertEquals(137, killed.terminate(), "killed by SIGKILL in its workload, not ended by it");
    }

    /**
     * The tutorial says a lock held by a terminated process is never released. Its lock is a
     * {@code multiprocessing.Lock}: a semaphore in shared memory that belongs to no process. The
     * JVM's counterpart here is a compare-and-set word in a memory-mapped file: a child takes it
     * and is killed with SIGKILL, and no other process can take it afterwards. A child that ends
     * normally releases it (the control: the lock itself works).
     */
    @Test
    void aSharedMemoryLockHeldByAKilledChildStaysTaken(@TempDir Path dir) throws Exception {
        Path lockFile = dir.resolve("shared.lock");
        SharedMemoryLock lock = SharedMemoryLock.map(lockFile);

        try (ChildJvm polite = ChildJvm.start(ChildJvmLauncher.lean(), new HoldSharedLock(lockFile, 0))) {
            polite.join(Duration.ofSeconds(60));
        }
        assertTrue(lock.tryLock(), "the lock is taken after a child that released it ended");
        lock.unlock();

        ChildJvm child = ChildJvm.start(ChildJvmLauncher.lean(), new HoldSharedLock(lockFile, 60_000));
        awaitHeldBy(lock, child);
        child.terminate(); // SIGKILL: no finally, no unlock in the child
        boolean staysTaken = !lock.tryLock(SHARED_LOCK_TIMEOUT_MILLIS);
        Findings.record("Q11", "shared-lock", getClass().getName() + "#aSharedMemoryLockHeldByAKilledChildStaysTaken",
                staysTaken
                        ? "A child JVM holding a lock in shared memory (a compare-and-set word in a mapped file, as"
                                + " multiprocessing.Lock is a semaphore in shared memory) was killed with SIGKILL; no"
                                + " other process could take the lock within " + SHARED_LOCK_TIMEOUT_MILLIS + " ms: it stays taken."
                        : "A child JVM holding a lock in shared memory was killed with SIGKILL; another process could"
                                + " take the lock afterwards.",
                staysTaken);
        assertTrue(staysTaken, "the killed child's shared-memory lock was taken by another process");
        assertEquals(child.pid(), lock.holder(), "the word still names the killed holder");
    }

    /** How long another process tries to take the shared lock after its holder was killed. */
    private static final long SHARED_LOCK_TIMEOUT_MILLIS = 1_000;

    /** Waits until the child holds the shared lock. */
    private static void awaitHeldBy(SharedMemoryLock lock, ChildJvm holder) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (lock.holder() != holder.pid()) {
            assertTrue(holder.isAlive(), "the child ended before it took the lock");
            assertTrue(System.nanoTime() < deadline, "the child did not take the lock in 30 s");
            Thread.sleep(10);
        }
    }

    /**
     * Another kind of lock than the tutorial's, shown beside it: a file lock
     * ({@code FileChannel.lock}, an fcntl record lock). The Linux kernel releases every such lock
     * a process holds when the process dies, however it dies. Not evidence for the claim, whose
     * lock lives in shared memory ({@link #aSharedMemoryLockHeldByAKilledChildStaysTaken}).
     */
    @Test
    void onLinuxTheKernelReleasesTheFileLockOfAChildKilledWithSigkill(@TempDir Path dir) throws Exception {
        assumeTrue(LINUX, "states what Linux does");
        Path lockFile = dir.resolve("tickets.lock");
        ChildJvm child = ChildJvm.start(ChildJvmLauncher.lean(), new HoldFileLock(lockFile, 60_000));
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
                null, false);
        assertTrue(released, "the killed child's file lock is still held");
    }

    /** Waits until another process holds an exclusive lock on the file. */
    private static void awaitLockedByAnother(Path file, ChildJvm holder) throws Exception {
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
