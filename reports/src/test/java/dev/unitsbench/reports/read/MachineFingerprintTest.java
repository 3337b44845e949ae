package dev.unitsbench.reports.read;

import dev.unitsbench.reports.error.UserError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MachineFingerprintTest {

    @TempDir
    Path dir;

    private static final String SUITE_WROTE = """
            {"schema": 1, "cpuModel": "CPU implementer 0x41, part 0xd0c", "cores": 4, "memoryBytes": 17179869184,
             "os": "Linux", "kernel": "6.8.0", "arch": "aarch64", "jdkVendor": "Eclipse Adoptium",
             "jdkVersion": "21.0.5+11-LTS", "gc": "G1 Young Generation, G1 Old Generation", "quick": true, "later": "ignored"}
            """;

    private MachineFingerprint fingerprint(String cpu, int cores, String arch, String jdk, String gc, boolean quick) {
        return new MachineFingerprint(1, cpu, cores, 1L << 34, "Linux", "6.8.0", arch, "Eclipse Adoptium", jdk, gc, quick);
    }

    @Test
    void readsWhatTheSuiteWritesAndFindsItBesideTheResult() throws IOException {
        Files.writeString(dir.resolve("machine.json"), SUITE_WROTE);
        MachineFingerprint m = MachineFingerprint.of(dir.resolve("jmh-result.json"), null);
        assertEquals("CPU implementer 0x41, part 0xd0c, 4, 16.0 GiB, Linux 6.8.0, aarch64, Eclipse Adoptium 21.0.5+11-LTS, "
                + "G1 Young Generation, G1 Old Generation, quick (smoke run)", m.line());
        assertNull(MachineFingerprint.of(dir.resolve("elsewhere").resolve("jmh-result.json"), null), "none beside: null, not this machine");
    }

    @Test
    void theRoundsOfARunOfFixedSizeAreReadAndSaidWithWhyNoMoreRan() throws IOException {
        Files.writeString(dir.resolve("machine.json"), SUITE_WROTE.replace("\"quick\": true", "\"quick\": false, \"forksInRounds\": true, "
                + "\"rounds\": {\"planned\": 5, \"ran\": 4, \"stopped\": \"round 5 (about 58 s) does not fit\"}"));
        MachineFingerprint m = MachineFingerprint.of(dir.resolve("jmh-result.json"), null);
        assertEquals(new MachineFingerprint.Rounds(5, 4, "round 5 (about 58 s) does not fit"), m.rounds());
        assertEquals("4 of 5 planned (fork r of each benchmark in round r); not run: round 5 (about 58 s) does not fit",
                RunMetadata.rounds(m.rounds()));
        assertEquals("5 of 5 planned (fork r of each benchmark in round r)", RunMetadata.rounds(new MachineFingerprint.Rounds(5, 5, null)));
        Files.writeString(dir.resolve("machine.json"), SUITE_WROTE);
        assertNull(MachineFingerprint.of(dir.resolve("jmh-result.json"), null).rounds(), "an older file says nothing about rounds");
    }

    @Test
    void aMalformedFileSaysWhatIsWrongAndWhatToDo() throws IOException {
        Path file = dir.resolve("machine.json");
        for (String bad : List.of("", "not json", "[1, 2]", "{\"schema\": 1}", SUITE_WROTE.replace("\"schema\": 1", "\"schema\": 2"),
                SUITE_WROTE.replace("\"cores\": 4", "\"cores\": \"four\""))) {
            Files.writeString(file, bad);
            UserError e = assertThrows(UserError.class, () -> MachineFingerprint.read(file), bad);
            assertTrue(e.getMessage().startsWith("machine file " + file + " is not a machine fingerprint"), e.getMessage());
            assertTrue(e.getMessage().contains("run the benchmarks again"), e.getMessage());
            assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        }
    }

    @Test
    void differentMachinesJdksGcsAndQuickRunsAreNamed() {
        MachineFingerprint x64 = fingerprint("AMD EPYC", 4, "amd64", "25.0.1", "G1", false);
        assertEquals(List.of(), MachineFingerprint.mismatches(List.of("a", "b"), List.of(x64, x64)));
        List<String> w = MachineFingerprint.mismatches(List.of("a", "b", "c"),
                Arrays.asList(x64, fingerprint("Neoverse", 4, "aarch64", "21.0.5", "G1", true), null));
        assertEquals(2, w.size(), w.toString());
        assertTrue(w.get(0).startsWith("a and b ran on different machines or settings: CPU (AMD EPYC vs Neoverse); "
                + "Architecture (amd64 vs aarch64); JDK (Eclipse Adoptium 25.0.1 vs Eclipse Adoptium 21.0.5); Run (full vs quick (smoke run))"),
                w.get(0));
        assertTrue(w.get(1).startsWith("c has no machine.json"), w.get(1));
    }
}
