package dev.unitsbench.crosscheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.unitsbench.work.Executables;
import dev.unitsbench.work.PrivateFolders;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The same-machine cross-check of {@code mvn verify -Pbench}: after JMH, run the tutorial's own
 * experiments (T1, T2, T3) in CPython, from the scripts in {@code scripts/tutorial/}, and write
 * their timings for the reporter ({@link CrossCheckResult}). The JVM's figures then stand beside
 * CPython's on the same machine, not beside the tutorial's 8-core ones.
 *
 * <p>Each repeat runs every experiment once, in order, so that drift of a shared machine spreads
 * over all of them. Each script run is one {@code python3} process, bounded by {@link #RUN_LIMIT}:
 * past it, the run and every process it started are killed, and the cross-check is skipped. A
 * missing {@code python3}, a failing script or one that prints no timing also skips it: one line
 * says why, the file says why, and the bench run goes on (this step exits 0). Only a bad property
 * value stops it (exit status 2).
 *
 * <p>System properties: {@code bench.python} ({@code true}, or {@code false} to skip),
 * {@code bench.quick} (one repeat instead of {@link #REPEATS}), {@code bench.python.scripts}
 * (the scripts folder, default {@code scripts/tutorial}), {@code bench.python.result} (the file
 * to write, default {@code python-crosscheck.json}).
 */
public final class PythonCrossCheck {

    /** Repeats of a full run, and of a quick ({@code -Dbench.quick}) one. */
    static final int REPEATS = 3;
    static final int QUICK_REPEATS = 1;
    /**
     * Longest a single script run may take. The slowest, T1 with threads, took 21 s on the
     * tutorial's machine and 6-12 s on a shared 2-core VM: this leaves room for a slow CI runner.
     */
    static final Duration RUN_LIMIT = Duration.ofSeconds(120);
    static final String PYTHON = "python3";
    static final int EXIT_BAD_SETTINGS = 2;
    /** At most this many characters of a script's output are quoted in a reason. */
    private static final int QUOTE_LIMIT = 160;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Settings settings;
    private final List<TutorialExperiment> experiments;
    private final Duration runLimit;
    private final PrintStream console;

    /** The script run in progress, killed with its children if this JVM is stopped. */
    private volatile Process running;
    private volatile Instant runningSince = Instant.now();
    /** Set by the shutdown hook: a script run that ends now was killed, not failed. */
    private volatile boolean stopping;

    PythonCrossCheck(Settings settings, List<TutorialExperiment> experiments, Duration runLimit, PrintStream console) {
        this.settings = settings;
        this.experiments = List.copyOf(experiments);
        this.runLimit = runLimit;
        this.console = console;
    }

    public static void main(String[] args) {
        Settings settings;
        try {
            settings = Settings.fromSystemProperties();
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage());
            System.exit(EXIT_BAD_SETTINGS);
            return;
        }
        PythonCrossCheck check = new PythonCrossCheck(settings, TutorialExperiment.TUTORIAL, RUN_LIMIT, System.out);
        Thread killer = new Thread(check::killRunning, "python-crosscheck-killer");
        Runtime.getRuntime().addShutdownHook(killer);
        try {
            CrossCheckResult result = check.run();
            result.writeTo(settings.result());
            System.out.println("bench: wrote the CPython cross-check (" + result.status() + ") to "
                    + settings.result().toAbsolutePath());
        } catch (IOException e) {
            // The JMH results are written already; the report says the cross-check is missing.
            System.err.println("bench: could not write " + settings.result().toAbsolutePath() + ": " + e.getMessage()
                    + "; the report will show no CPython cross-check");
        }
    }

    /** Runs every experiment {@code repeats} times, or says why not; never throws for Python's faults. */
    CrossCheckResult run() {
        int repeats = settings.repeats();
        if (!settings.enabled()) {
            console.println("bench: the CPython cross-check is turned off (-Dbench.python=false)");
            return CrossCheckResult.skipped("turned off with -Dbench.python=false", null, null, repeats);
        }
        Optional<Path> python = Executables.onPath(PYTHON, settings.pathVariable());
        if (python.isEmpty()) {
            return skip("python3 not found on PATH", null, null, repeats);
        }
        if (!Files.isDirectory(settings.scripts())) {
            return skip("no tutorial scripts in " + settings.scripts().toAbsolutePath(), null, null, repeats);
        }
        Path output;
        try {
            output = PrivateFolders.create("python-crosscheck");
        } catch (IOException e) {
            return skip("could not create a temp folder: " + e.getMessage(), null, null, repeats);
        }
        String version = null;
        String platform = null;
        try {
            JsonNode about = runScript(python.get(), "about.py", List.of(), output);
            version = about.path("python").asText("Python");
            platform = about.path("platform").asText("unknown platform") + ", " + about.path("cpus").asInt() + " CPUs";
            console.printf("bench: CPython cross-check with %s on %s (start method %s): %d experiments x %d repeat%s,"
                            + " each run limited to %d s%n", version, platform, about.path("start_method").asText("?"),
                    experiments.size(), repeats, repeats == 1 ? "" : "s", runLimit.toSeconds());
            List<List<Double>> samples = new ArrayList<>();
            experiments.forEach(e -> samples.add(new ArrayList<>()));
            for (int repeat = 1; repeat <= repeats; repeat++) {
                for (int i = 0; i < experiments.size(); i++) {
                    TutorialExperiment experiment = experiments.get(i);
                    double seconds = seconds(experiment, runScript(python.get(), experiment.script(), experiment.args(), output));
                    samples.get(i).add(seconds);
                    console.printf(Locale.ROOT, "bench: python %d/%d %-15s %-40s %.6f s%n", repeat, repeats,
                            experiment.id(), experiment.label(), seconds);
                }
            }
            List<CrossCheckResult.Experiment> results = new ArrayList<>();
            for (int i = 0; i < experiments.size(); i++) {
                results.add(CrossCheckResult.Experiment.of(experiments.get(i), samples.get(i)));
            }
            return CrossCheckResult.ran(version, platform, repeats, results);
        } catch (ScriptFailure e) {
            return skip(e.getMessage(), version, platform, repeats);
        } finally {
            deleteRecursively(output);
        }
    }

    private CrossCheckResult skip(String reason, String python, String platform, int repeats) {
        console.println("bench: " + reason + "; the CPython cross-check is skipped");
        return CrossCheckResult.skipped(reason, python, platform, repeats);
    }

    /** The positive, finite {@code "seconds"} that every tutorial script prints. */
    private double seconds(TutorialExperiment experiment, JsonNode printed) throws ScriptFailure {
        JsonNode seconds = printed.get("seconds");
        if (seconds == null || !seconds.isNumber() || !(seconds.asDouble() > 0) || Double.isInfinite(seconds.asDouble())) {
            throw new ScriptFailure(name(experiment.script(), experiment.args()) + " printed no positive \"seconds\": " + quote(printed.toString()));
        }
        return seconds.asDouble();
    }

    /**
     * Runs one script and returns the JSON object it printed on standard output. Its output goes to
     * files in {@code output} (no pipe to drain, nothing lost on a kill).
     */
    private JsonNode runScript(Path python, String script, List<String> args, Path output) throws ScriptFailure {
        Path file = settings.scripts().resolve(script);
        String name = name(script, args);
        List<String> command = new ArrayList<>(List.of(python.toString(), file.toString()));
        command.addAll(args);
        Path out = output.resolve("stdout.txt");
        Path err = output.resolve("stderr.txt");
        Instant started = Instant.now();
        Process process;
        try {
            process = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
        } catch (IOException e) {
            throw new ScriptFailure(name + " could not be started: " + e.getMessage());
        }
        runningSince = started;
        running = process;
        try {
            if (!process.waitFor(runLimit.toMillis(), TimeUnit.MILLISECONDS)) {
                killTree(process, started);
                throw new ScriptFailure(name + " took longer than " + runLimit.toSeconds()
                        + " s; it was killed, with every process it started");
            }
        } catch (InterruptedException e) {
            killTree(process, started);
            Thread.currentThread().interrupt();
            throw new ScriptFailure(name + " was interrupted; it was killed, with every process it started");
        } finally {
            running = null;
        }
        if (stopping) {
            throw new ScriptFailure(name + " was killed, with every process it started, because the bench run was stopped");
        }
        String printed = read(out);
        if (process.exitValue() != 0) {
            throw new ScriptFailure(name + " exited with status " + process.exitValue() + ": " + quote(lastLine(read(err))));
        }
        try {
            JsonNode json = JSON.readTree(printed);
            if (json == null || !json.isObject()) {
                throw new ScriptFailure(name + " printed no JSON object: " + quote(printed));
            }
            return json;
        } catch (IOException e) {
            throw new ScriptFailure(name + " printed bad JSON: " + quote(printed));
        }
    }

    /** How a message names a script run: its path and arguments, as one would type them. */
    private String name(String script, List<String> args) {
        return settings.scripts().resolve(script) + (args.isEmpty() ? "" : " " + String.join(" ", args));
    }

    /** Called by the shutdown hook: leaves no Python process behind when Maven is stopped. */
    private void killRunning() {
        stopping = true;
        Process process = running;
        if (process != null) {
            killTree(process, runningSince);
        }
    }

    /**
     * Kills a script run and every process it started. Its children are killed before it, while
     * they are still its descendants; a child forked in between (the script was in its start
     * loop) is found afterwards as an orphan with the same command line, started since the run
     * began (a forked child keeps its parent's command line).
     */
    static void killTree(Process process, Instant started) {
        Optional<String> commandLine = process.info().commandLine();
        List<ProcessHandle> killed = new ArrayList<>();
        process.descendants().forEach(child -> {
            child.destroyForcibly();
            killed.add(child);
        });
        process.destroyForcibly();
        killed.add(process.toHandle());
        commandLine.ifPresent(line -> ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().equals(commandLine))
                .filter(p -> p.info().startInstant().map(s -> !s.isBefore(started)).orElse(false))
                .filter(p -> p.pid() != ProcessHandle.current().pid())
                .forEach(p -> {
                    p.destroyForcibly();
                    killed.add(p);
                }));
        for (ProcessHandle handle : killed) {
            try {
                handle.onExit().get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                // A process that SIGKILL does not end within 5 s is beyond our reach; go on.
            }
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "";
        }
    }

    private static String lastLine(String text) {
        String[] lines = text.strip().split("\\R");
        return lines[lines.length - 1];
    }

    private static String quote(String text) {
        String line = text.strip().replaceAll("\\s+", " ");
        if (line.isEmpty()) {
            return "(nothing)";
        }
        return "'" + (line.length() > QUOTE_LIMIT ? line.substring(0, QUOTE_LIMIT) + "..." : line) + "'";
    }

    private static void deleteRecursively(Path folder) {
        try {
            PrivateFolders.delete(folder);
        } catch (IOException e) {
            // Only our own temp files; the OS cleans its temp folder.
        }
    }

    /** A script that could not run, failed, or printed no timing; its message names the script. */
    static final class ScriptFailure extends Exception {
        ScriptFailure(String message) {
            super(message);
        }
    }

    /**
     * The cross-check's settings, checked.
     *
     * @param pathVariable where to look for {@code python3} (the {@code PATH} environment variable)
     */
    record Settings(boolean enabled, int repeats, Path scripts, Path result, String pathVariable) {

        static Settings fromSystemProperties() {
            boolean enabled = flag("bench.python", System.getProperty("bench.python", "true"));
            boolean quick = flag("bench.quick", System.getProperty("bench.quick", "false"));
            return new Settings(enabled, quick ? QUICK_REPEATS : REPEATS,
                    Path.of(System.getProperty("bench.python.scripts", "scripts/tutorial")),
                    Path.of(System.getProperty("bench.python.result", "python-crosscheck.json")),
                    System.getenv("PATH"));
        }

        /** Maven's {@code -Dname} alone means "true". */
        static boolean flag(String name, String value) {
            return switch (value.strip().toLowerCase(Locale.ROOT)) {
                case "", "true" -> true;
                case "false" -> false;
                default -> throw new IllegalArgumentException(name + " must be true or false, got '" + value + "'");
            };
        }
    }
}
