package dev.unitsbench.reports.output;

import dev.unitsbench.reports.claims.ClaimOutcome;
import dev.unitsbench.reports.read.BenchmarkResult;
import dev.unitsbench.reports.read.MachineFingerprint;
import dev.unitsbench.reports.stats.AnalyzedResult;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One of several result files in one report: a column of its tables.
 *
 * @param label   its {@code --label}, or its JDK version and file name
 * @param claims  the catalog's verdicts on this run alone
 * @param machine where it ran (its machine.json); null when unknown
 */
public record ComparedRun(String label, Path file, List<AnalyzedResult> results, List<ClaimOutcome> claims, MachineFingerprint machine) {

    /** A run whose machine is unknown. */
    public ComparedRun(String label, Path file, List<AnalyzedResult> results, List<ClaimOutcome> claims) {
        this(label, file, results, claims, null);
    }

    /** The label of a run given none: its JDK versions and file name, e.g. {@code JDK 21.0.5 (jdk21.json)}. */
    public static String defaultLabel(Path file, List<BenchmarkResult> results) {
        Set<String> jdks = new LinkedHashSet<>();
        results.forEach(r -> jdks.add(r.jvm().jdkVersion() == null ? "unknown" : r.jvm().jdkVersion()));
        return "JDK " + String.join("/", jdks) + " (" + file.getFileName() + ")";
    }
}
