package dev.unitsbench.spawn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/*
 * Guards T3's and Q1's start-up rows: startUnits, PLATFORM_THREAD against NATIVE_PROCESS and
 * VIRTUAL_THREAD against PLATFORM_THREAD, in each pattern. Every side runs the benchmark's one
 * routine (StartJoin, whose behaviour StartJoinTest checks) on the same pattern, with the starter
 * of its own unit kind; the two thread kinds share the starter's code and differ in their builder.
 */
class SpawnSameCodeTest {

    @ParameterizedTest
    @EnumSource(StartPattern.class)
    void everyUnitKindRunsTheSameRoutineOnTheSamePatternWithItsOwnStarter(StartPattern pattern) throws Exception {
        SpawnBenchmark bench = new SpawnBenchmark();
        for (UnitKind kind : UnitKind.values()) {
            SpawnBenchmark.Units state = units(kind, pattern);
            assertEquals(kind.starter().getClass(), state.starter.getClass(), kind + ": its own kind's starter");
            assertTrue(bench.startUnits(state) > 0, kind + ": " + StartPattern.UNITS + " units started and ended");
        }
        assertEquals(units(UnitKind.PLATFORM_THREAD, pattern).starter.getClass(), units(UnitKind.VIRTUAL_THREAD, pattern).starter.getClass(),
                "platform and virtual threads are started and joined by the same code");
        assertNotEquals(units(UnitKind.NATIVE_PROCESS, pattern).starter.getClass(), units(UnitKind.PLATFORM_THREAD, pattern).starter.getClass(),
                "a process and a thread: the unit is the factor");
    }

    private static SpawnBenchmark.Units units(UnitKind kind, StartPattern pattern) {
        SpawnBenchmark.Units state = new SpawnBenchmark.Units();
        state.unit = kind;
        state.pattern = pattern;
        state.setUp();
        return state;
    }
}
