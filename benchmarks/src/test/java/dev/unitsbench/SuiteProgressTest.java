package dev.unitsbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.format.OutputFormat;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

class SuiteProgressTest {

    private static final PrintStream SILENT = new PrintStream(OutputStream.nullOutputStream());

    private static final List<SuiteProgress.Planned> PLAN = List.of(
            new SuiteProgress.Planned("dev.unitsbench.cpu.CpuBoundBenchmark.computeAll", 10),
            new SuiteProgress.Planned("dev.unitsbench.cpu.CpuBoundBenchmark.computeAll", 10),
            new SuiteProgress.Planned("dev.unitsbench.io.SleepBenchmark.sleepAll", 20));

    @Test
    void eachLineCountsFamiliesAndBenchmarksAcrossTheWholeSuite() {
        SuiteProgress progress = new SuiteProgress(PLAN, SILENT, 0);
        assertEquals("# bench: family 1 of 2 (cpu), benchmark 1 of 3, elapsed 0:00, ETA 0:40: "
                        + "dev.unitsbench.cpu.CpuBoundBenchmark.computeAll {workers=4}",
                progress.line("dev.unitsbench.cpu.CpuBoundBenchmark.computeAll", "{workers=4}", 0));
        progress.line("dev.unitsbench.cpu.CpuBoundBenchmark.computeAll", "", 10_000_000_000L);
        // Two benchmarks estimated at 20 s took 30 s: the 20 s left are expected to take 30 s.
        assertEquals("# bench: family 2 of 2 (io), benchmark 3 of 3, elapsed 0:30, ETA 0:30: "
                        + "dev.unitsbench.io.SleepBenchmark.sleepAll",
                progress.line("dev.unitsbench.io.SleepBenchmark.sleepAll", "", 30_000_000_000L));
    }

    @Test
    void theEtaIsTheRestOfThePlanScaledByHowFarTheFinishedOnesWereOff() {
        SuiteProgress progress = new SuiteProgress(PLAN, SILENT, 0);
        assertEquals(Duration.ofSeconds(40), progress.eta(0, Duration.ZERO));
        assertEquals(Duration.ofSeconds(15), progress.eta(2, Duration.ofSeconds(15)));
        assertEquals(Duration.ZERO, progress.eta(3, Duration.ofSeconds(60)));
    }

    @Test
    void thePlanExpandsParamsAndUsesTheRunsIterationSettings() {
        List<SuiteProgress.Planned> plan = SuiteProgress.plan(new OptionsBuilder()
                .include("dev\\.unitsbench\\.cpu\\.CpuBoundBenchmark\\.computeAll")
                .param("workers", "4").param("gil", "false")
                .forks(3).warmupIterations(1).measurementIterations(2)
                .warmupTime(TimeValue.seconds(1)).measurementTime(TimeValue.seconds(1)).build());
        assertTrue(plan.size() >= 2, "one run per model at least: " + plan);
        for (SuiteProgress.Planned p : plan) {
            assertEquals("cpu", p.family());
        }
    }

    @Test
    void theOutputFormatHandsEveryCallToJmhsOwn() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            OutputFormat format = new SuiteProgress(PLAN, SILENT, 0).around(new OptionsBuilder().build(), new ForkTimes());
            format.println("a line JMH prints");
            format.flush();
        } finally {
            System.setOut(stdout);
        }
        assertEquals("a line JMH prints" + System.lineSeparator(), printed.toString(StandardCharsets.UTF_8));
    }

    @Test
    void clocksReadAsMinutesAndSeconds() {
        assertEquals("0:07", SuiteProgress.clock(Duration.ofSeconds(7)));
        assertEquals("14:05", SuiteProgress.clock(Duration.ofSeconds(845)));
        assertEquals("1:00:01", SuiteProgress.clock(Duration.ofSeconds(3601)));
    }
}
