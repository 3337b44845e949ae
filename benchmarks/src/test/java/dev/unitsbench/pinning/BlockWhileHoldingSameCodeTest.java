package dev.unitsbench.pinning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unitsbench.harness.Built;
import dev.unitsbench.model.ExecutionModel;
import java.time.Duration;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/*
 * Guards Q6's JDK row: virtualThreads, REENTRANT_LOCK against SYNCHRONIZED, for each blocking call.
 * Both sides build the same HoldAndBlockRound: as many units, the same blocking call for the same
 * time, each unit with a lock of its own; only the kind of lock differs.
 */
class BlockWhileHoldingSameCodeTest {

    @ParameterizedTest
    @EnumSource(Blocking.class)
    void bothLocksRunTheSameRoundOfUnitsBlockingTheSameWay(Blocking blocking) throws Exception {
        BlockWhileHoldingBenchmark bench = new BlockWhileHoldingBenchmark();
        bench.unitsPerCarrier = 2;
        bench.blockMillis = 5;
        BlockWhileHoldingBenchmark.VirtualHolders monitors = holders(bench, LockKind.SYNCHRONIZED, blocking);
        try {
            BlockWhileHoldingBenchmark.VirtualHolders locks = holders(bench, LockKind.REENTRANT_LOCK, blocking);
            try {
                HoldAndBlockRound withMonitors = round(monitors);
                HoldAndBlockRound withLocks = round(locks);
                assertEquals(Built.field(withMonitors, "units", Integer.class), Built.field(withLocks, "units", Integer.class));
                assertEquals(blocking, Built.field(withMonitors, "blocking", Blocking.class));
                assertEquals(blocking, Built.field(withLocks, "blocking", Blocking.class));
                assertEquals(Duration.ofMillis(5), Built.field(withMonitors, "blockTime", Duration.class));
                assertEquals(Duration.ofMillis(5), Built.field(withLocks, "blockTime", Duration.class));
                LockKind.Guard[] monitorGuards = Built.field(withMonitors, "guards", LockKind.Guard[].class);
                LockKind.Guard[] lockGuards = Built.field(withLocks, "guards", LockKind.Guard[].class);
                assertEquals(monitorGuards.length, lockGuards.length, "a lock per unit on both sides");
                assertEquals(monitorGuards.length, distinct(monitorGuards), "every unit holds a lock of its own");
                assertEquals(lockGuards.length, distinct(lockGuards), "every unit holds a lock of its own");
                assertNotEquals(monitorGuards[0].getClass(), lockGuards[0].getClass(), "the kind of lock is the factor");
                assertTrue(withMonitors.run(ExecutionModel.VIRTUAL_THREAD.threadBuilder("holder-")) > 0);
                assertTrue(withLocks.run(ExecutionModel.VIRTUAL_THREAD.threadBuilder("holder-")) > 0);
            } finally {
                locks.close();
            }
        } finally {
            monitors.close();
        }
    }

    private static BlockWhileHoldingBenchmark.VirtualHolders holders(BlockWhileHoldingBenchmark bench, LockKind lock, Blocking blocking)
            throws Exception {
        BlockWhileHoldingBenchmark.VirtualHolders holders = new BlockWhileHoldingBenchmark.VirtualHolders();
        holders.model = ExecutionModel.VIRTUAL_THREAD;
        holders.lock = lock;
        holders.blocking = blocking;
        holders.open(bench);
        return holders;
    }

    private static HoldAndBlockRound round(BlockWhileHoldingBenchmark.Holders holders) throws ReflectiveOperationException {
        return Built.field(holders, "round", HoldAndBlockRound.class);
    }

    private static int distinct(LockKind.Guard[] guards) {
        Set<LockKind.Guard> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Collections.addAll(seen, guards);
        return seen.size();
    }
}
