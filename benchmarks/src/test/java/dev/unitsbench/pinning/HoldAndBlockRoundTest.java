package dev.unitsbench.pinning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.unitsbench.model.ExecutionModel;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What the block-while-holding round relies on: each unit holds a lock of its own, so, unless
 * the units are pinned, all of them hold their locks at the same moment, with more units than
 * carriers; and a round fails loudly when a unit does.
 */
class HoldAndBlockRoundTest {

    /** The JDK from which a virtual thread unmounts inside synchronized (JEP 491). */
    static final int UNPINNED_SYNCHRONIZED_SINCE = 24;

    private static final Duration BLOCK = Duration.ofMillis(5);

    @ParameterizedTest
    @EnumSource(LockKind.class)
    void everyVirtualThreadHoldsItsOwnLockAtTheSameTime(LockKind lock) throws Exception {
        assumeTrue(lock == LockKind.REENTRANT_LOCK || Runtime.version().feature() >= UNPINNED_SYNCHRONIZED_SINCE,
                "before JDK 24 a virtual thread blocked inside synchronized pins its carrier");
        for (Blocking blocking : Blocking.values()) {
            assertAllHoldAtOnce(ExecutionModel.VIRTUAL_THREAD, lock, blocking);
        }
    }

    @ParameterizedTest
    @EnumSource(LockKind.class)
    void everyPlatformThreadHoldsItsOwnLockAtTheSameTime(LockKind lock) throws Exception {
        assertAllHoldAtOnce(ExecutionModel.PLATFORM_THREAD, lock, Blocking.SLEEP);
    }

    /**
     * Each unit, holding its lock, counts a latch down and waits for it to reach zero: it does
     * only when all the units hold their locks at once. A unit that waits in vain fails the round.
     */
    private static void assertAllHoldAtOnce(ExecutionModel model, LockKind lock, Blocking blocking) throws Exception {
        int units = 8 * Carriers.count();
        CountDownLatch allHolding = new CountDownLatch(units);
        try (HoldAndBlockRound round = new HoldAndBlockRound(units, lock, blocking, BLOCK)) {
            round.run(model.threadBuilder("test-holder-"), () -> {
                allHolding.countDown();
                if (!allHolding.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException(allHolding.getCount() + " of " + units + " units never held their lock");
                }
            });
        }
        assertEquals(0, allHolding.getCount(), model + ", " + lock + ", " + blocking);
    }

    @Test
    void aRoundRunsAgainOnTheSameLocksAndConnections() throws Exception {
        try (HoldAndBlockRound round = new HoldAndBlockRound(4, LockKind.REENTRANT_LOCK, Blocking.SOCKET_READ, Duration.ofMillis(1))) {
            for (int i = 0; i < 260; i++) { // more rounds than one byte counts: the reply check wraps
                assertTrue(round.run(ExecutionModel.VIRTUAL_THREAD.threadBuilder("test-")) > 0);
            }
        }
    }

    @Test
    void aUnitThatFailsFailsTheRound() throws IOException {
        try (HoldAndBlockRound round = new HoldAndBlockRound(4, LockKind.SYNCHRONIZED, Blocking.SLEEP, BLOCK)) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> round.run(Thread.ofPlatform(), () -> {
                        throw new IllegalStateException("broken unit");
                    }));
            assertEquals("broken unit", e.getMessage());
        }
    }

    @Test
    void aRoundNeedsAUnit() {
        assertThrows(IllegalArgumentException.class, () -> new HoldAndBlockRound(0, LockKind.SYNCHRONIZED, Blocking.SLEEP, BLOCK));
    }
}
