package dev.unitsbench.coroutines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.unitsbench.model.ExecutionModel;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FanOutTreeTest {

    @ParameterizedTest
    @CsvSource({"10, 0, 0", "10, 1, 45", "10, 3, 499500", "10, 4, 49995000", "3, 2, 36", "1, 5, 0"})
    void theTreeSumsItsLeavesAsTheClosedFormSays(int width, int depth, long sum) throws InterruptedException {
        assertEquals(sum, FanOutTree.expectedSum(width, depth));
        FanOutTree tree = new FanOutTree(ExecutionModel.VIRTUAL_THREAD.threadBuilder("test-").factory(), width);
        assertEquals(sum, tree.sum(depth));
    }

    @Test
    void everyNodeButTheRootIsAThreadOfItsOwn() throws InterruptedException {
        AtomicInteger started = new AtomicInteger();
        FanOutTree tree = new FanOutTree(task -> {
            started.incrementAndGet();
            return Thread.ofVirtual().unstarted(task);
        }, 10);
        tree.sum(3);
        assertEquals(FanOutTree.nodes(10, 3) - 1, started.get());
        assertEquals(1_111_111, FanOutTree.nodes(10, 6));
    }

    @Test
    void aNodeThatCannotStartItsChildrenFailsTheTreeInsteadOfReturningAShortSum() {
        AtomicInteger started = new AtomicInteger();
        FanOutTree tree = new FanOutTree(task -> {
            if (started.incrementAndGet() > 20) {
                throw new IllegalStateException("no more threads");
            }
            return Thread.ofVirtual().unstarted(task);
        }, 10);
        assertThrows(IllegalStateException.class, () -> tree.sum(3));
        assertThrows(IllegalArgumentException.class, () -> tree.sum(-1));
    }

    @Test
    void theBenchmarkChecksAndReturnsTheSkynetSum() throws InterruptedException {
        FanOutTreeBenchmark benchmark = new FanOutTreeBenchmark();
        benchmark.model = ExecutionModel.VIRTUAL_THREAD;
        benchmark.depth = 4;
        benchmark.setUp();
        assertEquals(49_995_000L, benchmark.sumLeaves());
    }
}
