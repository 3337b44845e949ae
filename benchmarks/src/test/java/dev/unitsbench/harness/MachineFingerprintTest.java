package dev.unitsbench.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MachineFingerprintTest {

    @TempDir
    Path dir;

    @Test
    void theCpuModelComesFromCpuinfoOnX86AndArm() {
        assertEquals("AMD EPYC 7763 64-Core Processor", MachineFingerprint.cpuModel(List.of(
                "processor\t: 0", "vendor_id\t: AuthenticAMD", "model\t\t: 1", "model name\t: AMD EPYC 7763 64-Core Processor")));
        assertEquals("CPU implementer 0x41, part 0xd0c", MachineFingerprint.cpuModel(List.of(
                "processor\t: 0", "BogoMIPS\t: 50.00", "CPU implementer\t: 0x41", "CPU architecture: 8", "CPU part\t: 0xd0c",
                "processor\t: 1", "CPU implementer\t: 0x41", "CPU part\t: 0xd0c")));
        assertEquals(MachineFingerprint.UNKNOWN, MachineFingerprint.cpuModel(List.of()));
    }

    @Test
    void aJvmStartedLikeAForkNamesItsGc() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        MachineFingerprint serial = MachineFingerprint.collect(true, true, java, List.of("-XX:+UseSerialGC"));
        MachineFingerprint parallel = MachineFingerprint.collect(false, false, java, List.of("-XX:+UseParallelGC"));
        assertEquals("Copy, MarkSweepCompact", serial.gc());
        assertTrue(parallel.gc().contains("PS Scavenge"), parallel.gc());
        assertEquals(System.getProperty("java.vendor"), serial.jdkVendor());
        assertEquals(Runtime.version().toString(), serial.jdkVersion());
        assertTrue(serial.quick());
        assertFalse(parallel.quick());
        assertTrue(serial.cores() >= 1);
        assertTrue(serial.memoryBytes() > 0);
        assertEquals(System.getProperty("os.arch"), serial.arch());

        Path file = serial.writeTo(dir);
        assertEquals(MachineFingerprint.FILE, file.getFileName().toString());
        JsonNode json = new ObjectMapper().readTree(file.toFile());
        for (String field : List.of("schema", "cpuModel", "cores", "memoryBytes", "os", "kernel", "arch", "jdkVendor", "jdkVersion", "gc",
                "quick", "forksInRounds")) {
            assertTrue(json.has(field), "machine.json has " + field + ": " + json);
        }
        assertEquals("Copy, MarkSweepCompact", json.get("gc").asText());
        assertTrue(json.get("forksInRounds").asBoolean(), "the report pairs forks by round only when the file says so");
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temp file left behind");
        }
    }

    @Test
    void aJvmThatCannotStartIsSaidSoNotGuessed() {
        MachineFingerprint broken = MachineFingerprint.collect(false, false, "java", List.of("-XX:+NoSuchFlagAnywhere"));
        assertTrue(broken.gc().startsWith("unknown (the probe JVM exited with"), broken.gc());
        assertTrue(broken.jdkVersion().startsWith("unknown"), broken.jdkVersion());
    }
}
