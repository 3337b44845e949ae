package dev.unitsbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unitsbench.SuiteRunner.BadSettingsException;
import dev.unitsbench.SuiteRunner.Part;
import dev.unitsbench.SuiteRunner.Scale;
import dev.unitsbench.SuiteRunner.Settings;
import dev.unitsbench.harness.MachineFingerprint;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

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
        List<Part> parts = SuiteRunner.parts(new Settings(".*", true, Scale.DEFAULT, Settings.jmhOptions(""), Path.of("out.json")));
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
        Settings quick = new Settings(".*", true, Scale.DEFAULT, Settings.jmhOptions("-jvmArgsAppend -XX:+UseSerialGC"),
                Path.of("out.json"));
        MachineFingerprint machine = SuiteRunner.fingerprint(quick, List.of());
        assertEquals("Copy, MarkSweepCompact", machine.gc());
        assertEquals(Runtime.version().toString(), machine.jdkVersion());
        assertTrue(machine.quick());
    }

    private static Settings settings(String include, Scale scale) {
        return new Settings(include, false, scale, Settings.jmhOptions(""), Path.of("out.json"));
    }
}
