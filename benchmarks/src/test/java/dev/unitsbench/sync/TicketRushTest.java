package dev.unitsbench.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unitsbench.model.ConcurrentRunner;
import dev.unitsbench.model.ExecutionModel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The guarantees behind claim Q6: with a lock (or serial buyers) no ticket is ever oversold, in
 * any model, over many rounds; without one, concurrent buyers do oversell, which shows that the
 * stress rounds could have caught a broken lock.
 */
class TicketRushTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path folder;

    /** Every guard that must hold, with the models it serves, and how many rounds to stress it. */
    static Stream<Arguments> guardedRushes() {
        return Stream.of(
                Arguments.of(ExecutionModel.PLATFORM_THREAD, TicketGuard.REENTRANT_LOCK, false, 100),
                Arguments.of(ExecutionModel.VIRTUAL_THREAD, TicketGuard.REENTRANT_LOCK, false, 100),
                Arguments.of(ExecutionModel.THREAD_POOL, TicketGuard.REENTRANT_LOCK, false, 50),
                Arguments.of(ExecutionModel.PLATFORM_THREAD, TicketGuard.SYNCHRONIZED, false, 100),
                Arguments.of(ExecutionModel.VIRTUAL_THREAD, TicketGuard.SYNCHRONIZED, false, 100),
                Arguments.of(ExecutionModel.THREAD_POOL, TicketGuard.SYNCHRONIZED, false, 50),
                Arguments.of(ExecutionModel.PLATFORM_THREAD, TicketGuard.NONE, true, 30),
                Arguments.of(ExecutionModel.VIRTUAL_THREAD, TicketGuard.NONE, true, 30),
                Arguments.of(ExecutionModel.PROCESS, TicketGuard.FILE_LOCK, false, 6),
                Arguments.of(ExecutionModel.PROCESS, TicketGuard.NONE, true, 2));
    }

    @ParameterizedTest(name = "{0}, {1}, serial={2}, {3} rounds")
    @MethodSource("guardedRushes")
    void aGuardedRushNeverOversells(ExecutionModel model, TicketGuard guard, boolean serial, int rounds) throws Exception {
        int buyers = model == ExecutionModel.PROCESS ? 6 : 10;
        int tickets = buyers / 2;
        TicketRush rush = new TicketRush(folder.resolve("tickets.json"), tickets, buyers, guard, serial, 1);
        try (ConcurrentRunner runner = model.open()) {
            for (int round = 0; round < rounds; round++) {
                TicketRush.Outcome outcome = rush.run(runner, TIMEOUT);
                assertEquals(0, outcome.oversold(), "round " + round + ": " + outcome);
                assertEquals(tickets, outcome.sold(), "round " + round + ": every ticket sold once: " + outcome);
                assertEquals(0, outcome.left(), "round " + round + ": " + outcome);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("unguardedModels")
    void withoutALockConcurrentBuyersOversell(ExecutionModel model) throws Exception {
        // The control: the same rush with nothing guarding buy() must oversell at least once,
        // or the test above proves nothing. The think time must outlast the spread of the buyers'
        // starts: 20 ms for threads; for child JVMs 1 s, because on a machine loaded by other jobs
        // their start-ups spread over hundreds of milliseconds (20 ms once failed 5 rounds in a row).
        boolean processes = model == ExecutionModel.PROCESS;
        int buyers = processes ? 4 : 10;
        TicketRush rush = new TicketRush(folder.resolve("tickets.json"), 1, buyers, TicketGuard.NONE, false, processes ? 1_000 : 20);
        long oversold = 0;
        try (ConcurrentRunner runner = model.open()) {
            for (int round = 0; round < 5 && oversold == 0; round++) {
                oversold += rush.run(runner, TIMEOUT).oversold();
            }
        }
        assertTrue(oversold > 0, "no ticket oversold in 5 unguarded rounds");
    }

    static Stream<ExecutionModel> unguardedModels() {
        return Stream.of(ExecutionModel.PROCESS, ExecutionModel.PLATFORM_THREAD, ExecutionModel.VIRTUAL_THREAD);
    }
}
