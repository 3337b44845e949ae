package dev.unitsbench.pinning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The JFR counter counts: a virtual thread that sleeps inside a class initializer is pinned on
 * every JDK (JEP 491 keeps that case: a class initializer on the stack), and the counter sees it.
 * Then what JDK 24 changed: a virtual thread sleeping inside synchronized is pinned before it, not
 * from it on.
 */
class PinnedEventCounterTest {

    private static final Duration NAP = Duration.ofMillis(20);

    /** Its initializer sleeps, so a virtual thread that initializes it parks with the initializer on its stack. */
    static final class SleepyInitialization {
        static final long NAPPED;

        static {
            try {
                Thread.sleep(NAP);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            NAPPED = NAP.toMillis();
        }
    }

    @Test
    void countsAVirtualThreadPinnedByAClassInitializer() throws Exception {
        long events;
        try (PinnedEventCounter counter = PinnedEventCounter.start()) {
            Thread.ofVirtual().start(() -> assertEquals(NAP.toMillis(), SleepyInitialization.NAPPED)).join();
            events = counter.stop();
        }
        assertTrue(events >= 1, "the class initializer's sleep was not counted as pinned: " + events);
    }

    @Test
    void synchronizedPinsASleepingVirtualThreadOnlyBeforeJdk24() throws Exception {
        Object monitor = new Object();
        long events;
        try (PinnedEventCounter counter = PinnedEventCounter.start()) {
            Thread.ofVirtual().start(() -> {
                synchronized (monitor) {
                    try {
                        Thread.sleep(NAP);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }).join();
            events = counter.stop();
        }
        if (Runtime.version().feature() >= HoldAndBlockRoundTest.UNPINNED_SYNCHRONIZED_SINCE) {
            assertEquals(0, events, "JDK " + Runtime.version().feature() + " pinned a virtual thread sleeping in synchronized");
        } else {
            assertTrue(events >= 1, "JDK " + Runtime.version().feature() + " did not record the pin of a sleep in synchronized");
        }
    }
}
