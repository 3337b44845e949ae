package dev.unitsbench.spawn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The start-up comparison: every unit kind runs StartJoin's one loop, each pattern starts and
 * waits in the order its name says, and a unit that fails or hangs fails the operation.
 */
@Timeout(60)
class StartJoinTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** A starter that records "start" and "await" and stands for any unit kind. */
    private static final class Recording implements UnitKind.Starter {
        final List<String> events = new ArrayList<>();
        int alive;
        int mostAlive;
        long nextId;

        @Override
        public UnitKind.Started start() {
            long id = ++nextId;
            events.add("start");
            alive++;
            mostAlive = Math.max(mostAlive, alive);
            return new UnitKind.Started() {
                @Override
                public long await(long deadlineNanos) {
                    events.add("await");
                    alive--;
                    return id;
                }

                @Override
                public void stop() {
                    events.add("stop");
                }
            };
        }
    }

    @Test
    void oneAtATimeWaitsForEachUnitBeforeStartingTheNext() throws Exception {
        Recording units = new Recording();
        long ids = StartJoin.run(units, StartPattern.ONE_AT_A_TIME, TIMEOUT);
        assertEquals(StartPattern.UNITS, units.events.size() / 2);
        for (int i = 0; i < units.events.size(); i += 2) {
            assertEquals(List.of("start", "await"), units.events.subList(i, i + 2));
        }
        assertEquals(1, units.mostAlive);
        assertEquals((long) StartPattern.UNITS * (StartPattern.UNITS + 1) / 2, ids, "every unit's id is consumed");
    }

    @Test
    void aBatchStartsAHundredUnitsThenWaitsForEach() throws Exception {
        Recording units = new Recording();
        long ids = StartJoin.run(units, StartPattern.BATCH_OF_100, TIMEOUT);
        List<String> expected = new ArrayList<>();
        for (String event : List.of("start", "await")) {
            for (int i = 0; i < StartPattern.UNITS; i++) {
                expected.add(event);
            }
        }
        assertEquals(expected, units.events);
        assertEquals(StartPattern.UNITS, units.mostAlive);
        assertEquals((long) StartPattern.UNITS * (StartPattern.UNITS + 1) / 2, ids);
    }

    /**
     * Both sides of an evidence row: each real unit kind, through the same loop in both patterns,
     * starts 100 distinct units that all end (a process with status 0).
     */
    @ParameterizedTest
    @EnumSource(UnitKind.class)
    void everyUnitKindStartsAHundredDistinctUnitsThatAllEndInBothPatterns(UnitKind kind) throws Exception {
        for (StartPattern pattern : StartPattern.values()) {
            Set<Long> ids = new HashSet<>();
            UnitKind.Starter real = kind.starter();
            UnitKind.Starter collecting = () -> {
                UnitKind.Started unit = real.start();
                return new UnitKind.Started() {
                    @Override
                    public long await(long deadlineNanos) throws InterruptedException, TimeoutException {
                        long id = unit.await(deadlineNanos);
                        ids.add(id);
                        return id;
                    }

                    @Override
                    public void stop() {
                        unit.stop();
                    }
                };
            };
            StartJoin.run(collecting, pattern, TIMEOUT);
            // Ids of processes that ended may be reused by later ones, but never within a batch.
            assertTrue(ids.size() >= pattern.batch(), kind + " " + pattern + ": " + ids.size() + " distinct ids");
            if (kind != UnitKind.NATIVE_PROCESS) {
                assertEquals(StartPattern.UNITS, ids.size(), kind + " " + pattern);
            }
        }
    }

    @Test
    void aProcessThatExitsWithAnErrorFailsTheOperation() {
        UnitKind.Starter failing = UnitKind.nativeProgram(List.of("/bin/false"));
        for (StartPattern pattern : StartPattern.values()) {
            assertThrows(IllegalStateException.class, () -> StartJoin.run(failing, pattern, TIMEOUT));
        }
    }

    @Test
    void aProcessStillRunningAtTheDeadlineFailsTheOperationAndTheBatchIsStopped() throws Exception {
        UnitKind.Starter sleeping = UnitKind.nativeProgram(List.of("/bin/sleep", "30"));
        long before = System.nanoTime();
        assertThrows(TimeoutException.class, () -> StartJoin.run(sleeping, StartPattern.BATCH_OF_100, Duration.ofMillis(200)));
        assertTrue(System.nanoTime() - before < Duration.ofSeconds(20).toNanos(), "the batch was not left to run");
        // No /bin/sleep of this JVM is left alive.
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (ProcessHandle.current().children().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(0, ProcessHandle.current().children().filter(ProcessHandle::isAlive).count());
    }
}
