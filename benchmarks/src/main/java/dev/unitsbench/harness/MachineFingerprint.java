package dev.unitsbench.harness;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The machine and JVM a run of the suite measured, written as {@code machine.json} beside the JMH
 * result file: what JMH's JSON lacks (CPU model, cores, memory, kernel, architecture, JDK vendor,
 * the forks' garbage collector, quick or full), so that a report comparing runs can tell whether
 * they come from the same kind of machine.
 *
 * <p>The JDK and GC are those of a JVM started the way JMH starts a fork (same java binary and
 * flags), asked through its own MXBeans: the JVM running the suite may differ from its forks
 * ({@code -jvm}, {@code -jvmArgs}), and the GC that ergonomics picks depends on the flags. A
 * benchmark's own {@code @Fork(jvmArgsAppend = ...)} flags are not included.
 *
 * @param schema      version of this file's shape
 * @param cpuModel    from /proc/cpuinfo; "unknown" where it says nothing
 * @param cores       processors the JVM may use ({@link Runtime#availableProcessors()})
 * @param memoryBytes physical memory, from the operating system MXBean; -1 when unknown
 * @param gc          the fork JVM's garbage collector MXBean names, e.g. "G1 Young Generation, ..."
 * @param quick       whether this was a quick (smoke) run, {@code bench.quick}
 * @param forksInRounds fork r of every benchmark ran in round r ({@code ForkRounds}), so the report
 *                    may pair two benchmarks' forks by round
 * @param sequential  the looks of the sequential stage and, once it is over, its stages and why it stopped;
 *                    absent (null) from a run without that stage, such as a quick run
 * @param rounds      how many rounds a run of fixed size planned and ran, and why it ran fewer;
 *                    absent (null) from a run of one round, such as a quick run
 */
public record MachineFingerprint(int schema, String cpuModel, int cores, long memoryBytes, String os, String kernel,
                                 String arch, String jdkVendor, String jdkVersion, String gc, boolean quick,
                                 boolean forksInRounds, @JsonInclude(JsonInclude.Include.NON_NULL) Sequential sequential,
                                 @JsonInclude(JsonInclude.Include.NON_NULL) Rounds rounds) {

    /**
     * The sequential stage: after each round named in {@code looks} the report's decision code was
     * asked which rows are still open, and further rounds ran only their results.
     *
     * @param looks   the rounds after which a look is taken (the last is the most rounds a result gets)
     * @param stages  what ran: the first stage's rounds, then one stage per further round; absent while the run is under way
     * @param stopped why no further round ran; absent while the run is under way
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Sequential(List<Integer> looks, List<Stage> stages, String stopped) {

        /** The looks alone: what the decision code reads while the run is under way. */
        public static Sequential planned(List<Integer> looks) {
            return new Sequential(List.copyOf(looks), null, null);
        }
    }

    /**
     * @param rounds  the rounds of this stage
     * @param seconds its wall-clock time
     * @param results how many results (benchmark, mode and params) it ran
     */
    public record Stage(List<Integer> rounds, double seconds, int results) {
    }

    /**
     * The rounds of a run of fixed size: past the third, a benchmark's further fork runs only while
     * the run's time budget allows, so some benchmarks can have fewer forks than they declare.
     *
     * @param planned the most forks any selected benchmark declares
     * @param ran     the most rounds any benchmark ran
     * @param stopped which benchmarks' further forks did not run, and why; absent when every planned fork ran
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Rounds(int planned, int ran, String stopped) {
    }

    /** This fingerprint with {@code sequential} in place of its own. */
    public MachineFingerprint with(Sequential sequential) {
        return new MachineFingerprint(schema, cpuModel, cores, memoryBytes, os, kernel, arch, jdkVendor, jdkVersion, gc, quick,
                forksInRounds, sequential, rounds);
    }

    /** This fingerprint with {@code rounds} in place of its own. */
    public MachineFingerprint with(Rounds rounds) {
        return new MachineFingerprint(schema, cpuModel, cores, memoryBytes, os, kernel, arch, jdkVendor, jdkVersion, gc, quick,
                forksInRounds, sequential, rounds);
    }

    /** The file name, in the result file's folder. */
    public static final String FILE = "machine.json";

    static final int SCHEMA = 1;
    static final String UNKNOWN = "unknown";
    private static final long PROBE_TIMEOUT_SECONDS = 60;
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * This machine, with the JDK and GC of a JVM started as {@code java} followed by {@code jvmArgs}
     * (the fork's command line up to its main class).
     */
    public static MachineFingerprint collect(boolean quick, boolean forksInRounds, String java, List<String> jvmArgs) {
        String[] fork = probe(java, jvmArgs);
        long memory = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getTotalMemorySize() : -1;
        List<String> cpuinfo;
        try {
            cpuinfo = Files.readAllLines(Path.of("/proc/cpuinfo"));
        } catch (IOException | RuntimeException e) {
            cpuinfo = List.of(); // not Linux: the model stays unknown
        }
        return new MachineFingerprint(SCHEMA, cpuModel(cpuinfo), Runtime.getRuntime().availableProcessors(), memory,
                System.getProperty("os.name"), System.getProperty("os.version"), System.getProperty("os.arch"),
                fork[0], fork[1], fork[2], quick, forksInRounds, null, null);
    }

    /**
     * The CPU model named in /proc/cpuinfo: "model name" on x86; on ARM, where Linux often gives no
     * name, the implementer and part numbers that identify the core.
     */
    static String cpuModel(List<String> cpuinfo) {
        String implementer = null;
        String part = null;
        for (String line : cpuinfo) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = line.substring(0, colon).strip();
            String value = line.substring(colon + 1).strip();
            switch (key) {
                case "model name", "Model", "Hardware" -> {
                    if (!value.isEmpty()) {
                        return value;
                    }
                }
                case "CPU implementer" -> implementer = implementer == null ? value : implementer;
                case "CPU part" -> part = part == null ? value : part;
                default -> { }
            }
        }
        return implementer == null ? UNKNOWN : "CPU implementer " + implementer + (part == null ? "" : ", part " + part);
    }

    /** JDK vendor, JDK version and GC names of a JVM started as {@code java jvmArgs}; "unknown (why)" each when it fails. */
    private static String[] probe(String java, List<String> jvmArgs) {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(jvmArgs);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), MachineFingerprint.class.getName()));
        String why;
        try {
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            process.getOutputStream().close();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(PROBE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                why = "the probe JVM did not finish";
            } else {
                String[] lines = out.strip().split("\n");
                if (process.exitValue() == 0 && lines.length == 3) {
                    return lines;
                }
                why = "the probe JVM exited with " + process.exitValue();
            }
        } catch (IOException e) {
            why = "the probe JVM did not start: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            why = "interrupted";
        }
        String unknown = UNKNOWN + " (" + why + ")";
        return new String[] {unknown, unknown, unknown};
    }

    /** Writes this as {@link #FILE} in {@code folder}, through a temp file: a failed write keeps the old file. */
    public Path writeTo(Path folder) throws IOException {
        Files.createDirectories(folder);
        Path target = folder.resolve(FILE);
        Path temp = Files.createTempFile(folder, "machine", ".json.tmp");
        try {
            JSON.writerWithDefaultPrettyPrinter().writeValue(temp.toFile(), this);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
        return target;
    }

    /** The probe: prints this JVM's vendor, version and GC names, one a line. */
    public static void main(String[] args) {
        List<String> gc = ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName).toList();
        System.out.println(System.getProperty("java.vendor"));
        System.out.println(Runtime.version());
        System.out.println(String.join(", ", gc));
    }
}
