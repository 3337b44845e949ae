package dev.unitsbench;

import dev.unitsbench.harness.MachineFingerprint;
import dev.unitsbench.model.LeanChildJvm;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.NoBenchmarksException;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * What {@code mvn verify -Pbench} runs: JMH over the suite, steered by the {@code bench.*}
 * system properties that the README documents, writing one JMH JSON file.
 *
 * <ul>
 *   <li>{@code bench.include}: regex of benchmarks to run (JMH's own include syntax).</li>
 *   <li>{@code bench.quick}: one fork, no warm-up and one measured iteration (of 300 ms where an
 *       iteration is timed), and the million-unit sizes cut to small ones: a smoke run that proves
 *       every benchmark runs and reports, not a measurement.</li>
 *   <li>{@code bench.scale}: {@code default}, or {@code tutorial} for the tutorial's own sizes.</li>
 *   <li>{@code bench.args}: more JMH command-line options, split at spaces; they win over the above.</li>
 *   <li>{@code bench.result}: where the JSON goes; {@code machine.json} beside it says which machine,
 *       JDK and GC ran it ({@link MachineFingerprint}).</li>
 * </ul>
 *
 * <p>The tutorial's sizes differ per benchmark (a 2 s sleep for T2, a 1 s sleep for T4), while
 * JMH's {@code -p} sets a parameter for every benchmark at once; so at tutorial scale each
 * resized benchmark class runs as a JMH run of its own, and the results are merged into one file.
 * (Today that is T4 alone: a global {@code -p sleepMillis=1000} would also shorten T2's sleeps.)
 * A quick run resizes the same way the benchmarks whose full sizes are a million units.
 * Forks run in rounds ({@link ForkRounds}): round r runs fork r of every benchmark with r or more
 * forks, and each benchmark's forks are merged into one result, so that they sample the whole
 * run's conditions. (Plain {@code java -jar benchmarks.jar} remains the JMH you know.)
 *
 * <p>At each benchmark's start, one line gives the position in the whole suite (family k of n,
 * benchmark j of m), the time elapsed and an ETA across every JMH run ({@link SuiteProgress}).
 */
public final class SuiteRunner {

    /**
     * Measured iterations of a quick run: one proves that a benchmark runs and reports; a second
     * would add a whole process batch (25 s for 400 child JVMs) and still not make a measurement.
     */
    static final int QUICK_MEASUREMENT_ITERATIONS = 1;

    /** Length of a timed iteration in a quick run; single-shot benchmarks ignore it. */
    static final TimeValue QUICK_ITERATION_TIME = TimeValue.milliseconds(300);

    /** Exit status for a bad property or a selection that matches nothing. */
    static final int EXIT_BAD_SETTINGS = 2;

    /** A benchmark class and the parameter values that give it other sizes (the tutorial's, or a quick run's). */
    record Resize(String benchmarkClass, Map<String, String> params, String sizes) {
        String classPattern() {
            return "\\." + Pattern.quote(benchmarkClass) + "\\.";
        }
    }

    /**
     * The tutorial's sizes, from ../shared/tutorial-claims.md. T1's loop (4 workers x 100 000 000
     * iterations) and T2's sleeps (400 x 2 s) are the defaults already, so they need no entry.
     */
    static final List<Resize> TUTORIAL_SIZES = List.of(
            // T4: 10 processes, each time.sleep(1)
            new Resize("io.JoinOrderBenchmark", Map.of("sleepMillis", "1000"), "the tutorial's sizes"));

    /**
     * A quick run's sizes where the full run's are a million units: a smoke run only proves that
     * a benchmark runs and reports, and one cold batch of 1 000 000 virtual threads takes seconds.
     * (ManySleepers' platform state shares {@code workers}; it runs 10 000 in both runs.)
     */
    static final List<Resize> QUICK_SIZES = List.of(
            new Resize("io.ManySleepersBenchmark", Map.of("workers", "10000"), "the quick run's sizes"),
            new Resize("coroutines.FanOutTreeBenchmark", Map.of("depth", "4"), "the quick run's sizes"));

    /** One JMH run of the suite: which benchmarks, with which parameter overrides. */
    record Part(String description, String include, List<String> excludes, Map<String, String> params) {
    }

    private SuiteRunner() {
    }

    public static void main(String[] args) {
        try {
            int written = run(Settings.fromSystemProperties());
            System.exit(written > 0 ? 0 : EXIT_BAD_SETTINGS);
        } catch (BadSettingsException e) {
            System.err.println("bench: " + e.getMessage());
            System.exit(EXIT_BAD_SETTINGS);
        } catch (RunnerException | IOException e) {
            System.err.println("bench: the run failed: " + e.getMessage());
            System.exit(1);
        }
    }

    /** Runs every part and writes the merged results; returns how many results were written. */
    static int run(Settings settings) throws RunnerException, IOException {
        // The lean child JVM (thin jar and start-up archive) is prepared once here and handed to
        // every fork, which would otherwise pack and train its own; closing it removes the archive.
        try (LeanChildJvm child = LeanChildJvm.prepare()) {
            return run(settings, child.forkOptions());
        }
    }

    private static int run(Settings settings, List<String> childOptions) throws RunnerException, IOException {
        // Each part runs in rounds (ForkRounds): round r runs fork r of every benchmark that has
        // at least r forks, so that a benchmark's forks are minutes apart, not back to back.
        MachineFingerprint machine = fingerprint(settings, childOptions);
        List<Part> parts = parts(settings);
        List<Map<String, Integer>> forks = new ArrayList<>();
        int rounds = 1;
        for (Part part : parts) {
            forks.add(ForkRounds.forksByBenchmark(options(settings, childOptions, part, 0, Map.of())));
            rounds = Math.max(rounds, ForkRounds.rounds(forks.get(forks.size() - 1)));
        }
        List<String> descriptions = new ArrayList<>();
        List<org.openjdk.jmh.runner.options.Options> options = new ArrayList<>();
        List<SuiteProgress.Planned> plan = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            for (int i = 0; i < parts.size(); i++) {
                if (ForkRounds.rounds(forks.get(i)) < round) {
                    continue;
                }
                org.openjdk.jmh.runner.options.Options o = options(settings, childOptions, parts.get(i), round, forks.get(i));
                options.add(o);
                plan.addAll(SuiteProgress.plan(o));
                descriptions.add((rounds > 1 ? "round " + round + " of " + rounds + " (fork " + round + " of each benchmark with "
                        + round + " or more)" : "") + (parts.size() > 1 ? (rounds > 1 ? ", " : "") + parts.get(i).description() : ""));
            }
        }
        SuiteProgress progress = new SuiteProgress(plan, System.out, System.nanoTime());
        List<RunResult> results = new ArrayList<>();
        for (int i = 0; i < options.size(); i++) {
            if (options.size() > 1) {
                System.out.printf("%n# bench: run %d of %d: %s%n", i + 1, options.size(), descriptions.get(i));
            }
            try {
                results.addAll(new Runner(options.get(i), progress.around(options.get(i))).run());
            } catch (NoBenchmarksException e) {
                System.out.println("# bench: no benchmark of this run matches bench.include; skipped");
            }
        }
        results = ForkRounds.merge(results);
        if (results.isEmpty()) {
            System.err.println("bench: bench.include='" + settings.include()
                    + "' matched no benchmark; list them with: java -jar benchmarks/target/benchmarks.jar -l");
            return 0;
        }
        write(results, settings.result());
        Path machineFile = machine.writeTo(settings.result().toAbsolutePath().getParent());
        System.out.println("bench: wrote " + results.size() + " results to " + settings.result().toAbsolutePath()
                + ", and the machine they ran on to " + machineFile);
        return results.size();
    }

    static List<Part> parts(Settings settings) {
        List<Resize> resizes = new ArrayList<>();
        if (settings.scale() == Scale.TUTORIAL) {
            resizes.addAll(TUTORIAL_SIZES);
        }
        if (settings.quick()) {
            resizes.addAll(QUICK_SIZES);
        }
        if (resizes.isEmpty()) {
            return List.of(new Part("the suite at default sizes", settings.include(), List.of(), Map.of()));
        }
        List<Part> parts = new ArrayList<>();
        List<String> resized = new ArrayList<>();
        for (Resize resize : resizes) {
            String both = "^(?=.*(?:" + settings.include() + "))(?=.*" + resize.classPattern() + ")";
            parts.add(new Part(resize.benchmarkClass() + " at " + resize.sizes() + " " + resize.params(),
                    both, List.of(), resize.params()));
            resized.add(resize.classPattern());
        }
        parts.add(new Part("every other benchmark, at default sizes", settings.include(), resized, Map.of()));
        return parts;
    }

    /**
     * The JMH options of one part; with {@code round} 1 or more, of that round: one fork of every
     * benchmark with at least {@code round} forks ({@code forks}, from {@code round} 0's options).
     */
    private static org.openjdk.jmh.runner.options.Options options(Settings settings, List<String> childOptions, Part part,
                                                                  int round, Map<String, Integer> forks) {
        CommandLineOptions extra = settings.extraJmhOptions();
        ChainedOptionsBuilder builder = new OptionsBuilder().parent(extra).include(part.include());
        part.excludes().forEach(builder::exclude);
        if (round > 0) {
            ForkRounds.excludedIn(round, forks).forEach(builder::exclude);
        }
        part.params().forEach((name, value) -> {
            if (extra.getParameter(name).hasValue()) {
                return; // an explicit -p in bench.args wins
            }
            builder.param(name, value);
        });
        if (settings.quick()) {
            if (!extra.getForkCount().hasValue()) {
                builder.forks(1);
            }
            if (!extra.getWarmupIterations().hasValue()) {
                builder.warmupIterations(0);
            }
            if (!extra.getMeasurementIterations().hasValue()) {
                builder.measurementIterations(QUICK_MEASUREMENT_ITERATIONS);
            }
            if (!extra.getMeasurementTime().hasValue()) {
                builder.measurementTime(QUICK_ITERATION_TIME);
            }
        }
        if (round > 0) {
            builder.forks(1); // the fork count is the number of rounds the benchmark takes part in
        }
        // JMH starts each fork with this JVM's own flags, so -Dbench.childFootprintMiB reaches the
        // benchmarks without help. The lean child's options (see run) go first (prepend): an option
        // given here replaces the same attribute of @Fork, and benchmarks set their own flags with
        // @Fork(jvmArgsAppend = ...).
        List<String> prepend = new ArrayList<>(childOptions);
        prepend.addAll(extra.getJvmArgsPrepend().orElse(List.of()));
        builder.jvmArgsPrepend(prepend.toArray(String[]::new));
        return builder.build();
    }

    /**
     * The machine, and the JDK and GC of a JVM started the way JMH starts this run's forks: the
     * same java binary ({@code -jvm} in bench.args, else this JVM's) and flags (this JVM's, or
     * {@code -jvmArgs}, with the suite's and bench.args' prepended and appended ones).
     */
    static MachineFingerprint fingerprint(Settings settings, List<String> childOptions) {
        CommandLineOptions extra = settings.extraJmhOptions();
        List<String> flags = new ArrayList<>(childOptions);
        flags.addAll(extra.getJvmArgsPrepend().orElse(List.of()));
        flags.addAll(extra.getJvmArgs().orElse(ManagementFactory.getRuntimeMXBean().getInputArguments()));
        flags.addAll(extra.getJvmArgsAppend().orElse(List.of()));
        String java = extra.getJvm().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // Every run of the suite runs its forks in rounds (ForkRounds): fork r of every benchmark in round r.
        return MachineFingerprint.collect(settings.quick(), true, java, flags);
    }

    /** Writes JMH's JSON next to the target, then moves it in place: a failed write keeps the old file. */
    private static void write(Collection<RunResult> results, Path target) throws IOException {
        Path folder = target.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path temp = Files.createTempFile(folder, "jmh-result", ".json.tmp");
        try {
            ResultFormatFactory.getInstance(ResultFormatType.JSON, temp.toString()).writeOut(results);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    enum Scale { DEFAULT, TUTORIAL }

    /** A property with a value we cannot use. */
    static final class BadSettingsException extends RuntimeException {
        BadSettingsException(String message) {
            super(message);
        }
    }

    /** The {@code bench.*} properties, checked. */
    record Settings(String include, boolean quick, Scale scale, CommandLineOptions extraJmhOptions, Path result) {

        static Settings fromSystemProperties() {
            String include = System.getProperty("bench.include", ".*").strip();
            if (include.isEmpty()) {
                include = ".*";
            }
            try {
                Pattern.compile(include);
            } catch (PatternSyntaxException e) {
                throw new BadSettingsException("bench.include is not a valid regex: " + e.getDescription()
                        + " in '" + include + "'");
            }
            return new Settings(include,
                    quick(System.getProperty("bench.quick", "false")),
                    scale(System.getProperty("bench.scale", "default")),
                    jmhOptions(System.getProperty("bench.args", "")),
                    Path.of(System.getProperty("bench.result", "jmh-result.json")));
        }

        static boolean quick(String value) {
            return switch (value.strip().toLowerCase()) {
                case "", "true" -> true;
                case "false" -> false;
                default -> throw new BadSettingsException("bench.quick must be true or false, got '" + value + "'");
            };
        }

        static Scale scale(String value) {
            return switch (value.strip().toLowerCase()) {
                case "", "default" -> Scale.DEFAULT;
                case "tutorial" -> Scale.TUTORIAL;
                default -> throw new BadSettingsException("bench.scale must be 'default' or 'tutorial', got '" + value + "'");
            };
        }

        static CommandLineOptions jmhOptions(String args) {
            String[] words = args.isBlank() ? new String[0] : args.strip().split("\\s+");
            try {
                return new CommandLineOptions(words);
            } catch (CommandLineOptionException e) {
                throw new BadSettingsException("bench.args holds an option JMH does not accept: " + e.getMessage()
                        + " (see java -jar benchmarks/target/benchmarks.jar -h)");
            }
        }
    }
}
