package dev.unitsbench.work;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SleepTest {

    @Test
    void aSleepReturnsItsLength() throws Exception {
        assertEquals(5, Sleep.of(5).run());
        assertEquals(5, new Sleep(5, new EmulatedGil()).run());
    }

    @Test
    void aSleeperUnderTheGilLetsAnotherThreadTakeIt() throws Exception {
        // CPython releases the GIL around time.sleep: a sleeper must never stop a computing thread.
        // Once the sleeper is asleep, another thread takes the GIL; were the lock held through the
        // sleep, it could not before the sleep ends, long after the latch's wait.
        EmulatedGil gil = new EmulatedGil();
        Thread sleeper = Thread.ofPlatform().daemon().start(() -> {
            try {
                new Sleep(60_000, gil).run();
            } catch (InterruptedException e) {
                // the test is over
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        try {
            awaitAsleep(sleeper);
            CountDownLatch taken = new CountDownLatch(1);
            Thread other = Thread.ofPlatform().daemon().start(() -> {
                gil.acquire();
                try {
                    taken.countDown();
                } finally {
                    gil.release();
                }
            });
            assertTrue(taken.await(5, TimeUnit.SECONDS), "no other thread could take the GIL during the sleep");
            other.join();
            assertTrue(sleeper.isAlive(), "the sleep ended early");
        } finally {
            sleeper.interrupt();
        }
    }

    /** Waits until the thread sleeps (TIMED_WAITING in Thread.sleep), not just started. */
    private static void awaitAsleep(Thread thread) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (thread.getState() != Thread.State.TIMED_WAITING) {
            assertTrue(System.nanoTime() < deadline, "the sleeper never fell asleep: " + thread.getState());
            Thread.sleep(1);
        }
    }

    @Test
    void aSleeperGivesTheGilBackWhenItWakes() throws Exception {
        EmulatedGil gil = new EmulatedGil();
        new Sleep(1, gil).run();
        assertFalse(gil.isHeldByCurrentThread(), "the sleeper kept the GIL after its sleep");
        // And another thread can take it now.
        Thread other = Thread.ofPlatform().start(() -> {
            gil.acquire();
            gil.release();
        });
        other.join(TimeUnit.SECONDS.toMillis(5));
        assertFalse(other.isAlive(), "the GIL stayed taken after the sleep");
    }

    @Test
    void rejectsNegativeLengths() {
        assertThrows(IllegalArgumentException.class, () -> Sleep.of(-1));
    }
}
