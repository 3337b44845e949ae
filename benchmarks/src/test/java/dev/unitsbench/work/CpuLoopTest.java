package dev.unitsbench.work;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CpuLoopTest {

    @Test
    void everyIterationChangesTheResult() {
        // If a JIT (or a careless rewrite) could skip iterations, some counts would collide.
        Set<Long> results = new HashSet<>();
        for (long n = 0; n <= 5_000; n++) {
            results.add(CpuLoop.free(n).run());
        }
        assertEquals(5_001, results.size(), "two iteration counts gave the same result");
    }

    @Test
    void everyIterationIndexMatters() {
        // Changing any single step of the chain must change the result.
        long n = 1_000;
        long reference = CpuLoop.spin(CpuLoop.SEED, 0, n);
        for (long skipped = 0; skipped < n; skipped++) {
            long res = CpuLoop.spin(CpuLoop.SEED, 0, skipped);
            res = CpuLoop.spin(res, skipped + 1, n);
            assertNotEqual(reference, res, skipped);
        }
    }

    private static void assertNotEqual(long reference, long actual, long skipped) {
        if (reference == actual) {
            throw new AssertionError("skipping iteration " + skipped + " left the result unchanged");
        }
    }

    @Test
    void underTheGilTheResultIsTheSame() {
        long n = 3 * CpuLoop.CHUNK + 17; // crosses chunk borders
        assertEquals(CpuLoop.free(n).run(), new CpuLoop(n, new EmulatedGil()).run());
    }

    @Test
    void rejectsNegativeCounts() {
        assertThrows(IllegalArgumentException.class, () -> CpuLoop.free(-1));
    }
}
