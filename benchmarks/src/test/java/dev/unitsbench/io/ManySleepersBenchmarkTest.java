package dev.unitsbench.io;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The million-sleeper additions: the memory check before a batch and the heap sampler beside it. */
class ManySleepersBenchmarkTest {

    @Test
    void aCountThatDoesNotFitIsRefusedBeforeAnyBatchSayingWhatItNeeds() {
        ManySleepersBenchmark.VirtualSleepers sleepers = new ManySleepersBenchmark.VirtualSleepers();
        sleepers.workers = Integer.MAX_VALUE;
        IllegalStateException refused = assertThrows(IllegalStateException.class, sleepers::checkMemory);
        assertTrue(refused.getMessage().matches("skipped: 2147483647 virtual threads need(s [0-9.]+ GB, [0-9.]+ GB available"
                + "| [0-9.]+ GB of heap, the fork has [0-9.]+ GB \\(-Xmx4g\\))"), refused.getMessage());
        sleepers.workers = 10;
        assertDoesNotThrow(sleepers::checkMemory);
    }

    @Test
    void theSamplerSeesTheHeapGrowDuringTheIterationAndDividesItByTheThreads() throws InterruptedException {
        ManySleepersBenchmark.HeapPeak heap = new ManySleepersBenchmark.HeapPeak();
        heap.start(1000);
        byte[] held = new byte[64 << 20];
        Thread.sleep(20 * ManySleepersBenchmark.SAMPLE_MILLIS);
        heap.stop();
        // 64 MiB over 1000 threads is 67 109 bytes each; other tests' garbage may add to it, never take away.
        assertTrue(heap.peakHeapBytesPerThread() >= 0.9 * held.length / 1000, "per thread: " + heap.peakHeapBytesPerThread());
    }
}
