package dev.unitsbench.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The process pool of long-lived worker JVMs (claims Q9, Q5): the API of Python's
 * {@code ProcessPoolExecutor} (submit, map in order, completion callbacks), what a failing task
 * and a dying worker do, that closing it leaves no child process, and the task protocol both
 * sides speak. Its workers run {@link PoolTestWorker}: the pool knows tasks, not what they do.
 */
@Timeout(120)
class ProcessPoolTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private static ProcessPool start(int size) throws Exception {
        return ProcessPool.start(ChildJvmLauncher.lean(), size, new PoolTestWorker());
    }

    @Test
    void submitMapAndCallbacksWorkLikeProcessPoolExecutorAndCloseLeavesNoChild() throws Exception {
        List<ProcessHandle> children;
        try (ProcessPool pool = start(2)) {
            assertEquals(2, pool.size());
            children = pool.workerPids().stream().map(pid -> ProcessHandle.of(pid).orElseThrow()).toList();
            assertEquals(pool.size(), children.size());

            assertEquals("HELLO", pool.submit("upper hello").get(60, TimeUnit.SECONDS));

            List<String> tasks = new ArrayList<>();
            List<String> expected = new ArrayList<>();
            for (int i = 1; i <= 12; i++) { // more tasks than workers: most of them wait in the queue
                tasks.add("upper task" + i + "x");
                expected.add("TASK" + i + "X");
            }
            assertEquals(expected, pool.map(tasks, TIMEOUT), "map answers in the order of the tasks");

            List<String> pids = pool.map(List.of("sleep 3000", "pid", "pid"), TIMEOUT).subList(1, 3);
            assertEquals(1, new HashSet<>(pids).size(), "the idle worker took both tasks while the other slept: " + pids);
            assertTrue(pool.workerPids().contains(Long.parseLong(pids.get(0))), "the answer came from a worker JVM");

            AtomicReference<String> called = new AtomicReference<>();
            CountDownLatch callback = new CountDownLatch(1);
            pool.submit("upper callback").whenComplete((answer, failure) -> {
                called.set(answer);
                callback.countDown();
            });
            assertTrue(callback.await(60, TimeUnit.SECONDS), "the completion callback ran");
            assertEquals("CALLBACK", called.get());
        }
        assertEquals(List.of(), ChildProcesses.awaitGone(children, 2_000), "a worker JVM still runs after close()");
        for (ProcessHandle child : children) {
            assertFalse(ChildProcesses.hasProcessEntry(child.pid()), "worker " + child.pid() + " was not reaped");
        }
    }

    @Test
    void aTaskThatFailsInAWorkerFailsItsFutureAndThePoolCarriesOn() throws Exception {
        try (ProcessPool pool = start(1)) {
            ExecutionException failed = assertThrows(ExecutionException.class,
                    () -> pool.submit("fail out of disk").get(60, TimeUnit.SECONDS));
            assertInstanceOf(ProcessPool.TaskFailedException.class, failed.getCause());
            assertTrue(failed.getCause().getMessage().contains("IllegalStateException: out of disk"), failed.getCause().getMessage());

            ExecutionException unknown = assertThrows(ExecutionException.class, () -> pool.map(List.of("upper a", "dance"), TIMEOUT));
            assertTrue(unknown.getCause().getMessage().contains("unknown task 'dance'"), unknown.getCause().getMessage());

            assertEquals(Optional.empty(), pool.brokenReason());
            assertEquals("", pool.submit("upper").get(60, TimeUnit.SECONDS), "an empty answer");
            assertEquals("A", pool.submit("upper a").get(60, TimeUnit.SECONDS));
            assertThrows(IllegalArgumentException.class, () -> pool.submit("upper a\nupper b"), "a task is one line");
        }
    }

    @Test
    void aWorkerThatDiesMidTaskFailsThatTaskAndTheQueuedOnesAndThePoolSaysItIsBroken() throws Exception {
        List<ProcessHandle> children;
        try (ProcessPool pool = start(1)) {
            children = pool.workerPids().stream().map(pid -> ProcessHandle.of(pid).orElseThrow()).toList();
            CompletableFuture<String> running = pool.submit("sleep 60000");
            CompletableFuture<String> queued = pool.submit("upper a");
            Thread.sleep(200); // let the worker start the task (it fails the same way if it has not)

            children.get(0).destroyForcibly(); // SIGKILL, as the OOM killer would

            ExecutionException died = assertThrows(ExecutionException.class, () -> running.get(30, TimeUnit.SECONDS),
                    "the task of a dead worker fails, it does not hang");
            assertInstanceOf(ProcessPool.BrokenPoolException.class, died.getCause());
            String message = died.getCause().getMessage();
            assertTrue(message.contains("worker JVM " + children.get(0).pid() + " exited with status 137"), message);
            assertTrue(message.contains("sleep 60000"), "names the task: " + message);
            ExecutionException dropped = assertThrows(ExecutionException.class, () -> queued.get(30, TimeUnit.SECONDS));
            assertInstanceOf(ProcessPool.BrokenPoolException.class, dropped.getCause());

            assertEquals(Optional.of(message), pool.brokenReason());
            RejectedExecutionException refused = assertThrows(RejectedExecutionException.class, () -> pool.submit("upper a"));
            assertEquals(message, refused.getMessage());
        }
        assertEquals(List.of(), ChildProcesses.awaitGone(children, 2_000));
    }

    @Test
    void aClosedPoolRefusesTasksAndBadSizesAreRefused() throws Exception {
        ProcessPool pool = start(1);
        pool.close();
        pool.close(); // twice is harmless
        assertThrows(RejectedExecutionException.class, () -> pool.submit("upper a"));
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class, () -> start(0));
        assertTrue(zero.getMessage().contains("at least 1 worker"), zero.getMessage());
        assertEquals(Runtime.getRuntime().availableProcessors(), ProcessPool.defaultSize(), "Python's default: the CPU count");
    }

    @Test
    void theWorkerSideAnswersEachTaskWithOneLineAndServesOnAfterAFailure() throws Exception {
        StringWriter out = new StringWriter();
        String tasks = "upper a b\n  upper c  \nfail boom\ndance\nupper\n";

        long served = TaskProtocol.serve(new BufferedReader(new StringReader(tasks)), out, PoolTestWorker::answer);

        assertEquals(5, served);
        assertEquals(List.of("ready", "ok A B", "ok C", "error IllegalStateException: boom", "error unknown task 'dance'", "ok"),
                out.toString().lines().toList());
        assertEquals("error IllegalStateException: two lines", TaskProtocol.answerLine("x", task -> {
            throw new IllegalStateException("two\nlines");
        }), "a message with a line break stays one line");
        assertTrue(TaskProtocol.answerLine("x", task -> "two\nlines").startsWith("error "), "an answer of two lines is refused");
    }
}
