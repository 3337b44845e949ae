package dev.unitsbench.reports;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.unitsbench.reports.read.MachineFingerprint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

import static dev.unitsbench.reports.SyntheticResults.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The CI matrix's fan-in: each cell's result file and machine.json in a folder of its own (as
 * download-artifact lays them out), one report with a column, a verdict and a machine per cell,
 * a warning where cells differ, and a failed cell named as missing while the others still report.
 */
class FanInReportTest {

    private static final String CPU = "dev.unitsbench.cpu.CpuBoundBenchmark.computeAll";
    private static final String G1 = "G1 Young Generation, G1 Concurrent GC, G1 Old Generation";
    private static final String SERIAL = "Copy, MarkSweepCompact";

    @TempDir
    Path dir;

    /** A cell's folder: T1 without GIL (processes 1000 ms, threads 2000 ms), and its machine.json unless {@code gc} is null. */
    private Path cell(String name, String gc) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("cells").resolve(name));
        Path result = folder.resolve("jmh-result.json");
        new SyntheticResults()
                .add(CPU, "ss", "ms/op", params("gil", "true", "model", "PROCESS", "workers", "4"), 1000, 1010, 990)
                .add(CPU, "ss", "ms/op", params("gil", "true", "model", "PLATFORM_THREAD", "workers", "4"), 2000, 2020, 1980)
                .jdk("25.0.1").writeTo(result);
        if (gc != null) {
            writeMachine(folder.resolve(MachineFingerprint.FILE), gc);
        }
        return result;
    }

    private static void writeMachine(Path file, String gc) throws IOException {
        new ObjectMapper().writeValue(file.toFile(), new MachineFingerprint(1, "AMD EPYC 7763 64-Core Processor", 4,
                16L * 1024 * 1024 * 1024, "Linux", "6.8.0-1017-azure", "amd64", "Eclipse Adoptium", "25.0.1+8-LTS", gc, false));
    }

    @Test
    void eachCellIsAColumnWithItsVerdictAndMachineAndAFailedCellIsNamedMissing() throws IOException {
        Path g1 = cell("results-jdk25-g1", G1);
        Path serial = cell("results-jdk25-serial", SERIAL);
        Path out = dir.resolve("matrix-report");
        ReportRun r = ReportRun.of(g1.toString(), "--label", "jdk25-g1", serial.toString(), "--label", "jdk25-serial",
                "--missing", "jdk21-arm64", "--out", out.toString(), "--no-probe");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("T1 [jdk25-g1]: holds"), r.out());
        assertTrue(r.out().contains("T1 [jdk25-serial]: holds"), r.out());
        assertTrue(r.out().contains("[jdk21-arm64]: missing: no results"), r.out());
        assertTrue(r.err().contains("jdk25-g1 and jdk25-serial ran on different machines or settings: GC (" + G1 + " vs " + SERIAL + ")"),
                "the GC differs, and only the GC: " + r.err());
        assertFalse(r.err().contains("CPU ("), r.err());
        assertTrue(r.err().contains("jdk21-arm64 is missing: no results"), r.err());

        String html = Files.readString(out.resolve("index.html"));
        assertTrue(html.contains("<th>jdk25-g1</th><th>jdk25-serial</th>"), "a column per cell");
        assertTrue(html.contains("<b>jdk21-arm64</b>: missing: no results"), "the missing cell is named");
        String machines = html.substring(html.indexOf("id=\"machines\""), html.indexOf("</table>", html.indexOf("id=\"machines\"")));
        assertTrue(machines.contains("<th>jdk25-g1</th><th>jdk25-serial</th><th>jdk21-arm64</th>"), machines);
        assertTrue(machines.contains("<td>GC</td><td>" + G1 + "</td><td>" + SERIAL + "</td><td>missing: no results</td>"), machines);
        assertTrue(machines.contains("<td>CPU</td><td>AMD EPYC 7763 64-Core Processor</td><td>AMD EPYC 7763 64-Core Processor</td>"),
                machines);
        assertTrue(machines.contains("<td>Run</td><td>full</td><td>full</td>"), machines);
        assertTrue(html.contains("ran on different machines or settings"), "the mismatch is among the page's warnings");
        // The main run's facts come from its machine.json, not from the machine that made the report.
        assertTrue(html.contains("<td>CPU model</td><td>AMD EPYC 7763 64-Core Processor</td>"), "main run's CPU model");
        assertTrue(html.contains("<td>Garbage collector</td><td>" + G1), "main run's GC");

        String md = Files.readString(out.resolve("summary.md"));
        assertTrue(md.contains("| claim | jdk25-g1 | jdk25-serial | jdk21-arm64 |"), md);
        assertTrue(md.contains("| T1 | holds | holds | missing: no results |"), md);
        assertTrue(md.contains("| GC | " + G1 + " | " + SERIAL + " | missing: no results |"), md);
        assertTrue(md.contains("**Warning**: jdk21-arm64 is missing"), md);
    }

    @Test
    void aCellWithoutFingerprintIsSaidToBeUnknownAndMachineFindsOneElsewhere() throws IOException {
        Path with = cell("results-a", G1);
        Path without = cell("results-b", null);
        Path out = dir.resolve("report");
        ReportRun r = ReportRun.of(with.toString(), "--label", "a", without.toString(), "--label", "b", "--out", out.toString(), "--no-probe");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains("b has no machine.json: whether a and b ran on the same kind of machine"), r.err());
        assertTrue(Files.readString(out.resolve("index.html")).contains("<td>GC</td><td>" + G1 + "</td><td>unknown: no machine.json</td>"));

        Path elsewhere = dir.resolve("b-machine.json");
        writeMachine(elsewhere, G1);
        r = ReportRun.of(with.toString(), "--label", "a", without.toString(), "--label", "b", "--machine", elsewhere.toString(),
                "--out", out.toString(), "--no-probe");
        assertEquals(0, r.exitCode(), r.err());
        assertFalse(r.err().contains("machine"), "the same machine, JDK and GC: no warning: " + r.err());
    }

    @Test
    void aMalformedFingerprintIsOneLineAndTheOldReportStays() throws IOException {
        Path good = cell("results-good", G1);
        Path out = dir.resolve("report");
        assertEquals(0, ReportRun.of(good.toString(), "--out", out.toString(), "--no-probe").exitCode());
        String before = Files.readString(out.resolve("index.html"));
        FileTime time = Files.getLastModifiedTime(out.resolve("index.html"));

        Files.writeString(good.resolveSibling(MachineFingerprint.FILE), "{\"schema\": 1, \"cpuModel\": ");
        ReportRun r = ReportRun.of(good.toString(), "--out", out.toString(), "--no-probe");
        assertEquals(Main.EXIT_BAD_INPUT, r.exitCode(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith("reports: machine file ") && r.err().contains("is not a machine fingerprint")
                && r.err().contains("run the benchmarks again"), r.err());
        assertEquals(before, Files.readString(out.resolve("index.html")), "previous report untouched");
        assertEquals(time, Files.getLastModifiedTime(out.resolve("index.html")));

        r = ReportRun.of(good.toString(), "--machine", dir.resolve("nope.json").toString(), "--out", out.toString(), "--no-probe");
        assertEquals(Main.EXIT_BAD_INPUT, r.exitCode(), r.err());
        assertTrue(r.err().contains("does not exist"), r.err());
        assertEquals(before, Files.readString(out.resolve("index.html")), "previous report untouched");
    }

    @Test
    void optionsOfTheFanInAreChecked() throws IOException {
        Path a = cell("results-a", G1);
        ReportRun r = ReportRun.of("--machine", "m.json", a.toString(), "--no-probe", "--out", dir.resolve("o").toString());
        assertEquals(Main.EXIT_BAD_INPUT, r.exitCode());
        assertTrue(r.err().contains("must follow the result file"), r.err());
        r = ReportRun.of(a.toString(), "--label", "a", "--missing", "a", "--no-probe", "--out", dir.resolve("o").toString());
        assertEquals(Main.EXIT_BAD_INPUT, r.exitCode());
        assertTrue(r.err().contains("names a run that has a result file"), r.err());
    }
}
