package dev.unitsbench.slicing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The probe and the hogs of the time-slicing benchmark: what they record and when they stop. */
@Timeout(60)
class SlicingWorkTest {

    @Test
    void theProbeRecordsOneLatenessPerTickNeverEarly() throws Exception {
        WakeProbe probe = new WakeProbe(20, Duration.ofMillis(1));
        probe.run();
        long[] lateness = probe.sortedLatenessNanos();
        assertEquals(20, lateness.length);
        assertTrue(lateness[0] >= 0, "a tick recorded before it was due");
        assertTrue(probe.awaitStarted(Duration.ZERO));
    }

    @Test
    void percentilesAreNearestRank() {
        long[] sorted = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        assertEquals(5, WakeProbe.percentile(sorted, 50));
        assertEquals(10, WakeProbe.percentile(sorted, 99));
        assertEquals(10, WakeProbe.percentile(sorted, 100));
        assertEquals(1, WakeProbe.percentile(sorted, 1));
        assertThrows(IllegalArgumentException.class, () -> WakeProbe.percentile(sorted, 0));
    }

    @Test
    void hogsStopAtTheirDeadlineWhenNobodyStopsThem() {
        CpuHogs hogs = new CpuHogs(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20));
        hogs.spin();
        assertTrue(hogs.limitReached());
    }

    @Test
    void hogsStopWhenToldBeforeTheirDeadline() throws Exception {
        CpuHogs hogs = new CpuHogs(System.nanoTime() + TimeUnit.MINUTES.toNanos(10));
        Thread hog = Thread.ofPlatform().start(hogs::spin);
        Thread.sleep(20);
        hogs.stop();
        assertTrue(hog.join(Duration.ofSeconds(10)), "a stopped hog kept running");
        assertFalse(hogs.limitReached());
    }
}
