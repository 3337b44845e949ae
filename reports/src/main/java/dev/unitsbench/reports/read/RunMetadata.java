package dev.unitsbench.reports.read;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Facts about the run that produced a result file, each with where it came from.
 *
 * <p>JMH's JSON holds the JMH and JDK versions, the VM name and the java binary, but not the
 * JDK vendor, the operating system, the CPU count, the memory, the date or the commit. Those
 * come, in this order of preference, from {@code --meta key=value} options, from the run's
 * {@link MachineFingerprint} ({@code machine.json}, written by the suite on the benchmark machine), from CI
 * environment variables (commit only), or from this machine when the report is made; the
 * source column says which, so a report made elsewhere does not pass off this machine's facts
 * as the benchmark machine's. What no source knows is shown as "unknown".
 */
public final class RunMetadata {

    /** One row of the metadata table. */
    public record Fact(String name, String value, String source) {
    }

    /** Keys {@code --meta} may override, with the label shown for each. */
    public static final Map<String, String> KNOWN_KEYS = Map.of(
            "jdk.vendor", "JDK vendor",
            "jdk.version", "JDK version",
            "os", "Operating system",
            "cpus", "CPU count",
            "memory", "Memory",
            "date", "Date of the run",
            "git.commit", "Git commit",
            "machine", "Machine");

    private static final String UNKNOWN = "unknown";
    private static final long PROBE_TIMEOUT_SECONDS = 10;

    private RunMetadata() {
    }

    /**
     * @param results     the parsed result file
     * @param resultFile  its path (for its modification time and its git work tree)
     * @param meta        {@code --meta} values by key
     * @param environment environment variables, passed in so tests control them
     * @param probe       whether to start the benchmark's java binary and git to learn more
     */
    public static List<Fact> collect(List<BenchmarkResult> results, Path resultFile, Map<String, String> meta,
                                     Map<String, String> environment, boolean probe) {
        return collect(results, resultFile, null, meta, environment, probe);
    }

    /**
     * e.g. "looks after rounds 3, 4, 5; rounds 1-3: 156 results, 14 min 33 s; round 4: 36 results, 1 min 25 s;
     * stopped: no row open".
     */
    static String stages(MachineFingerprint.Sequential s) {
        StringBuilder text = new StringBuilder("looks after rounds ")
                .append(s.looks().stream().map(String::valueOf).collect(Collectors.joining(", ")));
        for (MachineFingerprint.Stage stage : s.stages()) {
            List<Integer> r = stage.rounds();
            String rounds = r.isEmpty() ? "?" : r.size() == 1 ? "round " + r.get(0) : "rounds " + r.get(0) + "-" + r.get(r.size() - 1);
            long seconds = Math.round(stage.seconds());
            text.append("; ").append(rounds).append(": ").append(stage.results()).append(" results, ")
                    .append(seconds >= 60 ? seconds / 60 + " min " + seconds % 60 + " s" : seconds + " s");
        }
        if (s.stopped() != null) {
            text.append("; stopped: ").append(s.stopped());
        }
        return text.toString();
    }

    /** A run of fixed size's rounds: how many of those planned ran, and which further forks did not. */
    static String rounds(MachineFingerprint.Rounds r) {
        String ran = r.ran() + " of " + r.planned() + " planned (fork r of each benchmark in round r)";
        return r.stopped() == null ? ran : ran + "; not run: " + r.stopped();
    }

    /** As above, with the run's fingerprint ({@code machine}, null when it has none) as the source of the machine's facts. */
    public static List<Fact> collect(List<BenchmarkResult> results, Path resultFile, MachineFingerprint machine, Map<String, String> meta,
                                     Map<String, String> environment, boolean probe) {
        Map<String, String> remaining = new LinkedHashMap<>(meta);
        List<Fact> facts = new ArrayList<>();
        BenchmarkResult.JvmInfo jvm = results.get(0).jvm();
        String fromFile = "JMH result file";
        String thisMachine = "this machine, when the report was made";

        facts.add(fact("jmh.version", "JMH version", distinct(results, r -> r.jvm().jmhVersion()), fromFile, remaining));
        facts.add(fact("jdk.version", "JDK version", distinct(results, r -> r.jvm().jdkVersion()), fromFile, remaining));
        facts.add(fact("vm", "VM", distinct(results, r -> join(r.jvm().vmName(), r.jvm().vmVersion())), fromFile, remaining));
        String vendor = null;
        String vendorSource = null;
        String fingerprint = "the run's " + MachineFingerprint.FILE + ", written on the benchmark machine";
        if (machine != null) {
            vendor = machine.jdkVendor();
            vendorSource = fingerprint;
        } else if (probe && jvm.javaPath() != null && Files.isExecutable(Path.of(jvm.javaPath()))) {
            vendor = javaVendor(jvm.javaPath());
            vendorSource = "asked " + jvm.javaPath() + " when the report was made";
        }
        facts.add(fact("jdk.vendor", "JDK vendor", vendor, vendorSource, remaining));
        facts.add(fact("java", "Java binary", jvm.javaPath(), fromFile, remaining));
        facts.add(fact("jvm.args", "JVM arguments",
                distinct(results, r -> r.jvm().jvmArgs().isEmpty() ? "(none)" : String.join(" ", r.jvm().jvmArgs())),
                fromFile, remaining));
        if (machine != null) {
            Map<String, String> m = machine.facts();
            facts.add(fact("os", "Operating system", m.get("Kernel") + " (" + m.get("Architecture") + ")", fingerprint, remaining));
            facts.add(fact("cpu", "CPU model", m.get("CPU"), fingerprint, remaining));
            facts.add(fact("cpus", "CPU count", m.get("Cores"), fingerprint, remaining));
            facts.add(fact("memory", "Memory", m.get("Memory"), fingerprint, remaining));
            facts.add(fact("gc", "Garbage collector", m.get("GC") + " (a JVM started like the forks)", fingerprint, remaining));
            facts.add(fact("quick", "Quick or full run", m.get("Run"), fingerprint, remaining));
            if (machine.sequential() != null) {
                facts.add(fact("stages", "Rounds and stages", stages(machine.sequential()), fingerprint, remaining));
            } else if (machine.rounds() != null) {
                facts.add(fact("stages", "Rounds", rounds(machine.rounds()), fingerprint, remaining));
            }
        } else {
            facts.add(fact("os", "Operating system",
                    System.getProperty("os.name") + " " + System.getProperty("os.version") + " (" + System.getProperty("os.arch") + ")",
                    thisMachine, remaining));
            facts.add(fact("cpus", "CPU count", String.valueOf(Runtime.getRuntime().availableProcessors()), thisMachine, remaining));
            facts.add(fact("memory", "Memory", physicalMemory(), thisMachine, remaining));
        }
        String date = null;
        try {
            date = DateTimeFormatter.ISO_LOCAL_DATE_TIME.withZone(ZoneOffset.UTC)
                    .format(Files.getLastModifiedTime(resultFile).toInstant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)) + " UTC";
        } catch (IOException | RuntimeException e) {
            // Left unknown.
        }
        facts.add(fact("date", "Date of the run", date, "when the result file was last written", remaining));
        String commit = null;
        String commitSource = null;
        for (String variable : List.of("GITHUB_SHA", "CI_COMMIT_SHA", "GIT_COMMIT")) {
            if (environment.get(variable) != null && !environment.get(variable).isBlank()) {
                commit = environment.get(variable);
                commitSource = "environment variable " + variable;
                break;
            }
        }
        if (commit == null && probe) {
            Path dir = resultFile.toAbsolutePath().getParent();
            commit = gitCommit(dir);
            commitSource = "git in " + dir + ", when the report was made";
        }
        facts.add(fact("git.commit", "Git commit", commit, commitSource, remaining));
        facts.add(fact("report.date", "Report made",
                DateTimeFormatter.ISO_LOCAL_DATE_TIME.withZone(ZoneOffset.UTC).format(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)) + " UTC",
                "clock of this machine", remaining));
        for (Map.Entry<String, String> extra : remaining.entrySet()) {
            facts.add(new Fact(KNOWN_KEYS.getOrDefault(extra.getKey(), extra.getKey()), extra.getValue(), "--meta"));
        }
        return facts;
    }

    /** A fact, unless {@code --meta} names its key, which wins and is removed from {@code meta}. */
    private static Fact fact(String key, String label, String value, String source, Map<String, String> meta) {
        String given = meta.remove(key);
        if (given != null) {
            return new Fact(label, given, "--meta " + key);
        }
        if (value == null || value.isBlank()) {
            return new Fact(label, UNKNOWN, "not in the result file; pass --meta " + key + "=...");
        }
        return new Fact(label, value, source);
    }

    private static String join(String a, String b) {
        return a == null ? b : b == null ? a : a + " " + b;
    }

    /** The one value all results share, or all values when a file mixes runs. */
    private static String distinct(List<BenchmarkResult> results, java.util.function.Function<BenchmarkResult, String> field) {
        Set<String> values = new LinkedHashSet<>();
        for (BenchmarkResult r : results) {
            String v = field.apply(r);
            if (v != null) {
                values.add(v);
            }
        }
        return values.isEmpty() ? null : String.join(" | ", values);
    }

    private static String physicalMemory() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return String.format("%.1f GiB", os.getTotalMemorySize() / (1024.0 * 1024 * 1024));
        }
        return null;
    }

    private static String javaVendor(String java) {
        String settings = run(List.of(java, "-XshowSettings:properties", "-version"), null);
        if (settings == null) {
            return null;
        }
        for (String line : settings.split("\n")) {
            String trimmed = line.trim();
            if (trimmed.startsWith("java.vendor = ")) {
                return trimmed.substring("java.vendor = ".length());
            }
        }
        return null;
    }

    private static String gitCommit(Path dir) {
        String head = run(List.of("git", "rev-parse", "HEAD"), dir);
        if (head == null || head.isBlank()) {
            return null;
        }
        String status = run(List.of("git", "status", "--porcelain", "--untracked-files=no"), dir);
        return head.trim() + (status != null && !status.isBlank() ? " (with uncommitted changes)" : "");
    }

    /** Output of a short command, or null when it cannot run, fails or takes too long. */
    private static String run(List<String> command, Path dir) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            if (dir != null) {
                builder.directory(dir.toFile());
            }
            Process process = builder.start();
            process.getOutputStream().close();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(PROBE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return null;
            }
            return process.exitValue() == 0 ? new String(out, StandardCharsets.UTF_8) : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
