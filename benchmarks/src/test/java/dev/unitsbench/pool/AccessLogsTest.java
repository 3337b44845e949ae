package dev.unitsbench.pool;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated logs and the tutorial's scan of them (claim Q9). */
class AccessLogsTest {

    @Test
    void theSameSeedWritesTheSameBytesAndTheSameAnswer(@TempDir Path one, @TempDir Path two) throws Exception {
        AccessLogs first = AccessLogs.write(one, 3, 500, 7);
        AccessLogs second = AccessLogs.write(two, 3, 500, 7);
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(Files.readAllBytes(first.files().get(i)), Files.readAllBytes(second.files().get(i)));
        }
        assertEquals(first.robotHosts(), second.robotHosts());
        AccessLogs other = AccessLogs.write(Files.createDirectory(one.resolve("other")), 3, 500, 8);
        assertFalse(first.allRobotHosts().equals(other.allRobotHosts()), "another seed, other logs");
    }

    @Test
    void theScanOfEachFileFindsExactlyTheHostsTheGeneratorRecorded(@TempDir Path dir) throws Exception {
        AccessLogs logs = AccessLogs.write(dir, 4, 3_000, 42);
        for (int i = 0; i < 4; i++) {
            assertEquals(logs.robotHosts().get(i), RobotsScan.findRobots(logs.files().get(i)), "file " + i);
        }
        Set<String> allHosts = new HashSet<>();
        int decoys = 0;
        for (Path file : logs.files()) {
            for (String line : lines(file)) {
                allHosts.add(line.substring(0, line.indexOf(' ')));
                decoys += line.contains("robots.txt") && !line.contains(" /robots.txt ") ? 1 : 0;
            }
        }
        assertFalse(logs.allRobotHosts().isEmpty(), "some hosts fetched /robots.txt");
        assertTrue(logs.allRobotHosts().size() < allHosts.size() / 10, "only a few hosts (crawlers) fetched it");
        assertTrue(decoys > 0, "the logs hold look-alikes of /robots.txt that the scan must reject");
    }

    @Test
    void linesAreInTheTutorialsFormat(@TempDir Path dir) throws Exception {
        AccessLogs logs = AccessLogs.write(dir, 1, 200, 1);
        for (String line : lines(logs.files().get(0))) {
            assertTrue(line.matches("\\d+\\.\\d+\\.\\d+\\.\\d+ - - \\[\\d\\d/Jul/2012:\\d\\d:\\d\\d:\\d\\d -0500\\] "
                    + "\"(GET|HEAD) \\S+ HTTP/1\\.1\" \\d{3} (\\d+|-) \"-\" \"[^\"]+\""), line);
        }
    }

    @Test
    void fieldsAreSplitAtRunsOfWhitespaceAsPythonsSplitDoes() {
        String line = "1.2.3.4  - -\t[10/Jul/2012:00:18:50 -0500] \"GET /robots.txt HTTP/1.1\" 200 71";
        assertEquals("1.2.3.4", RobotsScan.field(line, 0));
        assertEquals("/robots.txt", RobotsScan.field(line, 6));
        assertNull(RobotsScan.field("too short", 6));
        assertNull(RobotsScan.field("", 0));
    }

    @Test
    void aHostSetSurvivesItsTextForm() {
        Set<String> hosts = Set.of("10.0.0.2", "1.2.3.4", "200.1.1.1");
        assertEquals("1.2.3.4 10.0.0.2 200.1.1.1", RobotsScan.toText(hosts));
        assertEquals(hosts, RobotsScan.fromText(RobotsScan.toText(hosts)));
        assertEquals(Set.of(), RobotsScan.fromText(RobotsScan.toText(Set.of())));
    }

    @Test
    void badSizesAreRefused(@TempDir Path dir) {
        assertThrows(IllegalArgumentException.class, () -> AccessLogs.write(dir, 0, 10, 1));
    }

    private static List<String> lines(Path file) throws Exception {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)),
                StandardCharsets.US_ASCII))) {
            return in.lines().toList();
        }
    }
}
