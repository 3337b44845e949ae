package dev.unitsbench.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unitsbench.work.MixedTask;
import java.time.Duration;
import java.util.ArrayList;
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
 * The process pool of long-lived worker JVMs (claim Q9): the API of Python's
 * {@code ProcessPoolExecutor} (submit, map in order, completion callbacks, CPU-count default),
 * what a failing task and a dying worker do, and that closing it leaves no child process.
 */
@Timeout(120)
class ProcessPoolTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    /** A task whose answer is {@code copies} times one loop result: answers tell tasks apart. */
    private static String copies(int copies) {
        return "mixed " + copies + " 1000 0";
    }

    private static final long ONE_COPY = new MixedTask(1000, 0).expectedResult();

    @Test
    void submitMapAndCallbacksWorkLikeProcessPoolExecutorAndCloseLeavesNoChild() throws Exception {
        List<ProcessHandle> children;
        try (ProcessPool pool = ProcessPool.start()) {
            assertEquals(Runtime.getRuntime().availableProcessors(), pool.size(), "default size: the CPU count");
            children = pool.workerPids().stream().map(pid -> ProcessHandle.of(pid).orElseThrow()).toList();
            assertEquals(pool.size(), children.size());

            assertEquals(Long.toString(2 * ONE_COPY), pool.submit(copies(2)).get(60, TimeUnit.SECONDS));

            List<String> tasks = new ArrayList<>();
            List<String> expected = new ArrayList<>();
            for (int i = 1; i <= 12; i++) { // more tasks than workers: most of them wait in the queue
                tasks.add(copies(i));
                expected.add(Long.toString(i * ONE_COPY));
            }
            assertEquals(expected, pool.map(tasks, TIMEOUT), "map answers in the order of the tasks");

            AtomicReference<String> called = new AtomicReference<>();
            CountDownLatch callback = new CountDownLatch(1);
            pool.submit(copies(5)).whenComplete((answer, failure) -> {
                called.set(answer);
                callback.countDown();
            });
            assertTrue(callback.await(60, TimeUnit.SECONDS), "the completion callback ran");
            assertEquals(Long.toString(5 * ONE_COPY), called.get());
        }
        assertEquals(List.of(), ChildProcesses.awaitGone(children, 2_000), "a worker JVM still runs after close()");
        for (ProcessHandle child : children) {
            assertFalse(ChildProcesses.hasProcessEntry(child.pid()), "worker " + child.pid() + " was not reaped");
        }
    }

    @Test
    void aTaskThatFailsInAWorkerFailsItsFutureAndThePoolCarriesOn() throws Exception {
        try (ProcessPool pool = ProcessPool.start(1)) {
            ExecutionException failed = assertThrows(ExecutionException.class,
                    () -> pool.submit("scan /no/such/file.log.gz").get(60, TimeUnit.SECONDS));
            assertInstanceOf(ProcessPool.TaskFailedException.class, failed.getCause());
            assertTrue(failed.getCause().getMessage().contains("NoSuchFileException"), failed.getCause().getMessage());

            ExecutionException unknown = assertThrows(ExecutionException.class, () -> pool.map(List.of(copies(1), "dance"), TIMEOUT));
            assertTrue(unknown.getCause().getMessage().contains("unknown task 'dance'"), unknown.getCause().getMessage());

            assertEquals(Optional.empty(), pool.brokenReason());
            assertEquals(Long.toString(ONE_COPY), pool.submit(copies(1)).get(60, TimeUnit.SECONDS));
            assertThrows(IllegalArgumentException.class, () -> pool.submit("scan a\nscan b"), "a task is one line");
        }
    }

    @Test
    void aWorkerThatDiesMidTaskFailsThatTaskAndTheQueuedOnesAndThePoolSaysItIsBroken() throws Exception {
        List<ProcessHandle> children;
        try (ProcessPool pool = ProcessPool.start(1)) {
            children = pool.workerPids().stream().map(pid -> ProcessHandle.of(pid).orElseThrow()).toList();
            CompletableFuture<String> running = pool.submit("mixed 1 0 60000"); // sleeps a minute
            CompletableFuture<String> queued = pool.submit(copies(1));
            Thread.sleep(200); // let the worker start the task (it fails the same way if it has not)

            children.get(0).destroyForcibly(); // SIGKILL, as the OOM killer would

            ExecutionException died = assertThrows(ExecutionException.class, () -> running.get(30, TimeUnit.SECONDS),
                    "the task of a dead worker fails, it does not hang");
            assertInstanceOf(ProcessPool.BrokenPoolException.class, died.getCause());
            String message = died.getCause().getMessage();
            assertTrue(message.contains("worker JVM " + children.get(0).pid() + " exited with status 137"), message);
            assertTrue(message.contains("mixed 1 0 60000"), "names the task: " + message);
            ExecutionException dropped = assertThrows(ExecutionException.class, () -> queued.get(30, TimeUnit.SECONDS));
            assertInstanceOf(ProcessPool.BrokenPoolException.class, dropped.getCause());

            assertEquals(Optional.of(message), pool.brokenReason());
            RejectedExecutionException refused = assertThrows(RejectedExecutionException.class, () -> pool.submit(copies(1)));
            assertEquals(message, refused.getMessage());
        }
        assertEquals(List.of(), ChildProcesses.awaitGone(children, 2_000));
    }

    @Test
    void aClosedPoolRefusesTasksAndBadSizesAreRefused() throws Exception {
        ProcessPool pool = ProcessPool.start(1);
        pool.close();
        pool.close(); // twice is harmless
        assertThrows(RejectedExecutionException.class, () -> pool.submit(copies(1)));
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class, () -> ProcessPool.start(0));
        assertTrue(zero.getMessage().contains("at least 1 worker"), zero.getMessage());
    }
}
