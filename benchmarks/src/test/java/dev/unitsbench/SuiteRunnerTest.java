package dev.unitsbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unitsbench.SequentialStage.OpenResult;
import dev.unitsbench.SuiteRunner.BadSettingsException;
import dev.unitsbench.SuiteRunner.Part;
import dev.unitsbench.SuiteRunner.Scale;
import dev.unitsbench.SuiteRunner.Settings;
import dev.unitsbench.harness.MachineFingerprint;
import java.nio.file.Path;
import java.util.List;
import org.openjdk.jmh.results.RunResult;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.options.Options;

class SuiteRunnerTest {

    private static final String SLEEP = "dev.unitsbench.io.SleepBenchmark.sleepAll";
    private static final String MANY = "dev.unitsbench.io.ManySleepersBenchmark.virtualThreads";
    private static final String JOIN = "dev.unitsbench.io.JoinOrderBenchmark.sleepAll";
    private static final String CPU = "dev.unitsbench.cpu.CpuBoundBenchmark.computeAll";

    @Test
    void badPropertiesSayWhatIsAccepted() {
        assertTrue(assertThrows(BadSettingsException.class, () -> Settings.quick("yes")).getMessage()
                .contains("true or false"));
        assertTrue(assertThrows(BadSettingsException.class, () -> Settings.scale("huge")).getMessage()
                .contains("'default' or 'tutorial'"));
        assertTrue(assertThrows(BadSettingsException.class, () -> Settings.jmhOptions("-f many")).getMessage()
                .contains("bench.args"));
    }

    @Test
    void aBarePropertyMeansTrue() {
        assertTrue(Settings.quick(""));
        assertTrue(Settings.quick("true"));
        assertFalse(Settings.quick("false"));
    }

    @Test
    void theDefaultScaleIsOneRunOfEverythingSelected() {
        List<Part> parts = SuiteRunner.parts(settings("Sleep", Scale.DEFAULT));
        assertEquals(1, parts.size());
        assertEquals("Sleep", parts.get(0).include());
    }

    @Test
    void theTutorialScaleResizesEachClassInARunOfItsOwn() {
        List<Part> parts = SuiteRunner.parts(settings(".*", Scale.TUTORIAL));
        assertEquals(SuiteRunner.TUTORIAL_SIZES.size() + 1, parts.size());

        Part join = parts.get(0);
        assertEquals("1000", join.params().get("sleepMillis"));
        assertTrue(selects(join, JOIN));
        assertFalse(selects(join, SLEEP), "T4's 1 s sleep must not reach SleepBenchmark");
        assertFalse(selects(join, MANY));

        Part rest = parts.get(parts.size() - 1);
        assertTrue(rest.params().isEmpty());
        assertTrue(selects(rest, CPU));
        assertTrue(selects(rest, SLEEP));
        assertTrue(selects(rest, MANY));
        assertFalse(selects(rest, JOIN), "a resized class must not run a second time at default sizes");
    }

    @Test
    void aQuickRunCutsTheMillionUnitSizesAndRunsEverythingElseAsIs() {
        List<Part> parts = SuiteRunner.parts(quick(""));
        assertEquals(SuiteRunner.QUICK_SIZES.size() + 1, parts.size());
        assertEquals("10000", parts.get(0).params().get("workers"));
        assertTrue(selects(parts.get(0), MANY));
        assertFalse(selects(parts.get(0), SLEEP), "the quick size of ManySleepers must not reach SleepBenchmark's workers");
        assertEquals("4", parts.get(1).params().get("depth"));
        Part rest = parts.get(parts.size() - 1);
        assertTrue(rest.params().isEmpty());
        assertTrue(selects(rest, SLEEP));
        assertFalse(selects(rest, MANY), "a resized class must not run a second time at full sizes");
    }

    @Test
    void theTutorialScaleKeepsTheUsersSelection() {
        List<Part> parts = SuiteRunner.parts(settings("SleepBenchmark", Scale.TUTORIAL));
        assertFalse(selects(parts.get(0), JOIN), "bench.include=SleepBenchmark must not run JoinOrderBenchmark");
        Part rest = parts.get(parts.size() - 1);
        assertTrue(selects(rest, SLEEP));
        assertFalse(selects(rest, CPU));
    }

    /** Whether JMH would run the benchmark in this part: an include matches, no exclude does. */
    private static boolean selects(Part part, String benchmark) {
        return Pattern.compile(part.include()).matcher(benchmark).find()
                && part.excludes().stream().noneMatch(e -> Pattern.compile(e).matcher(benchmark).find());
    }

    @Test
    void theFingerprintAsksAJvmStartedWithTheForksFlags() {
        // bench.args' -jvmArgsAppend reaches the forks, so it reaches the probe JVM too.
        Settings quick = quick("-jvmArgsAppend -XX:+UseSerialGC");
        MachineFingerprint machine = SuiteRunner.fingerprint(quick, List.of());
        assertEquals("Copy, MarkSweepCompact", machine.gc());
        assertEquals(Runtime.version().toString(), machine.jdkVersion());
        assertTrue(machine.quick());
    }

    @Test
    void aFurtherRoundRunsOneForkOfOneResultWithExactlyItsParams() {
        // bench.args' own -p and -f, which the first stage obeys, must not widen a further round.
        Settings full = new Settings(".*", false, Scale.DEFAULT, Settings.jmhOptions("-p workers=1,4 -f 2 -jvmArgsPrepend -Dx=1"),
                Path.of("out.json"), 3, Path.of("reports.jar"));
        OpenResult open = new OpenResult(CPU, Map.of("model", "PROCESS", "workers", "4", "gil", "true", "iterations", "100000000"));
        Options o = SuiteRunner.rerunOptions(full, List.of("-Xshare:auto"), open);
        assertEquals(List.of("^" + Pattern.quote(CPU) + "$"), o.getIncludes().subList(0, 1));
        assertEquals(List.of(CPU), ForkRounds.selected(o).stream().map(BenchmarkListEntry::getUsername).distinct().toList());
        assertEquals(List.of("4"), List.copyOf(o.getParameter("workers").get()));
        assertEquals(List.of("PROCESS"), List.copyOf(o.getParameter("model").get()));
        assertEquals(1, o.getForkCount().get());
        assertEquals(List.of("-Xshare:auto", "-Dx=1"), List.copyOf(o.getJvmArgsPrepend().get()));
        assertEquals(1, SuiteProgress.plan(o).size(), "one JMH benchmark run: one fork of one result");
    }

    @Test
    void aQuickRunHasNoSequentialStageAndSaysNothingAboutIt() {
        assertEquals("", SuiteRunner.noSequentialStage(quick(""), 1));
        Settings full = settings(".*", Scale.DEFAULT);
        assertNull(SuiteRunner.noSequentialStage(full, 3));
        assertTrue(SuiteRunner.noSequentialStage(full, 1).startsWith("the first stage ran 1 round,"));
        assertTrue(SuiteRunner.noSequentialStage(full, 5).endsWith("a run of fixed size (-Dbench.args=\"-f 3\" gives every benchmark"
                + " 3 forks, and the stage its looks)"), SuiteRunner.noSequentialStage(full, 5));
        Settings off = new Settings(".*", false, Scale.DEFAULT, Settings.jmhOptions(""), Path.of("out.json"), 0, Path.of("reports.jar"));
        assertEquals("bench.sequentialMinutes is 0", SuiteRunner.noSequentialStage(off, 3));
    }

    @Test
    void theSequentialBudgetIsMinutesZeroOrMore() {
        assertEquals(SequentialStage.DEFAULT_MINUTES, Settings.sequentialMinutes(""));
        assertEquals(1.5, Settings.sequentialMinutes(" 1.5 "));
        assertEquals(0, Settings.sequentialMinutes("0"));
        for (String bad : List.of("-1", "three", "NaN", "Infinity")) {
            assertTrue(assertThrows(BadSettingsException.class, () -> Settings.sequentialMinutes(bad)).getMessage()
                    .startsWith("bench.sequentialMinutes must be minutes, 0 or more"), bad);
        }
    }

    private static Settings settings(String include, Scale scale) {
        return new Settings(include, false, scale, Settings.jmhOptions(""), Path.of("out.json"), 3, Path.of("reports.jar"));
    }

    private static Settings quick(String args) {
        return new Settings(".*", true, Scale.DEFAULT, Settings.jmhOptions(args), Path.of("out.json"), 3, Path.of("reports.jar"));
    }

    @Test
    void theSequentialStageSpendsNoMoreThanWhatIsLeftOfTheRunsBudget() {
        java.time.Instant start = java.time.Instant.parse("2026-12-06T03:00:00Z");
        Settings own = new Settings(".*", false, Scale.DEFAULT, Settings.jmhOptions(""), Path.of("r.json"), 2, Path.of("reports.jar"));
        assertEquals(2, SuiteRunner.Budget.of(own, start.plusSeconds(3600)).minutes(), "no start given: its own budget");
        Settings run = new Settings(".*", false, Scale.DEFAULT, Settings.jmhOptions(""), Path.of("r.json"), 2, Path.of("reports.jar"),
                null, start, 20);
        SuiteRunner.Budget early = SuiteRunner.Budget.of(run, start.plusSeconds(10 * 60));
        assertEquals(2, early.minutes(), "9.5 minutes left: its own 2");
        assertEquals("the time budget (2 min)", early.name());
        SuiteRunner.Budget late = SuiteRunner.Budget.of(run, start.plusSeconds(18 * 60 + 30));
        assertEquals(1.3, late.minutes(), 1e-9, "20 - 18.5 - the report's 0.2");
        assertEquals("the run's time budget (20 min)", late.name());
        assertFalse(late.tooShort(), "1.3 minutes left hold a round");
        SuiteRunner.Budget later = SuiteRunner.Budget.of(run, start.plusSeconds(19 * 60));
        assertEquals(0.8, later.minutes(), 1e-9, "20 - 19 - 0.2");
        assertTrue(later.tooShort(), "0.8 minutes left is less than a round: no stage, a run of fixed size");
        assertFalse(early.tooShort());
        assertFalse(SuiteRunner.Budget.of(own, start).tooShort(), "a budget the user set is theirs to spend");
        assertEquals(0, SuiteRunner.Budget.of(run, start.plusSeconds(21 * 60)).minutes(), "past the budget: nothing");
    }

    @Test
    void aForkPastTheThirdRoundStartsOnlyIfItFitsInWhatIsLeftOfTheRunsBudget() {
        java.time.Instant start = java.time.Instant.parse("2026-12-06T03:00:00Z");
        Settings run = new Settings(".*", false, Scale.DEFAULT, Settings.jmhOptions(""), Path.of("r.json"), 2, Path.of("reports.jar"),
                null, start, 20);
        String channels = "dev.unitsbench.ipc.ChannelBenchmark.mebibytesPerSecond";
        assertNull(SuiteRunner.roundOutsideBudget(run, 4, channels, 60, start.plusSeconds(18 * 60)), "108 s left hold 60");
        assertEquals("round 4 of ChannelBenchmark.mebibytesPerSecond (about 60 s) did not fit in what was left of the run's 20 min"
                + " (bench.runMinutes): 58 s once the report's 12 s were kept",
                SuiteRunner.roundOutsideBudget(run, 4, channels, 60, start.plusSeconds(18 * 60 + 50)));
        assertNull(SuiteRunner.roundOutsideBudget(run, 4, channels, 17, start.plusSeconds(18 * 60 + 50)), "a cheaper benchmark still fits");
        assertNotNull(SuiteRunner.roundOutsideBudget(run, 5, channels, 1, start.plusSeconds(21 * 60)), "past the budget: nothing");
        Settings noStart = settings(".*", Scale.DEFAULT);
        assertNull(SuiteRunner.roundOutsideBudget(noStart, 5, channels, 1e6, start), "no start given (outside Maven): no budget, every round");
    }

    @Test
    void pastTheThirdRoundEachBenchmarkWithMoreForksRunsAlone() {
        Map<String, Integer> forks = new java.util.LinkedHashMap<>();
        forks.put("a.B.five", 5);
        forks.put("a.B.three", 3);
        forks.put("a.C.four", 4);
        assertEquals(List.of("a.B.five", "a.C.four"), ForkRounds.withAtLeast(4, forks));
        assertEquals(List.of("a.B.five"), ForkRounds.withAtLeast(5, forks));
        Part alone = new Part("the suite", ".*", List.of("x"), Map.of("size", "64")).only("a.B.five");
        assertEquals("^\\Qa.B.five\\E$", alone.include());
        assertEquals(List.of("x"), alone.excludes(), "the part's excludes and params stay");
        assertEquals(Map.of("size", "64"), alone.params());
    }

    @Test
    void aRoundIsEstimatedFromTheForksSoFarOfTheBenchmarksThatHaveThatManyForks() {
        ForkTimes times = new ForkTimes();
        RunResult five = FakeResults.result("a.B.five", Map.of("size", "64"), 1, 1);
        RunResult fiveOther = FakeResults.result("a.B.five", Map.of("size", "1024"), 1, 1);
        RunResult three = FakeResults.result("a.B.three", Map.of(), 1, 1);
        times.record(ForkRounds.key(five.getParams()), 10);
        times.record(ForkRounds.key(five.getParams()), 14);
        times.record(ForkRounds.key(fiveOther.getParams()), 3);
        times.record(ForkRounds.key(three.getParams()), 100);
        // Results so far, one per round each, as the runner collects them before merging.
        List<RunResult> soFar = List.of(five, fiveOther, three, five, fiveOther, three);
        Map<String, Integer> forks = Map.of("a.B.five", 5, "a.B.three", 3);
        assertEquals(12 + 3, SuiteRunner.roundSeconds(soFar, 4, forks, times), 1e-9, "the mean fork of each 5-fork result; not the 3-fork one");
        assertEquals(0, SuiteRunner.roundSeconds(soFar, 6, forks, times), "no benchmark has 6 forks");
    }

    @Test
    void badRunBudgetSettingsAreOneLineErrors() {
        assertTrue(assertThrows(BadSettingsException.class, () -> Settings.runMinutes("0")).getMessage().contains("bench.runMinutes"));
        assertTrue(assertThrows(BadSettingsException.class, () -> Settings.runStarted("yesterday")).getMessage()
                .contains("bench.runStarted"));
        assertNull(Settings.runStarted(""));
        assertEquals(Settings.DEFAULT_RUN_MINUTES, Settings.runMinutes(""));
    }
}
