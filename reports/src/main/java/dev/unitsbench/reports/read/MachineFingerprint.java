package dev.unitsbench.reports.read;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.unitsbench.reports.error.UserError;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The machine and JVM that produced a result file, from the {@code machine.json} the suite writes
 * beside {@code jmh-result.json} (or a file given with {@code --machine}): what JMH's JSON lacks.
 * Read, not guessed: a result file without one is shown as "no machine.json", never with the facts
 * of the machine that makes the report.
 *
 * @param gc            the garbage collector MXBean names of a JVM started like the run's forks
 * @param quick         whether the run was a quick smoke run
 * @param forksInRounds fork i of every benchmark ran in round i, so forks can be paired by round;
 *                      null when the file does not say (written before the runner said so)
 * @param sequential    the runner's looks and stages when it ran further rounds only for open rows;
 *                      null for a run of fixed size
 * @param rounds        how many rounds a run of fixed size planned and ran; null when the file does not say
 */
public record MachineFingerprint(int schema, String cpuModel, int cores, long memoryBytes, String os, String kernel,
                                 String arch, String jdkVendor, String jdkVersion, String gc, boolean quick, Boolean forksInRounds,
                                 Sequential sequential, Rounds rounds) {

    public MachineFingerprint(int schema, String cpuModel, int cores, long memoryBytes, String os, String kernel,
                              String arch, String jdkVendor, String jdkVersion, String gc, boolean quick) {
        this(schema, cpuModel, cores, memoryBytes, os, kernel, arch, jdkVendor, jdkVersion, gc, quick, null, null, null);
    }

    /**
     * The rounds of a run of fixed size: past the third, a benchmark's further fork starts only
     * while the run's time budget allows, so fewer can run than the benchmarks' forks plan.
     *
     * @param planned the most forks any benchmark of the run declares
     * @param ran     the most rounds any benchmark ran
     * @param stopped which further forks did not run, and why; null when every planned fork ran
     */
    public record Rounds(int planned, int ran, String stopped) {
    }

    /**
     * A group-sequential run: after each of {@code looks} rounds the runner asked which rows were
     * still open and ran the next round only for their benchmarks.
     *
     * @param looks   the rounds after which it looked; the last is the maximum
     * @param stages  what each stage ran and how long it took; empty while the run is under way
     * @param stopped why the last stage stopped (no row open, the maximum, the time budget); null while under way
     */
    public record Sequential(List<Integer> looks, List<Stage> stages, String stopped) {

        public Sequential {
            looks = looks == null ? List.of() : List.copyOf(looks);
            stages = stages == null ? List.of() : List.copyOf(stages);
        }
    }

    /** One stage of a sequential run: its rounds, its wall time and how many results it ran. */
    public record Stage(List<Integer> rounds, double seconds, int results) {
    }

    /** True when the file says fork i of every benchmark ran in round i. */
    public boolean pairedByRound() {
        return Boolean.TRUE.equals(forksInRounds);
    }

    /** The file name the suite writes beside its result file. */
    public static final String FILE = "machine.json";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** The facts ({@link #facts()} labels) that make two runs the same kind of machine, JDK and GC. */
    private static final List<String> COMPARED = List.of("CPU", "Cores", "Architecture", "JDK", "GC", "Run");

    /** The fingerprint of {@code result}: {@code given} if not null, else {@code machine.json} beside it; null when there is none. */
    public static MachineFingerprint of(Path result, Path given) {
        if (given != null) {
            return read(given);
        }
        Path beside = result.toAbsolutePath().resolveSibling(FILE);
        return Files.isRegularFile(beside) ? read(beside) : null;
    }

    /** Reads a fingerprint file; a missing or malformed one is a {@link UserError} that names it and says what to do. */
    public static MachineFingerprint read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new UserError("machine file " + file + " does not exist: pass the machine.json that mvn verify -Pbench wrote "
                    + "beside the result file, or leave --machine out.");
        }
        MachineFingerprint machine;
        try {
            machine = JSON.readValue(file.toFile(), MachineFingerprint.class);
        } catch (JacksonException e) {
            throw new UserError("machine file " + file + " is not a machine fingerprint (" + String.valueOf(e.getOriginalMessage()).replace('\n', ' ')
                    + "): run the benchmarks again to rewrite it, or delete it.");
        } catch (IOException e) {
            throw new UserError("machine file " + file + " cannot be read (" + e.getMessage() + "): check its permissions.");
        }
        // A missing number fails to read (null for a primitive); a missing text reads as null and is refused here;
        // forksInRounds, which older files lack, reads as null: not paired.
        if (machine == null || machine.schema() != 1 || machine.cpuModel() == null || machine.jdkVersion() == null || machine.gc() == null
                || machine.os() == null || machine.kernel() == null || machine.arch() == null || machine.jdkVendor() == null) {
            throw new UserError("machine file " + file + " is not a machine fingerprint of schema 1 with cpuModel, jdkVersion and gc: "
                    + "run the benchmarks again to rewrite it, or delete it.");
        }
        return machine;
    }

    /** The facts a reader compares, by label, in table order. */
    public Map<String, String> facts() {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("CPU", cpuModel);
        facts.put("Cores", String.valueOf(cores));
        facts.put("Memory", memoryBytes < 0 ? "unknown" : String.format("%.1f GiB", memoryBytes / (1024.0 * 1024 * 1024)));
        facts.put("Kernel", os + " " + kernel);
        facts.put("Architecture", arch);
        facts.put("JDK", jdkVendor + " " + jdkVersion);
        facts.put("GC", gc);
        facts.put("Run", quick ? "quick (smoke run)" : "full");
        return facts;
    }

    /** One line: the facts joined, for a Markdown summary or a log. */
    public String line() {
        return String.join(", ", facts().values());
    }

    /**
     * Warnings for runs compared as if they were one when they are not: each run against the first,
     * one line per run naming what differs (CPU model, cores, architecture, JDK, GC, quick or full),
     * or saying that a run has no fingerprint to compare.
     *
     * @param labels   the runs' names, the first being the reference
     * @param machines their fingerprints, null where a run has none
     */
    public static List<String> mismatches(List<String> labels, List<MachineFingerprint> machines) {
        List<String> warnings = new ArrayList<>();
        if (machines.size() < 2) {
            return warnings;
        }
        MachineFingerprint first = machines.get(0);
        for (int i = 1; i < machines.size(); i++) {
            MachineFingerprint other = machines.get(i);
            if (first == null || other == null) {
                String without = first == null ? labels.get(0) : labels.get(i);
                warnings.add(without + " has no " + FILE + ": whether " + labels.get(0) + " and " + labels.get(i)
                        + " ran on the same kind of machine, JDK and GC is unknown.");
                continue;
            }
            List<String> differ = new ArrayList<>();
            for (String fact : COMPARED) {
                String a = first.facts().get(fact);
                String b = other.facts().get(fact);
                if (!Objects.equals(a, b)) {
                    differ.add(fact + " (" + a + " vs " + b + ")");
                }
            }
            if (!differ.isEmpty()) {
                warnings.add(labels.get(0) + " and " + labels.get(i) + " ran on different machines or settings: "
                        + String.join("; ", differ) + ". Their differences may come from these, not from the code.");
            }
        }
        return warnings;
    }
}
