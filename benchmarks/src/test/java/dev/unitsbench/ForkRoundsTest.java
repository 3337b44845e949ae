package dev.unitsbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/** Forks spread over rounds: which benchmarks take part in which round. */
class ForkRoundsTest {

    private static final Map<String, Integer> FORKS = new LinkedHashMap<>(Map.of(
            "dev.unitsbench.x.A.run", 3, "dev.unitsbench.x.A.runAll", 1, "dev.unitsbench.x.B.run", 2));

    @Test
    void asManyRoundsAsTheMostForks() {
        assertEquals(3, ForkRounds.rounds(FORKS));
        assertEquals(1, ForkRounds.rounds(Map.of()));
    }

    @Test
    void aRoundLeavesOutExactlyTheBenchmarksWithFewerForks() {
        assertEquals(List.of(), ForkRounds.excludedIn(1, FORKS));
        assertEquals(List.of("dev.unitsbench.x.A.runAll"), excluded(2));
        assertEquals(List.of("dev.unitsbench.x.A.runAll", "dev.unitsbench.x.B.run"), excluded(3).stream().sorted().toList());
        // A pattern names one benchmark, not every name it is a prefix of (A.run vs A.runAll).
        Pattern onlyRun = Pattern.compile("^" + Pattern.quote("dev.unitsbench.x.A.run") + "$");
        assertTrue(onlyRun.matcher("dev.unitsbench.x.A.run").find());
        assertFalse(onlyRun.matcher("dev.unitsbench.x.A.runAll").find());
    }

    @Test
    void theSuitesOwnForksComeFromItsAnnotationsAndAGivenForkCountWins() {
        Map<String, Integer> declared = ForkRounds.forksByBenchmark(new OptionsBuilder().include("CpuBoundBenchmark.computeAll").build());
        assertEquals(Map.of("dev.unitsbench.cpu.CpuBoundBenchmark.computeAll", 3), declared);
        Map<String, Integer> given = ForkRounds.forksByBenchmark(new OptionsBuilder().include("CpuBoundBenchmark.computeAll").forks(5).build());
        assertEquals(5, given.get("dev.unitsbench.cpu.CpuBoundBenchmark.computeAll"));
    }

    private static List<String> excluded(int round) {
        return ForkRounds.excludedIn(round, FORKS).stream()
                .map(p -> p.substring(1, p.length() - 1).replace("\\Q", "").replace("\\E", "")).toList();
    }
}
