package dev.unitsbench;

import dev.unitsbench.SequentialStage.OpenResult;
import dev.unitsbench.harness.MachineFingerprint;
import dev.unitsbench.harness.MachineFingerprint.Sequential;
import dev.unitsbench.model.LeanChildJvm;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
 * <p>A full run is of fixed size: 3 rounds, and rounds 4 and 5 for the few benchmarks that declare
 * 5 forks (their rows vary most from fork to fork), each benchmark's further fork started only if
 * it fits in what is left of the run's {@code bench.runMinutes} ({@link #ROUNDS_ALWAYS});
 * machine.json's {@code rounds} says how many ran, and which forks did not. A run whose first stage ends after
 * round 3 (every benchmark at 3 forks: {@code -Dbench.args="-f 3"}) then takes looks
 * ({@link SequentialStage}): after round 3 and each further round, up to 5, the reporter's decision
 * code names the results a still-open row compares, and the next round runs one more fork of those
 * alone, within {@code bench.sequentialMinutes} (default 2; 0: no such stage) of the reporter's jar
 * {@code bench.decider}. A quick run has no such stage.
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

    /**
     * The rounds every full run runs, whatever the clock: the report's paired test needs forks from
     * at least 3 rounds. Past these, each benchmark that declares more forks (or a larger {@code -f})
     * runs its next fork as a JMH run of its own, only if the fork's estimate fits in what is left of
     * the run's time budget ({@link #roundOutsideBudget}); one that does not fit stops there, and
     * the others still run. So a slow day runs fewer further forks and the run keeps its budget.
     */
    static final int ROUNDS_ALWAYS = 3;

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

    /**
     * One JMH run of the plan: fork {@code round} of every benchmark of a part or, past
     * {@link #ROUNDS_ALWAYS}, of {@code benchmark} alone (null for the former).
     */
    record PlannedRun(int round, String benchmark, org.openjdk.jmh.runner.options.Options options, String description) {
    }

    /** One JMH run of the suite: which benchmarks, with which parameter overrides. */
    record Part(String description, String include, List<String> excludes, Map<String, String> params) {

        /** This part's run of {@code benchmark} alone (a method's full name, which this part selects). */
        Part only(String benchmark) {
            return new Part(description, "^" + Pattern.quote(benchmark) + "$", excludes, params);
        }
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
        // The forks themselves share a class-data archive of their own (ForkArchive).
        try (LeanChildJvm child = LeanChildJvm.prepare(); ForkArchive archive = ForkArchive.create()) {
            List<String> forkOptions = new ArrayList<>(child.forkOptions());
            forkOptions.addAll(archive.forkOptions());
            return run(settings, forkOptions);
        }
    }

    private static int run(Settings settings, List<String> forkOptions) throws RunnerException, IOException {
        // Each part runs in rounds (ForkRounds): round r runs fork r of every benchmark that has
        // at least r forks, so that a benchmark's forks are minutes apart, not back to back.
        MachineFingerprint machine = fingerprint(settings, forkOptions);
        if (settings.runStarted() != null) {
            System.out.printf(Locale.ROOT, "# bench: the build started at %s, %.0f s ago; the full run's budget is %s min%n",
                    settings.runStarted(), Duration.between(settings.runStarted(), Instant.now()).toMillis() / 1e3,
                    SequentialStage.minutes(settings.runMinutes()));
        }
        List<Part> parts = parts(settings);
        List<Map<String, Integer>> forks = new ArrayList<>();
        int rounds = 1;
        for (Part part : parts) {
            forks.add(ForkRounds.forksByBenchmark(options(settings, forkOptions, part, 0, Map.of(), false)));
            rounds = Math.max(rounds, ForkRounds.rounds(forks.get(forks.size() - 1)));
        }
        List<PlannedRun> runs = new ArrayList<>();
        List<SuiteProgress.Planned> plan = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            for (int i = 0; i < parts.size(); i++) {
                if (ForkRounds.rounds(forks.get(i)) < round) {
                    continue;
                }
                String inRound = rounds > 1 ? "round " + round + " of " + rounds : "";
                String part = parts.size() > 1 ? (rounds > 1 ? ", " : "") + parts.get(i).description() : "";
                List<String> alone = round > ROUNDS_ALWAYS ? ForkRounds.withAtLeast(round, forks.get(i)) : Collections.singletonList(null);
                for (String benchmark : alone) {
                    Part p = benchmark == null ? parts.get(i) : parts.get(i).only(benchmark);
                    org.openjdk.jmh.runner.options.Options o = options(settings, forkOptions, p, round, forks.get(i), false);
                    runs.add(new PlannedRun(round, benchmark, o, benchmark == null
                            ? (rounds > 1 ? inRound + " (fork " + round + " of each benchmark with " + round + " or more)" : "") + part
                            : inRound + ", fork " + round + " of " + benchmark + part));
                    plan.addAll(SuiteProgress.plan(o));
                }
            }
        }
        long start = System.nanoTime();
        SuiteProgress progress = new SuiteProgress(plan, System.out, start);
        ForkTimes times = new ForkTimes();
        List<RunResult> results = new ArrayList<>();
        Map<String, Integer> forksOfAll = new LinkedHashMap<>();
        forks.forEach(f -> f.forEach((benchmark, n) -> forksOfAll.merge(benchmark, n, Math::max)));
        int ran = 0;
        List<String> stopped = new ArrayList<>();
        Set<String> outOfTime = new HashSet<>(); // benchmarks whose next fork did not fit: their forks stop there
        for (int round = 1; round <= rounds; round++) {
            int r = round;
            List<PlannedRun> inRound = new ArrayList<>(runs.stream().filter(run -> run.round() == r).toList());
            Map<PlannedRun, Double> estimates = new HashMap<>();
            if (round > ROUNDS_ALWAYS) {
                // One benchmark per JMH run, the cheapest first: as many benchmarks as the budget allows get this round's fork.
                for (PlannedRun run : inRound) {
                    estimates.put(run, roundSeconds(results, round, Map.of(run.benchmark(), forksOfAll.get(run.benchmark())), times));
                }
                inRound.sort(Comparator.comparingDouble(estimates::get));
            }
            for (PlannedRun run : inRound) {
                if (run.benchmark() != null) {
                    if (outOfTime.contains(run.benchmark())) {
                        continue;
                    }
                    String why = roundOutsideBudget(settings, round, run.benchmark(), estimates.get(run), Instant.now());
                    if (why != null) {
                        System.out.println("# bench: no fork " + round + (round < forksOfAll.get(run.benchmark()) ? " or later" : "")
                                + " of " + run.benchmark() + ": " + why);
                        stopped.add(why);
                        outOfTime.add(run.benchmark());
                        continue;
                    }
                }
                ran = round;
                if (runs.size() > 1) {
                    System.out.printf("%n# bench: run %d of %d: %s%n", runs.indexOf(run) + 1, runs.size(), run.description());
                }
                try {
                    results.addAll(new Runner(run.options(), progress.around(run.options(), times)).run());
                } catch (NoBenchmarksException e) {
                    System.out.println("# bench: no benchmark of this run matches bench.include; skipped");
                }
            }
        }
        results = ForkRounds.merge(results);
        double firstSeconds = (System.nanoTime() - start) / 1e9;
        if (results.isEmpty()) {
            System.err.println("bench: bench.include='" + settings.include()
                    + "' matched no benchmark; list them with: java -jar benchmarks/target/benchmarks.jar -l");
            return 0;
        }
        Path folder = settings.result().toAbsolutePath().getParent();
        MachineFingerprint measured = rounds > 1
                ? machine.with(new MachineFingerprint.Rounds(rounds, ran, stopped.isEmpty() ? null : String.join("; ", stopped))) : machine;
        Sequential sequential = null;
        String noStage = noSequentialStage(settings, rounds);
        Budget budget = Budget.of(settings, Instant.now());
        if (noStage == null && budget.tooShort()) {
            // Decided from the clock alone, before any look at the data: the run is then one of fixed size, and the
            // report tests each row once, at the full alpha, instead of spending part of it on a look with no round after it.
            noStage = "only " + budget.why() + "; a further round of the usual open results takes about "
                    + SequentialStage.minutes(Budget.ROUND_MINUTES) + " min";
        }
        if (noStage == null) {
            System.out.println("# bench: sequential stage: " + budget.why());
            SequentialStage.Outcome outcome = sequentialStage(settings, forkOptions, measured, times, budget).run(results, firstSeconds);
            results = outcome.results();
            sequential = outcome.sequential();
        } else if (!noStage.isEmpty()) {
            System.out.println("# bench: no sequential stage: " + noStage);
        }
        write(results, settings.result());
        Path machineFile = measured.with(sequential).writeTo(folder);
        System.out.println("bench: wrote " + results.size() + " results to " + settings.result().toAbsolutePath()
                + ", and the machine they ran on to " + machineFile);
        return results.size();
    }

    /**
     * Why this run has no sequential stage, or null when it has one: a quick run never has one
     * (empty: nothing to say), nor a run whose budget is 0 or whose first stage did not end at the
     * first look: the default full run, whose benchmarks with 5 forks run 5 fixed rounds, or one
     * whose bench.args' {@code -f} changes the rounds.
     */
    static String noSequentialStage(Settings settings, int rounds) {
        if (settings.quick()) {
            return "";
        }
        if (settings.sequentialMinutes() == 0) {
            return "bench.sequentialMinutes is 0";
        }
        int first = SequentialStage.SEQUENTIAL_LOOKS.get(0);
        if (rounds != first) {
            return "the first stage ran " + rounds + (rounds == 1 ? " round" : " rounds") + ", and the looks are after rounds "
                    + SequentialStage.SEQUENTIAL_LOOKS + (rounds > first ? ": a run of fixed size (-Dbench.args=\"-f " + first
                    + "\" gives every benchmark " + first + " forks, and the stage its looks)" : "");
        }
        return null;
    }

    /**
     * Why {@code benchmark}'s fork in round {@code round}, estimated at {@code seconds}, does not
     * start, or null when it fits in what is left of the run's {@code bench.runMinutes} once the
     * report's share is kept aside. A run given no start ({@code bench.runStarted}: run outside
     * Maven) has no budget and runs every round.
     */
    static String roundOutsideBudget(Settings settings, int round, String benchmark, double seconds, Instant now) {
        if (settings.runStarted() == null) {
            return null;
        }
        double left = Budget.minutesLeft(settings, now) * 60;
        if (seconds <= left) {
            return null;
        }
        String name = benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1);
        return String.format(Locale.ROOT, "round %d of %s (about %.0f s) did not fit in what was left of the run's %s min"
                + " (bench.runMinutes): %.0f s once the report's %.0f s were kept", round, name, seconds,
                SequentialStage.minutes(settings.runMinutes()), left, Budget.REPORT_MINUTES * 60);
    }

    /**
     * What round {@code round} takes: one more fork of each result so far whose benchmark has at
     * least that many forks, each at the mean of its forks so far ({@link #estimate}).
     */
    static double roundSeconds(List<RunResult> soFar, int round, Map<String, Integer> forks, ForkTimes times) {
        Map<String, RunResult> byKey = new LinkedHashMap<>();
        for (RunResult r : soFar) {
            if (forks.getOrDefault(r.getParams().getBenchmark(), 0) >= round) {
                byKey.putIfAbsent(ForkRounds.key(r.getParams()), r);
            }
        }
        return byKey.values().stream().mapToDouble(r -> estimate(r, times)).sum();
    }

    /**
     * What the sequential stage may spend: {@code bench.sequentialMinutes}, and no more than what is
     * left of the whole run's {@code bench.runMinutes} (counted from the build's start,
     * {@code bench.runStarted}, which the pom passes) once the report's share is kept aside. So
     * the full run stays within its budget on a slow day, and a faster day buys more rounds.
     *
     * @param minutes what the stage may spend
     * @param byRun   whether the run's budget, not bench.sequentialMinutes, set it
     * @param name    what machine.json's "stopped" calls it
     * @param why     the progress line's account of it
     */
    record Budget(double minutes, boolean byRun, String name, String why) {

        /** Kept for the report after the benchmarks: rendering and the page's charts (about 2 s measured), with room to spare. */
        static final double REPORT_MINUTES = 0.2;

        /**
         * About what a further round of a full run's usual open results takes on 2 cores (49-82 s measured, 28-38
         * results); a round the stage estimates longer than what is left does not start.
         */
        static final double ROUND_MINUTES = 1.0;

        /**
         * Whether the run's own budget leaves less than one round: then there is no stage at all, so no look
         * spends alpha on a round that cannot follow. Decided from the clock, never from the results.
         */
        boolean tooShort() {
            return byRun && minutes < ROUND_MINUTES;
        }

        /** What is left of the run's budget at {@code now}, in minutes, once the report's share is kept aside; never negative. */
        static double minutesLeft(Settings settings, Instant now) {
            double spent = Duration.between(settings.runStarted(), now).toMillis() / 60_000.0;
            return Math.max(0, settings.runMinutes() - spent - REPORT_MINUTES);
        }

        static Budget of(Settings settings, Instant now) {
            double own = settings.sequentialMinutes();
            String ownName = SequentialStage.budgetName(own);
            if (settings.runStarted() == null) {
                return new Budget(own, false, ownName, SequentialStage.minutes(own) + " min (bench.sequentialMinutes)");
            }
            double spent = Duration.between(settings.runStarted(), now).toMillis() / 60_000.0;
            double left = minutesLeft(settings, now);
            String run = String.format(Locale.ROOT, "the run has spent %.1f of its %s min (bench.runMinutes)", spent,
                    SequentialStage.minutes(settings.runMinutes()));
            if (left >= own) {
                return new Budget(own, false, ownName, SequentialStage.minutes(own) + " min (bench.sequentialMinutes); " + run);
            }
            double minutes = Math.floor(left * 10) / 10;
            return new Budget(minutes, true, "the run's time budget (" + SequentialStage.minutes(settings.runMinutes()) + " min)",
                    SequentialStage.minutes(minutes) + " min: " + run + ", and the report needs about "
                            + SequentialStage.minutes(REPORT_MINUTES) + " min");
        }
    }

    /**
     * The rounds after the first stage: the reporter's decision code decides, {@link #rerun} runs,
     * the result file and machine.json are written at each look, each fork's time estimates the next.
     */
    private static SequentialStage sequentialStage(Settings settings, List<String> forkOptions, MachineFingerprint machine,
                                                   ForkTimes times, Budget budget) {
        return new SequentialStage(SequentialStage.SEQUENTIAL_LOOKS, budget.minutes(), budget.name(), settings.result(),
                decider(settings.decider(), settings.deciderPython()),
                (round, open) -> rerun(settings, forkOptions, round, open, times),
                (results, sequential) -> {
                    write(results, settings.result());
                    machine.with(sequential).writeTo(settings.result().toAbsolutePath().getParent());
                },
                result -> estimate(result, times), System.out, System::nanoTime);
    }

    /**
     * The reporter's decision code in a JVM of its own, or, without its jar, a decider that says so.
     * Given the CPython cross-check's file ({@code python}, when it exists), it counts the CPython
     * rows of a claim's family as the report will.
     */
    private static SequentialStage.Decider decider(Path reportsJar, Path python) {
        if (!Files.isRegularFile(reportsJar)) {
            return results -> {
                throw new SequentialStage.DeciderException(reportsJar.toAbsolutePath() + " is missing (bench.decider;"
                        + " build it with: mvn -B -q -pl reports -am package -DskipTests)");
            };
        }
        SequentialStage.ProcessDecider decider = SequentialStage.ProcessDecider.java(reportsJar.toString(), SequentialStage.OPEN_ROWS);
        if (python == null || !Files.isRegularFile(python)) {
            return decider;
        }
        List<String> command = new ArrayList<>(decider.command());
        command.add("--python=" + python.toAbsolutePath());
        return new SequentialStage.ProcessDecider(command, decider.timeoutSeconds());
    }

    /**
     * One round of the sequential stage: one fork of each open result, each its own JMH run
     * ({@link #rerunOptions}); only results the open ones name are kept, so a wider include in
     * bench.args cannot give another result a fork out of its round.
     */
    private static List<RunResult> rerun(Settings settings, List<String> forkOptions, int round, List<OpenResult> open,
                                         ForkTimes times) throws RunnerException {
        List<org.openjdk.jmh.runner.options.Options> options = open.stream().map(o -> rerunOptions(settings, forkOptions, o)).toList();
        List<SuiteProgress.Planned> plan = new ArrayList<>();
        options.forEach(o -> plan.addAll(SuiteProgress.plan(o)));
        SuiteProgress progress = new SuiteProgress(plan, System.out, System.nanoTime());
        List<RunResult> results = new ArrayList<>();
        for (int i = 0; i < options.size(); i++) {
            System.out.printf("%n# bench: round %d, run %d of %d: %s%n", round, i + 1, options.size(), open.get(i));
            OpenResult o = open.get(i);
            new Runner(options.get(i), progress.around(options.get(i), times)).run().stream()
                    .filter(r -> o.names(r.getParams())).forEach(results::add);
        }
        return results;
    }

    /**
     * The JMH options that run one more fork of {@code open}: its benchmark alone ({@code ^name$})
     * with exactly its params, one fork, and every other option as in the first stage.
     */
    static org.openjdk.jmh.runner.options.Options rerunOptions(Settings settings, List<String> forkOptions, OpenResult open) {
        Part part = new Part(open.toString(), "^" + Pattern.quote(open.benchmark()) + "$", List.of(), open.params());
        return options(settings, forkOptions, part, 1, Map.of(), true);
    }

    /** One more fork of {@code result}: the mean of its timed forks; its planned time where none was timed. */
    private static double estimate(RunResult result, ForkTimes times) {
        List<Double> timed = times.of(ForkRounds.key(result.getParams()));
        if (!timed.isEmpty()) {
            return SequentialStage.estimateSeconds(List.of(timed));
        }
        return SuiteProgress.forkSeconds(result.getParams());
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
     * The part's params win over bench.args' {@code -p} only if {@code exactParams}.
     */
    private static org.openjdk.jmh.runner.options.Options options(Settings settings, List<String> forkOptions, Part part,
                                                                  int round, Map<String, Integer> forks, boolean exactParams) {
        CommandLineOptions extra = settings.extraJmhOptions();
        ChainedOptionsBuilder builder = new OptionsBuilder().parent(extra).include(part.include());
        part.excludes().forEach(builder::exclude);
        if (round > 0) {
            ForkRounds.excludedIn(round, forks).forEach(builder::exclude);
        }
        part.params().forEach((name, value) -> {
            if (extra.getParameter(name).hasValue() && !exactParams) {
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
        List<String> prepend = new ArrayList<>(forkOptions);
        prepend.addAll(extra.getJvmArgsPrepend().orElse(List.of()));
        builder.jvmArgsPrepend(prepend.toArray(String[]::new));
        return builder.build();
    }

    /**
     * The machine, and the JDK and GC of a JVM started the way JMH starts this run's forks: the
     * same java binary ({@code -jvm} in bench.args, else this JVM's) and flags (this JVM's, or
     * {@code -jvmArgs}, with the suite's and bench.args' prepended and appended ones).
     */
    static MachineFingerprint fingerprint(Settings settings, List<String> forkOptions) {
        CommandLineOptions extra = settings.extraJmhOptions();
        List<String> flags = new ArrayList<>(forkOptions);
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

    /**
     * The {@code bench.*} properties, checked: {@code sequentialMinutes} is the sequential stage's
     * budget (0: no stage), {@code decider} the reporter's jar whose decision code it asks,
     * {@code deciderPython} the CPython cross-check's file it reads too (null: none).
     */
    record Settings(String include, boolean quick, Scale scale, CommandLineOptions extraJmhOptions, Path result,
                    double sequentialMinutes, Path decider, Path deciderPython, Instant runStarted, double runMinutes) {

        /** The whole run's budget when the pom gives its start: the full run's 20 minutes on a 2-core machine. */
        static final double DEFAULT_RUN_MINUTES = 20;

        Settings(String include, boolean quick, Scale scale, CommandLineOptions extraJmhOptions, Path result,
                 double sequentialMinutes, Path decider) {
            this(include, quick, scale, extraJmhOptions, result, sequentialMinutes, decider, null, null, DEFAULT_RUN_MINUTES);
        }

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
                    Path.of(System.getProperty("bench.result", "jmh-result.json")),
                    sequentialMinutes(System.getProperty("bench.sequentialMinutes", "")),
                    Path.of(System.getProperty("bench.decider", "reports.jar")),
                    System.getProperty("bench.decider.python", "").isBlank() ? null
                            : Path.of(System.getProperty("bench.decider.python").strip()),
                    runStarted(System.getProperty("bench.runStarted", "")),
                    runMinutes(System.getProperty("bench.runMinutes", "")));
        }

        /** The build's start as the pom passes it (ISO-8601, UTC); blank: unknown, the stage then has its own budget only. */
        static Instant runStarted(String value) {
            if (value.isBlank()) {
                return null;
            }
            try {
                return Instant.parse(value.strip());
            } catch (DateTimeParseException e) {
                throw new BadSettingsException("bench.runStarted must be an instant such as 2026-12-06T03:16:40Z, got '" + value + "'");
            }
        }

        static double runMinutes(String value) {
            if (value.isBlank()) {
                return DEFAULT_RUN_MINUTES;
            }
            double minutes = finiteNumber(value);
            if (minutes > 0) {
                return minutes;
            }
            throw new BadSettingsException("bench.runMinutes must be a number of minutes above 0, got '" + value + "'");
        }

        /** The number {@code value} spells, or NaN when it spells none or an infinite one. */
        private static double finiteNumber(String value) {
            try {
                double number = Double.parseDouble(value.strip());
                return Double.isFinite(number) ? number : Double.NaN;
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }

        static double sequentialMinutes(String value) {
            if (value.isBlank()) {
                return SequentialStage.DEFAULT_MINUTES;
            }
            double minutes = finiteNumber(value);
            if (minutes >= 0) {
                return minutes;
            }
            throw new BadSettingsException("bench.sequentialMinutes must be minutes, 0 or more (0: no sequential stage), got '"
                    + value + "'");
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
