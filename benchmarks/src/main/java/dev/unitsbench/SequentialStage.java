package dev.unitsbench;

import dev.unitsbench.harness.MachineFingerprint.Sequential;
import dev.unitsbench.harness.MachineFingerprint.Stage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.stream.IntStream;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.RunnerException;

/**
 * The rounds after the first stage, spent only where a verdict is still open. After round 3
 * (the first stage) and after each further round, up to {@link #SEQUENTIAL_LOOKS}' last, the
 * results so far are written and the report's decision code (the {@link Decider}) names the
 * results that some still-open evidence row compares; the next round runs one more fork of each
 * of those, and nothing else, if the stage's time budget allows it.
 *
 * <p>The statistics stay in the reporter: this class only counts rounds, forks and seconds. The
 * report pairs fork r of one side with fork r of the other, so a result runs in round r only if
 * it ran in every round before (see {@link #runnable}).
 */
final class SequentialStage {

    /** The rounds after which the decider is asked; the last is the most rounds any result gets. */
    static final List<Integer> SEQUENTIAL_LOOKS = List.of(3, 4, 5);

    /** bench.sequentialMinutes' default: what the whole stage may take, decider calls included. */
    static final double DEFAULT_MINUTES = 2;

    /** The decider reads one JSON file and decides; a minute is far beyond what that takes. */
    static final long DECIDER_TIMEOUT_SECONDS = 60;

    /** The decision code's main class, in the reporter's shaded jar. */
    static final String OPEN_ROWS = "dev.unitsbench.reports.OpenRows";

    /** One result (benchmark with these params, every mode) that a still-open row compares. */
    record OpenResult(String benchmark, Map<String, String> params) {

        OpenResult {
            params = Map.copyOf(params);
        }

        /** Whether {@code p} is this result: the same benchmark, with exactly these params. */
        boolean names(BenchmarkParams p) {
            if (!p.getBenchmark().equals(benchmark) || p.getParamsKeys().size() != params.size()) {
                return false;
            }
            return p.getParamsKeys().stream().allMatch(k -> params.get(k) != null && params.get(k).equals(p.getParam(k)));
        }

        @Override
        public String toString() {
            return params.isEmpty() ? benchmark : benchmark + " " + new TreeMap<>(params);
        }
    }

    /** What the decider said: the open results, and its comment lines for the reader. */
    record Decision(List<OpenResult> open, List<String> comments) {
    }

    /** The decider failed or said something this class cannot read; the message is one line. */
    static final class DeciderException extends Exception {
        DeciderException(String message) {
            super(message);
        }
    }

    /** Names the results still open in a result file. */
    @FunctionalInterface
    interface Decider {
        Decision decide(Path results) throws DeciderException;
    }

    /** Runs one round of the stage: one fork of each open result, each a JMH run of its own. */
    @FunctionalInterface
    interface Round {
        List<RunResult> run(int round, List<OpenResult> open) throws RunnerException;
    }

    /** Writes the merged results and machine.json with {@code sequential}, each atomically. */
    @FunctionalInterface
    interface Writer {
        void write(List<RunResult> results, Sequential sequential) throws IOException;
    }

    /** Estimates one more fork of a result, in seconds, from what earlier forks took. */
    @FunctionalInterface
    interface Estimate {
        double seconds(RunResult result);
    }

    /** The results at the end, and the {@code sequential} block that says how they came about. */
    record Outcome(List<RunResult> results, Sequential sequential) {
    }

    /**
     * The decider as a JVM of its own running the reporter's {@link #OPEN_ROWS}, with the result
     * file as its one argument: {@code command} is everything before that argument. It is stopped
     * after {@code timeoutSeconds}.
     */
    record ProcessDecider(List<String> command, long timeoutSeconds) implements Decider {

        ProcessDecider {
            command = List.copyOf(command);
        }

        /** {@code java} (this JVM's) running {@code mainClass} from {@code classPath}. */
        static ProcessDecider java(String classPath, String mainClass) {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            return new ProcessDecider(List.of(java, "-Djava.awt.headless=true", "-cp", classPath, mainClass), DECIDER_TIMEOUT_SECONDS);
        }

        @Override
        public Decision decide(Path results) throws DeciderException {
            List<String> argv = new ArrayList<>(command);
            argv.add(results.toString());
            Process process;
            try {
                process = new ProcessBuilder(argv).start();
            } catch (IOException e) {
                throw new DeciderException("it did not start: " + e.getMessage());
            }
            try {
                process.getOutputStream().close();
                // Both streams are drained while it runs, so a chatty decider cannot block on a full pipe,
                // and the timeout holds even if it never closes them.
                CompletableFuture<String> stdout = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
                CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
                if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    throw new DeciderException("it did not finish within " + timeoutSeconds + " s");
                }
                if (process.exitValue() != 0) {
                    String why = stderr.join().strip().lines().findFirst().orElse("");
                    throw new DeciderException("it exited with " + process.exitValue() + (why.isEmpty() ? "" : ": " + why));
                }
                return parse(stdout.join());
            } catch (IOException e) {
                throw new DeciderException("its input could not be closed: " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DeciderException("interrupted");
            } finally {
                process.destroyForcibly(); // a no-op once it has exited; otherwise it does not outlive the look
            }
        }

        private static String readAll(java.io.InputStream in) {
            try (in) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        }
    }

    /**
     * The decider's stdout: one line per open result, {@code <benchmark>\t<param>=<value>...};
     * lines starting with {@code #} are comments; blank lines and an empty output say nothing.
     */
    static Decision parse(String stdout) throws DeciderException {
        LinkedHashSet<OpenResult> open = new LinkedHashSet<>();
        List<String> comments = new ArrayList<>();
        List<String> lines = stdout.lines().toList();
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("#")) {
                comments.add(line);
                continue;
            }
            String[] fields = line.split("\t");
            String benchmark = fields[0].strip();
            if (!benchmark.matches("[\\w$]+(\\.[\\w$]+)+")) {
                throw new DeciderException("line " + (n + 1) + " names no benchmark: '" + line + "'");
            }
            Map<String, String> params = new LinkedHashMap<>();
            for (int i = 1; i < fields.length; i++) {
                int eq = fields[i].indexOf('=');
                if (eq <= 0 || params.put(fields[i].substring(0, eq), fields[i].substring(eq + 1)) != null) {
                    throw new DeciderException("line " + (n + 1) + " has '" + fields[i] + "' where one param=value is expected: '"
                            + line + "'");
                }
            }
            open.add(new OpenResult(benchmark, params));
        }
        return new Decision(List.copyOf(open), List.copyOf(comments));
    }

    /**
     * The open results that can run round {@code round}: those whose every result (one per mode)
     * has exactly {@code round - 1} forks, that is ran in every round before. A result that missed
     * a round (it failed there, or ran fewer forks) is left out, saying why on {@code out}: fork r
     * of two sides is paired by its index, and a fork of round 5 in fourth place would pair it
     * with the other side's round 4.
     */
    static List<OpenResult> runnable(List<OpenResult> open, List<RunResult> results, int round, PrintStream out) {
        List<OpenResult> runnable = new ArrayList<>();
        for (OpenResult o : open) {
            List<RunResult> same = named(List.of(o), results);
            if (same.isEmpty()) {
                out.println("# bench: skipped " + o + ": no result of this run has exactly these params");
                continue;
            }
            List<Integer> forks = same.stream().map(r -> r.getBenchmarkResults().size()).distinct().toList();
            if (!forks.equals(List.of(round - 1))) {
                String has = forks.size() == 1 ? forks.get(0) + " forks" : forks + " forks (by mode)";
                out.println("# bench: skipped " + o + " in round " + round + ": it has " + has + ", not " + (round - 1)
                        + " (one per round so far), and the report pairs forks by round");
                continue;
            }
            runnable.add(o);
        }
        return runnable;
    }

    /** What one more fork of each result takes: the mean of its earlier forks' seconds, summed. */
    static double estimateSeconds(List<List<Double>> earlierForks) {
        return earlierForks.stream().mapToDouble(f -> f.stream().mapToDouble(Double::doubleValue).average().orElse(0)).sum();
    }

    /** The budget rule: a round runs only if the stage's time so far plus its estimate stay within the budget. */
    static boolean withinBudget(double spentSeconds, double roundSeconds, double budgetSeconds) {
        return spentSeconds + roundSeconds <= budgetSeconds;
    }

    static String minutes(double minutes) {
        return minutes == Math.rint(minutes) ? String.valueOf((long) minutes) : String.format(Locale.ROOT, "%.1f", minutes);
    }

    /** What machine.json's "stopped" calls a budget of its own, {@code bench.sequentialMinutes}. */
    static String budgetName(double minutes) {
        return "the time budget (" + minutes(minutes) + " min)";
    }

    private final List<Integer> looks;
    private final double budgetMinutes;
    private final String budgetName;
    private final Path resultFile;
    private final Decider decider;
    private final Round round;
    private final Writer writer;
    private final Estimate estimate;
    private final PrintStream out;
    private final LongSupplier nanoTime;

    /** @param budgetName what the budget is, as machine.json's "stopped" says when it stops the stage */
    SequentialStage(List<Integer> looks, double budgetMinutes, String budgetName, Path resultFile, Decider decider, Round round,
                    Writer writer, Estimate estimate, PrintStream out, LongSupplier nanoTime) {
        this.looks = List.copyOf(looks);
        this.budgetMinutes = budgetMinutes;
        this.budgetName = budgetName;
        this.resultFile = resultFile;
        this.decider = decider;
        this.round = round;
        this.writer = writer;
        this.estimate = estimate;
        this.out = out;
        this.nanoTime = nanoTime;
    }

    /**
     * Takes the looks after the first stage ({@code first}, its rounds 1 to the first look, which
     * took {@code firstSeconds}), running further rounds while rows are open, results can run
     * contiguously and the budget allows; writes the results at each look, not at the end.
     */
    Outcome run(List<RunResult> first, double firstSeconds) throws IOException {
        List<Stage> stages = new ArrayList<>();
        stages.add(new Stage(IntStream.rangeClosed(1, looks.get(0)).boxed().toList(), tenths(firstSeconds), first.size()));
        List<RunResult> results = first;
        long start = nanoTime.getAsLong();
        String stopped = null;
        for (int look = 1; stopped == null; look++) {
            int done = looks.get(look - 1);
            String at = "# bench: look " + look + " of " + looks.size() + " after round " + done + ": ";
            writer.write(results, Sequential.planned(looks));
            if (done >= looks.get(looks.size() - 1)) {
                // The last look needs no decider: no round follows it, and the report makes the last look itself.
                out.println(at + done + " rounds is the maximum");
                stopped = "the maximum of " + done + " rounds";
                break;
            }
            Decision decision;
            try {
                decision = decider.decide(resultFile);
            } catch (DeciderException e) {
                stopped = "the decider failed: " + e.getMessage();
                out.println("bench: " + stopped + "; keeping the " + done + " rounds");
                break;
            }
            decision.comments().forEach(out::println);
            if (decision.open().isEmpty()) {
                out.println(at + "no row is open");
                stopped = "no row open";
                break;
            }
            int next = done + 1;
            List<OpenResult> open = runnable(decision.open(), results, next, out);
            if (open.isEmpty()) {
                out.println(at + results(decision.open().size()) + " still open, none of which ran in every round");
                stopped = "no open result ran in every round";
                break;
            }
            List<RunResult> rerun = named(open, results);
            double roundSeconds = rerun.stream().mapToDouble(estimate::seconds).sum();
            double spent = (nanoTime.getAsLong() - start) / 1e9;
            out.printf(Locale.ROOT, "%s%s still open%s; round %d takes about %.0f s%n", at, results(decision.open().size()),
                    open.size() < decision.open().size() ? " (" + open.size() + " can run)" : "", next, roundSeconds);
            if (!withinBudget(spent, roundSeconds, budgetMinutes * 60)) {
                stopped = budgetName;
                out.printf(Locale.ROOT, "# bench: no round %d: %.0f s spent and %.0f s more exceed %s%n", next, spent, roundSeconds, stopped);
                break;
            }
            long roundStart = nanoTime.getAsLong();
            List<RunResult> fresh;
            try {
                fresh = round.run(next, open);
            } catch (RunnerException e) {
                stopped = "round " + next + " failed: " + e.getMessage();
                out.println("bench: " + stopped + "; keeping the " + done + " rounds");
                break;
            }
            stages.add(new Stage(List.of(next), tenths((nanoTime.getAsLong() - roundStart) / 1e9), fresh.size()));
            List<RunResult> all = new ArrayList<>(results);
            all.addAll(fresh); // after the earlier rounds: merge keeps each result's forks in round order
            results = ForkRounds.merge(all);
        }
        return new Outcome(results, new Sequential(looks, List.copyOf(stages), stopped));
    }

    private static String results(int n) {
        return n + (n == 1 ? " result" : " results");
    }

    /** Seconds to a tenth, as machine.json gives them. */
    private static double tenths(double seconds) {
        return Math.round(seconds * 10) / 10.0;
    }

    /** The results (one per mode) that the open ones name. */
    private static List<RunResult> named(List<OpenResult> open, List<RunResult> results) {
        return results.stream().filter(r -> open.stream().anyMatch(o -> o.names(r.getParams()))).toList();
    }
}
