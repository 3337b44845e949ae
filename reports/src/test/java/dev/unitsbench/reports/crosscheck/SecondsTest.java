package dev.unitsbench.reports.crosscheck;

import dev.unitsbench.reports.stats.Estimate;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SecondsTest {

    @Test
    void timeUnitsWithOrWithoutPerOperation() {
        assertEquals(1e-9, Seconds.factor("ns/op"));
        assertEquals(1e-6, Seconds.factor("us/op"));
        assertEquals(1e-6, Seconds.factor("µs"));
        assertEquals(1e-3, Seconds.factor("ms/op"));
        assertEquals(1, Seconds.factor("s"));
        assertEquals(60, Seconds.factor("min"));
        assertTrue(Double.isNaN(Seconds.factor("ops/s")));
    }

    @Test
    void anEstimateInSeconds() {
        Estimate s = Seconds.of(new Estimate(1500, 1400, 1600, 50, 5, 0.95, "ms/op"));
        assertEquals(1.5, s.mean(), 1e-12);
        assertEquals(1.4, s.low(), 1e-12);
        assertEquals(1.6, s.high(), 1e-12);
        assertEquals(0.05, s.sd(), 1e-12);
        assertEquals(5, s.n());
        assertEquals("s", s.unit());
        assertNull(Seconds.of(new Estimate(10, 9, 11, 1, 5, 0.95, "ops/ms")));
    }
}
