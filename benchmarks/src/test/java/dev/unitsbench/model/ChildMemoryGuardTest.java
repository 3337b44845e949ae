package dev.unitsbench.model;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unitsbench.work.Sleep;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChildMemoryGuardTest {

    @Test
    void refusesMoreChildrenThanFitAndSaysHowManyDo() {
        // 1000 MiB available, 48 MiB each: 20 fit.
        InsufficientMemoryException e = assertThrows(InsufficientMemoryException.class,
                () -> ChildMemoryGuard.check(400, 48, 1000L << 20));
        assertTrue(e.getMessage().contains("at most 20 fit"), e.getMessage());
        assertTrue(e.getMessage().contains("-p workers=20"), e.getMessage());
        assertTrue(e.getMessage().contains(ChildMemoryGuard.FOOTPRINT_PROPERTY), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), "the message is one line");
    }

    @Test
    void acceptsWhatFits() {
        assertDoesNotThrow(() -> ChildMemoryGuard.check(20, 48, 1000L << 20));
    }

    @Test
    void anImpossibleCountFailsBeforeAnyChildStarts() {
        int impossible = 1_000_000; // 48 TB of child JVMs
        try (ConcurrentRunner runner = ExecutionModel.PROCESS.open()) {
            assertThrows(InsufficientMemoryException.class,
                    () -> runner.runAll(Sleep.of(60_000), impossible, JoinOrder.AFTER_ALL_STARTED, Duration.ofMinutes(1)));
        }
        assertEquals(List.of(), ChildProcesses.runningDescendants(), "a child was started before the check");
    }

    @Test
    void readsTheMachinesAvailableMemory() {
        assertTrue(ChildMemoryGuard.memAvailableBytes().orElseThrow() > 0);
    }

    @Test
    void aBadFootprintPropertyIsRefused() {
        String old = System.setProperty(ChildMemoryGuard.FOOTPRINT_PROPERTY, "lots");
        try {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, ChildMemoryGuard::footprintMiB);
            assertTrue(e.getMessage().contains("positive number of MiB"), e.getMessage());
        } finally {
            if (old == null) {
                System.clearProperty(ChildMemoryGuard.FOOTPRINT_PROPERTY);
            } else {
                System.setProperty(ChildMemoryGuard.FOOTPRINT_PROPERTY, old);
            }
        }
    }
}
