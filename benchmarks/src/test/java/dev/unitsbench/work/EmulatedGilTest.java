package dev.unitsbench.work;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import org.junit.jupiter.api.Test;

class EmulatedGilTest {

    private static final int THREADS = 4;
    private static final long RUN_NANOS = TimeUnit.MILLISECONDS.toNanos(300);

    @Test
    void neverTwoHoldersComputeAtOnceOnPlatformThreads() throws Exception {
        checkExclusiveAndFair(Thread.ofPlatform());
    }

    @Test
    void neverTwoHoldersComputeAtOnceOnVirtualThreads() throws Exception {
        checkExclusiveAndFair(Thread.ofVirtual());
    }

    /**
     * THREADS threads compute in chunks under one GIL for a while. A counter of threads inside a
     * chunk must never exceed one, and every thread must get turns (the lock is handed over, not
     * kept by whoever took it first).
     */
    private static void checkExclusiveAndFair(Thread.Builder builder) throws Exception {
        EmulatedGil gil = new EmulatedGil();
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger maxInside = new AtomicInteger();
        AtomicLongArray chunks = new AtomicLongArray(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        long end = System.nanoTime() + RUN_NANOS;
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int id = t;
            threads.add(builder.start(() -> {
                awaitQuietly(start);
                gil.acquire();
                try {
                    long res = 0;
                    while (System.nanoTime() < end) {
                        maxInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
                        res = CpuLoop.spin(res, 0, 10_000);
                        inside.decrementAndGet();
                        chunks.incrementAndGet(id);
                        gil.offerIfDue();
                    }
                    if (res == 42) {
                        System.out.print(""); // consume res
                    }
                } finally {
                    gil.release();
                }
            }));
        }
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        assertEquals(1, maxInside.get(), "two threads computed under the GIL at the same time");
        for (int t = 0; t < THREADS; t++) {
            assertTrue(chunks.get(t) > 0, "thread " + t + " never got the GIL: it is not handed over");
        }
    }

    @Test
    void aBlockingCallLetsAnotherThreadCompute() throws Exception {
        EmulatedGil gil = new EmulatedGil();
        CountDownLatch otherRan = new CountDownLatch(1);
        gil.acquire();
        try {
            gil.releasedAround(() -> {
                Thread other = Thread.ofPlatform().start(() -> {
                    gil.acquire();
                    otherRan.countDown();
                    gil.release();
                });
                other.join();
                return null;
            });
            assertTrue(gil.isHeldByCurrentThread(), "the GIL was not taken back after the blocking call");
        } finally {
            gil.release();
        }
        assertEquals(0, otherRan.getCount(), "the other thread could not take the GIL during the blocking call");
    }

    @Test
    void aHolderWithoutWaitersKeepsTheLock() {
        EmulatedGil gil = new EmulatedGil();
        gil.acquire();
        try {
            gil.offerIfDue();
            assertTrue(gil.isHeldByCurrentThread());
        } finally {
            gil.release();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
