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
        assertFalse(json.has("sequential"), "a run without a sequential stage says nothing about one: " + json);
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temp file left behind");
        }
    }

    @Test
    void theSequentialBlockGivesTheLooksAndOnceOverTheStagesAndWhyItStopped() throws IOException {
        MachineFingerprint machine = new MachineFingerprint(1, "cpu", 2, 1, "Linux", "6", "amd64", "vendor", "21", "G1", false, true, null, null);
        JsonNode looking = write(machine.with(MachineFingerprint.Sequential.planned(List.of(3, 4, 5))));
        assertEquals("{\"looks\":[3,4,5]}", looking.get("sequential").toString(), "under way: the looks alone");

        JsonNode done = write(machine.with(new MachineFingerprint.Sequential(List.of(3, 4, 5), List.of(
                new MachineFingerprint.Stage(List.of(1, 2, 3), 873.4, 156), new MachineFingerprint.Stage(List.of(4), 61.0, 17)),
                "the time budget (3 min)")));
        assertEquals("{\"looks\":[3,4,5],\"stages\":[{\"rounds\":[1,2,3],\"seconds\":873.4,\"results\":156},"
                + "{\"rounds\":[4],\"seconds\":61.0,\"results\":17}],\"stopped\":\"the time budget (3 min)\"}",
                done.get("sequential").toString());
        assertEquals("G1", done.get("gc").asText(), "the other fields stay");
    }

    @Test
    void theRoundsBlockSaysHowManyRanOfThosePlannedAndWhyNoMore() throws IOException {
        MachineFingerprint machine = new MachineFingerprint(1, "cpu", 2, 1, "Linux", "6", "amd64", "vendor", "21", "G1", false, true, null, null);
        assertFalse(write(machine).has("rounds"), "a run that says nothing about its rounds writes no block");
        assertEquals("{\"planned\":5,\"ran\":5}", write(machine.with(new MachineFingerprint.Rounds(5, 5, null))).get("rounds").toString(),
                "every planned round ran: no reason");
        JsonNode short_ = write(machine.with(new MachineFingerprint.Rounds(5, 4, "round 5 did not fit")));
        assertEquals("{\"planned\":5,\"ran\":4,\"stopped\":\"round 5 did not fit\"}", short_.get("rounds").toString());
        assertEquals("G1", short_.get("gc").asText(), "the other fields stay");
    }

    private JsonNode write(MachineFingerprint machine) throws IOException {
        return new ObjectMapper().readTree(machine.writeTo(dir).toFile());
    }

    @Test
    void aJvmThatCannotStartIsSaidSoNotGuessed() {
        MachineFingerprint broken = MachineFingerprint.collect(false, false, "java", List.of("-XX:+NoSuchFlagAnywhere"));
        assertTrue(broken.gc().startsWith("unknown (the probe JVM exited with"), broken.gc());
        assertTrue(broken.jdkVersion().startsWith("unknown"), broken.jdkVersion());
    }
}
