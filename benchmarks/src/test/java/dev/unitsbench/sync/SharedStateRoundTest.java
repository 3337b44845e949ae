package dev.unitsbench.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unitsbench.model.ExecutionModel;
import dev.unitsbench.sync.SharedTally.Kind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The guarantees behind the shared-state benchmark: atomic and locked tallies lose nothing, in
 * every model that can share them, round after round; the unlocked ones do lose updates, which
 * shows that these rounds could catch a broken tally.
 */
class SharedStateRoundTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final int KEYS = 8;

    @TempDir
    Path folder;

    @AfterEach
    void everythingCreatedIsRemoved() throws Exception {
        try (Stream<Path> left = Files.list(folder)) {
            assertEquals(0, left.count(), "files left in the private folder");
        }
    }

    static Stream<Arguments> exactTallies() {
        return Stream.of(
                Arguments.of(ExecutionModel.PLATFORM_THREAD, Kind.ATOMIC, 4, 100_000L, 20),
                Arguments.of(ExecutionModel.VIRTUAL_THREAD, Kind.ATOMIC, 4, 100_000L, 20),
                Arguments.of(ExecutionModel.PLATFORM_THREAD, Kind.LOCKED, 4, 100_000L, 20),
                Arguments.of(ExecutionModel.VIRTUAL_THREAD, Kind.LOCKED, 4, 100_000L, 20),
                Arguments.of(ExecutionModel.THREAD_POOL, Kind.LOCKED, 4, 100_000L, 20),
                Arguments.of(ExecutionModel.PROCESS, Kind.MAPPED_ATOMIC, 3, 1_000_000L, 3),
                Arguments.of(ExecutionModel.PROCESS, Kind.MANAGER_ADD, 3, 500L, 2),
                // The dict server also serves threads: one socket per unit, same atomic ADD.
                Arguments.of(ExecutionModel.VIRTUAL_THREAD, Kind.MANAGER_ADD, 4, 500L, 3),
                Arguments.of(ExecutionModel.PLATFORM_THREAD, Kind.MAPPED_ATOMIC, 4, 100_000L, 5));
    }

    @ParameterizedTest(name = "{0}, {1}, {2} units x {3} updates, {4} rounds")
    @MethodSource("exactTallies")
    void atomicAndLockedTalliesLoseNothing(ExecutionModel model, Kind kind, int units, long updates, int rounds)
            throws Exception {
        try (SharedStateRound round = new SharedStateRound(model, kind, folder, units, KEYS, updates)) {
            for (int i = 0; i < rounds; i++) {
                SharedStateRound.Outcome outcome = round.run(TIMEOUT);
                assertEquals(units * updates, outcome.sent(), "round " + i);
                assertEquals(0, outcome.lostCounterUpdates(), "round " + i + ": " + outcome);
                assertEquals(0, outcome.lostMapUpdates(), "round " + i + ": " + outcome);
            }
        }
    }

    static Stream<Arguments> unlockedTallies() {
        return Stream.of(
                Arguments.of(ExecutionModel.PLATFORM_THREAD, Kind.UNLOCKED, 1_000_000L),
                Arguments.of(ExecutionModel.VIRTUAL_THREAD, Kind.UNLOCKED, 1_000_000L),
                Arguments.of(ExecutionModel.PROCESS, Kind.MAPPED_UNLOCKED, 1_000_000L),
                Arguments.of(ExecutionModel.PROCESS, Kind.MANAGER_GET_SET, 500L));
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("unlockedTallies")
    void unlockedTalliesLoseUpdates(ExecutionModel model, Kind kind, long updates) throws Exception {
        long lost = 0;
        try (SharedStateRound round = new SharedStateRound(model, kind, folder, 2, KEYS, updates)) {
            for (int i = 0; i < 3 && lost == 0; i++) {
                SharedStateRound.Outcome outcome = round.run(TIMEOUT);
                assertTrue(outcome.lostCounterUpdates() >= 0 && outcome.lostMapUpdates() >= 0,
                        "an unlocked tally can lose updates, never invent them: " + outcome);
                lost += outcome.lostCounterUpdates() + outcome.lostMapUpdates();
            }
        }
        assertTrue(lost > 0, "no update lost in 3 unlocked rounds");
    }

    @Test
    void theUnitsOfAProcessRoundAreStartedOnceForTheWholeTrial() throws Exception {
        // The child JVMs start in the constructor, not in a round: a second round finds the same
        // children (their count of rounds served goes on), so no start-up is inside a round.
        Set<Long> before = childPids();
        Set<Long> units;
        try (SharedStateRound round = new SharedStateRound(ExecutionModel.PROCESS, Kind.MAPPED_ATOMIC, folder, 2, KEYS, 1000)) {
            units = childPids();
            units.removeAll(before);
            assertEquals(2, units.size(), "the two units are child JVMs, started before the first round");
            for (int i = 0; i < 5; i++) {
                assertEquals(2000, round.run(TIMEOUT).counter());
            }
            Set<Long> after = childPids();
            assertTrue(after.containsAll(units), "the same children serve every round");
            after.removeAll(before);
            assertEquals(units, after, "no child started in the rounds");
        }
        for (long pid : units) {
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "close() ends unit " + pid);
        }
    }

    private static Set<Long> childPids() {
        return ProcessHandle.current().children().filter(ProcessHandle::isAlive).map(ProcessHandle::pid)
                .collect(Collectors.toCollection(HashSet::new));
    }

    @Test
    void refusesAnInJvmTallyForProcesses() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SharedStateRound(ExecutionModel.PROCESS, Kind.ATOMIC, folder, 2, KEYS, 10));
        assertTrue(e.getMessage().contains("processes cannot share it"), e.getMessage());
    }

    @Test
    void everyTallyRefusesAMapOfNoEntriesBeforeItOpensAnything() {
        Path file = folder.resolve("tally");
        for (Executable open : new Executable[] {() -> new InJvmTally(Kind.ATOMIC, 0),
                () -> new MappedTally(file, 0, true), () -> new ManagedTally(file, 0, true)}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, open);
            assertEquals("keys must be >= 1, got 0", e.getMessage());
        }
    }
}
