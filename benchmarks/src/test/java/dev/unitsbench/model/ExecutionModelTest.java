package dev.unitsbench.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unitsbench.work.CpuLoop;
import dev.unitsbench.work.Rendezvous;
import dev.unitsbench.work.Sleep;
import dev.unitsbench.work.Workload;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ExecutionModelTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final long RENDEZVOUS_WAIT_MILLIS = 20_000;

    @TempDir
    Path folder;

    @AfterEach
    void noChildOutlivesATest() throws InterruptedException {
        List<ProcessHandle> left = ChildProcesses.awaitGone(ChildProcesses.runningDescendants(), 2_000);
        assertTrue(left.isEmpty(), "child processes still running after the test: " + left);
    }

    /** How many copies a model promises to run at the same time in these tests. */
    private static int concurrentCopies(ExecutionModel model) {
        return switch (model) {
            case PROCESS -> 3; // three JVMs keep the test quick on 2 cores
            case THREAD_POOL -> Runtime.getRuntime().availableProcessors(); // the pool's size
            case PLATFORM_THREAD, VIRTUAL_THREAD -> 16;
        };
    }

    @ParameterizedTest
    @EnumSource(ExecutionModel.class)
    void runsAllCopiesAtTheSameTime(ExecutionModel model) throws Exception {
        int copies = concurrentCopies(model);
        // Every copy waits until all `copies` have arrived: it can only finish if all run at once.
        Workload meeting = new Rendezvous(folder, copies, RENDEZVOUS_WAIT_MILLIS);
        try (ConcurrentRunner runner = model.open()) {
            long sum = runner.runAll(meeting, copies, JoinOrder.AFTER_ALL_STARTED, TIMEOUT);
            assertEquals((long) copies * copies, sum, "each copy returns the number it met");
        }
        try (var marks = Files.list(folder)) {
            assertEquals(copies, marks.count(), "each copy left exactly one mark");
        }
    }

    @ParameterizedTest
    @EnumSource(ExecutionModel.class)
    void joiningAfterEachStartIsSerial(ExecutionModel model) {
        // The same rendezvous cannot succeed when each copy is awaited before the next starts:
        // this is the control that shows the test above can fail.
        Workload meeting = new Rendezvous(folder, 2, 500);
        try (ConcurrentRunner runner = model.open()) {
            assertThrows(ExecutionException.class,
                    () -> runner.runAll(meeting, 2, JoinOrder.AFTER_EACH_START, TIMEOUT));
        }
    }

    @ParameterizedTest
    @EnumSource(ExecutionModel.class)
    void everyModelComputesTheSameResult(ExecutionModel model) throws Exception {
        CpuLoop loop = CpuLoop.free(1_000_000);
        try (ConcurrentRunner runner = model.open()) {
            assertEquals(3 * loop.run(), runner.runAll(loop, 3, JoinOrder.AFTER_ALL_STARTED, TIMEOUT));
        }
    }

    @ParameterizedTest
    @EnumSource(ExecutionModel.class)
    void aFailingCopyFailsTheRun(ExecutionModel model) {
        // A rendezvous in a folder that does not exist fails in every copy.
        Workload broken = new Rendezvous(folder.resolve("missing"), 1, 100);
        try (ConcurrentRunner runner = model.open()) {
            assertThrows(ExecutionException.class,
                    () -> runner.runAll(broken, 2, JoinOrder.AFTER_ALL_STARTED, TIMEOUT));
        }
    }

    @ParameterizedTest
    @EnumSource(ExecutionModel.class)
    void aTimeoutStopsTheCopies(ExecutionModel model) {
        try (ConcurrentRunner runner = model.open()) {
            assertThrows(TimeoutException.class,
                    () -> runner.runAll(Sleep.of(30_000), 2, JoinOrder.AFTER_ALL_STARTED, Duration.ofMillis(300)));
        }
        // noChildOutlivesATest checks that the sleeping child JVMs were destroyed.
    }

    @Test
    void childJvmsAreGoneAfterTheRun() throws Exception {
        try (ConcurrentRunner runner = ExecutionModel.PROCESS.open()) {
            runner.runAll(Sleep.of(10), 3, JoinOrder.AFTER_ALL_STARTED, TIMEOUT);
        }
        assertEquals(List.of(), ChildProcesses.runningDescendants(), "no child may outlive runAll");
    }

    @Test
    void rejectsZeroCopies() {
        try (ConcurrentRunner runner = ExecutionModel.VIRTUAL_THREAD.open()) {
            assertThrows(IllegalArgumentException.class,
                    () -> runner.runAll(Sleep.of(1), 0, JoinOrder.AFTER_ALL_STARTED, TIMEOUT));
        }
    }
}
