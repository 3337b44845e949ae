package dev.unitsbench.model;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.unitsbench.model.ChildMemoryGuard.Budget;
import dev.unitsbench.model.ChildMemoryGuard.Footprint;
import dev.unitsbench.model.ChildMemoryGuard.MemorySample;
import dev.unitsbench.work.Sleep;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildMemoryGuardTest {

    private static final Budget GIB = new Budget(1024L << 10, "test");

    @Test
    void refusesMoreChildrenThanFitAndSaysHowManyDo() {
        // 1024 MiB, 64 MiB shared once, 48 MiB each: 20 fit.
        Footprint footprint = new Footprint(48L << 10, 64L << 10, "test");
        InsufficientMemoryException e = assertThrows(InsufficientMemoryException.class,
                () -> ChildMemoryGuard.check(400, footprint, GIB));
        assertTrue(e.getMessage().contains("at most 20 fit"), e.getMessage());
        assertTrue(e.getMessage().contains("-p workers=20"), e.getMessage());
        assertTrue(e.getMessage().contains(ChildMemoryGuard.FOOTPRINT_PROPERTY), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), "the message is one line");
    }

    @Test
    void acceptsWhatFitsCountingTheSharedPartOnce() {
        Footprint footprint = new Footprint(48L << 10, 64L << 10, "test");
        assertDoesNotThrow(() -> ChildMemoryGuard.check(20, footprint, GIB));
        assertThrows(InsufficientMemoryException.class, () -> ChildMemoryGuard.check(21, footprint, GIB));
    }

    @Test
    void theMeasuredPrivatePartGetsTheMarginAndTheSharedPartDoesNot() {
        Footprint footprint = Footprint.measured(20L << 10, 30L << 10);
        assertEquals((long) Math.ceil((20L << 10) * ChildMemoryGuard.MARGIN_FACTOR) + (ChildMemoryGuard.MARGIN_MIB << 10),
                footprint.perChildKiB());
        assertEquals(30L << 10, footprint.sharedKiB());
        assertTrue(footprint.source().contains("20 MiB private"), footprint.source());
    }

    @Test
    void aSampleSplitsAnonymousMemoryAndPageTablesFromFileBackedPages() {
        String rollup = """
                55d0c0a00000-7ffd2b9fe000 ---p 00000000 00:00 0                          [rollup]
                Rss:               41000 kB
                Pss:               25000 kB
                Anonymous:         18000 kB
                """;
        String status = "Name:\tjava\nVmRSS:\t41000 kB\nVmPTE:\t  300 kB\n";
        assertEquals(new MemorySample(18_300, 23_000), MemorySample.parse(rollup, status));
    }

    @Test
    void theBudgetIsTheLeastOfMemAvailableTheCgroupsRoomAndTheCap() {
        OptionalLong tenGib = OptionalLong.of(10L << 30);
        OptionalLong twoGib = OptionalLong.of(2L << 30);
        assertEquals(Optional.of(new Budget(10L << 20, "MemAvailable")),
                ChildMemoryGuard.budget(tenGib, OptionalLong.empty(), Long.MAX_VALUE));
        assertEquals(2L << 20, ChildMemoryGuard.budget(tenGib, twoGib, Long.MAX_VALUE).orElseThrow().availableKiB());
        Budget capped = ChildMemoryGuard.budget(tenGib, twoGib, 1024L << 10).orElseThrow();
        assertEquals(1024L << 10, capped.availableKiB());
        assertTrue(capped.source().contains(ChildMemoryGuard.LIMIT_PROPERTY + "=1024"), capped.source());
        assertEquals(Optional.empty(), ChildMemoryGuard.budget(OptionalLong.empty(), OptionalLong.empty(), Long.MAX_VALUE));
    }

    @Test
    void theMemoryLimitPropertyCapsTheBudget() {
        withProperty(ChildMemoryGuard.LIMIT_PROPERTY, "1", () -> {
            assertEquals(1024, ChildMemoryGuard.budget().orElseThrow().availableKiB());
            assertEquals(Optional.of("needs 0.0 GB, 0.0 GB available"), ChildMemoryGuard.shortfall(2L << 20));
        });
    }

    @Test
    void readsACgroupV2Limit(@TempDir Path root) throws IOException {
        Path group = Files.createDirectories(root.resolve("user.slice/bench"));
        Files.writeString(group.resolve("memory.max"), (4L << 30) + "\n");
        Files.writeString(group.resolve("memory.current"), (1L << 30) + "\n");
        assertEquals(OptionalLong.of(3L << 30), ChildMemoryGuard.cgroupRoom("0::/user.slice/bench\n", root));
        Files.writeString(group.resolve("memory.max"), "max\n");
        assertEquals(OptionalLong.empty(), ChildMemoryGuard.cgroupRoom("0::/user.slice/bench\n", root));
    }

    @Test
    void readsACgroupV1LimitAtTheRootOfAContainersMount(@TempDir Path root) throws IOException {
        Path memory = Files.createDirectories(root.resolve("memory"));
        Files.writeString(memory.resolve("memory.limit_in_bytes"), (4L << 30) + "\n");
        Files.writeString(memory.resolve("memory.usage_in_bytes"), (3L << 30) + "\n");
        String cgroup = "5:cpu,cpuacct:/docker/abc\n4:memory:/docker/abc\n0::/\n";
        assertEquals(OptionalLong.of(1L << 30), ChildMemoryGuard.cgroupRoom(cgroup, root));
        Files.writeString(memory.resolve("memory.limit_in_bytes"), "9223372036854771712\n");
        assertEquals(OptionalLong.empty(), ChildMemoryGuard.cgroupRoom(cgroup, root));
    }

    @Test
    void measuresARealLeanChildsPrivateAndSharedMemory() {
        assumeTrue(Files.isReadable(Path.of("/proc/self/smaps_rollup")), "needs Linux's /proc/PID/smaps_rollup");
        Footprint footprint = ChildMemoryGuard.measure(ChildJvmLauncher.leanWithoutArchive()).orElseThrow();
        assertTrue(footprint.perChildKiB() > ChildMemoryGuard.MARGIN_MIB << 10, footprint.source());
        assertTrue(footprint.sharedKiB() > 0, footprint.source());
        assertEquals(List.of(), ChildProcesses.runningDescendants(), "the probe child outlived its measurement");
    }

    @Test
    void anImpossibleCountFailsBeforeAnyChildStarts() {
        int impossible = 1_000_000; // terabytes of child JVMs
        try (ConcurrentRunner runner = ExecutionModel.PROCESS.open()) {
            assertThrows(InsufficientMemoryException.class,
                    () -> runner.runAll(Sleep.of(60_000), impossible, JoinOrder.AFTER_ALL_STARTED, Duration.ofMinutes(1)));
        }
        assertEquals(List.of(), ChildProcesses.runningDescendants(), "a child was started before the check");
    }

    @Test
    void theRunnersJvmHandsItsMeasurementToItsForks() {
        assumeTrue(Files.isReadable(Path.of("/proc/self/smaps_rollup")), "needs Linux's /proc/PID/smaps_rollup");
        assertTrue(LeanChildJvm.handedDown().forkOptions().stream().anyMatch(o -> o.startsWith("-D" + ChildMemoryGuard.MEASURED_PROPERTY + "=")),
                LeanChildJvm.handedDown().forkOptions().toString());
    }

    @Test
    void readsTheMachinesAvailableMemory() {
        assertTrue(ChildMemoryGuard.memAvailableBytes().orElseThrow() > 0);
    }

    @Test
    void aBadFootprintOrLimitPropertyIsRefused() {
        withProperty(ChildMemoryGuard.FOOTPRINT_PROPERTY, "lots", () -> {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, ChildMemoryGuard::footprint);
            assertTrue(e.getMessage().contains("positive number of MiB"), e.getMessage());
        });
        withProperty(ChildMemoryGuard.LIMIT_PROPERTY, "-5", () ->
                assertThrows(IllegalArgumentException.class, ChildMemoryGuard::budget));
    }

    @Test
    void aFixedFootprintReplacesTheMeasurement() {
        withProperty(ChildMemoryGuard.FOOTPRINT_PROPERTY, "100", () -> {
            assertEquals(100L << 10, ChildMemoryGuard.footprint().perChildKiB());
            assertEquals(0, ChildMemoryGuard.footprint().sharedKiB());
        });
    }

    private static void withProperty(String name, String value, Runnable body) {
        String old = System.setProperty(name, value);
        try {
            body.run();
        } finally {
            if (old == null) {
                System.clearProperty(name);
            } else {
                System.setProperty(name, old);
            }
        }
    }
}
