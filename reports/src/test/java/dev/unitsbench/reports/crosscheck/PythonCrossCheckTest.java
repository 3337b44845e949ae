package dev.unitsbench.reports.crosscheck;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading the CPython file never fails the report: whatever is wrong, the cross-check is skipped with a reason. */
class PythonCrossCheckTest {

    private static final double LEVEL = 0.95;

    @TempDir
    Path dir;

    private PythonCrossCheck read(String json) throws IOException {
        return PythonCrossCheck.read(Files.writeString(dir.resolve("python.json"), json), LEVEL);
    }

    private static String experiment(String claim, String id, String samples) {
        return "{\"claim\":\"" + claim + "\",\"id\":\"" + id + "\",\"label\":\"" + id + " label\",\"model\":\"PROCESS\","
                + "\"workers\":4,\"unit\":\"s\",\"samples\":" + samples + "}";
    }

    @Test
    void noOptionNoCrossCheck() {
        assertNull(PythonCrossCheck.read(null, LEVEL));
    }

    @Test
    void aRunWithItsExperimentsAndTheirEstimates() throws IOException {
        PythonCrossCheck python = read("{\"schema\":1,\"status\":\"ran\",\"python\":\"CPython 3.11.7\",\"platform\":\"Linux, 2 CPUs\","
                + "\"repeats\":3,\"experiments\":[" + experiment("T1", "t1-process", "[1.0, 1.2, 1.1]") + ","
                + experiment("T2", "t2-threads", "[2.0]") + "]}");
        assertTrue(python.ran());
        assertNull(python.reason());
        assertNull(python.warning());
        assertEquals("CPython 3.11.7", python.python());
        assertEquals(3, python.repeats());
        assertEquals(2, python.experiments().size());
        PythonCrossCheck.Experiment t1 = python.forClaim("T1").get(0);
        assertEquals("t1-process", t1.id());
        assertEquals(4, t1.workers());
        assertEquals(1.1, t1.estimate().mean(), 1e-9);
        assertEquals(3, t1.estimate().n());
        assertEquals("s", t1.estimate().unit());
        assertTrue(t1.estimate().hasInterval());
        assertEquals(List.of(), python.forClaim("T3"));
    }

    @Test
    void aMissingFileIsSkippedQuietly() {
        PythonCrossCheck python = PythonCrossCheck.read(dir.resolve("none.json"), LEVEL);
        assertFalse(python.ran());
        assertTrue(python.reason().contains("does not exist"), python.reason());
        assertNull(python.warning());
    }

    @Test
    void aSkippedRunGivesItsReason() throws IOException {
        PythonCrossCheck python = read("{\"schema\":1,\"status\":\"skipped\",\"reason\":\"no python3 on PATH\"}");
        assertFalse(python.ran());
        assertEquals("no python3 on PATH", python.reason());
        assertNull(python.warning());
        assertEquals("no reason given", read("{\"schema\":1,\"status\":\"skipped\"}").reason());
    }

    @Test
    void aMalformedFileIsSkippedWithAWarning() throws IOException {
        for (String[] bad : new String[][]{
                {"{not json", "not valid JSON"},
                {"[]", "not a JSON object"},
                {"{\"schema\":2,\"status\":\"ran\"}", "\"schema\" is not 1"},
                {"{\"schema\":1,\"status\":\"maybe\"}", "neither"},
                {"{\"schema\":1,\"status\":\"ran\",\"experiments\":[]}", "no \"experiments\""},
                {"{\"schema\":1,\"status\":\"ran\",\"experiments\":[{\"claim\":\"T1\"}]}", "experiment 0 has no \"id\""},
                {"{\"schema\":1,\"status\":\"ran\",\"experiments\":[" + experiment("T1", "x", "[]") + "]}", "no \"samples\""},
                {"{\"schema\":1,\"status\":\"ran\",\"experiments\":[" + experiment("T1", "x", "[1, \"a\"]") + "]}", "not a finite number"}}) {
            PythonCrossCheck python = read(bad[0]);
            assertFalse(python.ran(), bad[0]);
            assertTrue(python.reason().contains(bad[1]), bad[0] + " -> " + python.reason());
            assertTrue(python.warning() != null && python.warning().contains("malformed"), bad[0] + " -> " + python.warning());
        }
    }
}
