package dev.unitsbench.crosscheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.unitsbench.model.ChildMemoryGuard;
import dev.unitsbench.model.LeanChildJvm;
import dev.unitsbench.net.EchoLoadProcess;
import dev.unitsbench.net.EchoTransport;
import dev.unitsbench.net.PreforkedEchoServer;
import dev.unitsbench.pool.AccessLogs;
import dev.unitsbench.pool.RobotsScan;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

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
 * {@code bench.quick} (one repeat of everything), {@code bench.python.scripts}
 * (the scripts folder, default {@code scripts/tutorial}), {@code bench.python.result} (the file
 * to write, default {@code python-crosscheck.json}).
 *
 * <p>Then the asyncio experiments ({@link CoroutineExperiment}: sleepers, one task at a time, the
 * fan-out tree, the streams echo server), each on its own: a failure or a size that does not fit
 * in the available memory skips that experiment with one line, and the others run. The echo server
 * is started here, driven by the suite's own load generator ({@link EchoLoadProcess}, as
 * EchoServerBenchmark drives the JVM's servers) and killed with its children at the end, or when
 * it outlives the run limit.
 *
 * <p>Last, the tutorial's own demonstrations of the other claims ({@link ClaimExperiment}: T4,
 * Q2, Q6-Q12), each {@link #CLAIM_REPEATS} times, round by round as T1-T3, and each run or skipped on its
 * own: a failing run skips that experiment's later runs, with one line, and the others go on. The
 * log scan gets the suite's own gzip logs, written here once; the echo servers are driven by the
 * suite's load generator, as the asyncio one is.
 */
public final class PythonCrossCheck {

    /**
     * Repeats of T1-T3 in a full run, and of everything in a quick ({@code -Dbench.quick}) one. T1-T3
     * decide claim words, paired round by round: with 3 rounds (df = 2) one disturbed interpreter run
     * (4 processes once took 6.2 s instead of 3.9-4.1) left T1's 1.9x undecided; with 4 (df = 3) it
     * held through such a run (5.2 s against 4.2). Each round costs about 20 s of the full run's 20
     * minutes. The demonstrations run {@link #CLAIM_REPEATS} times.
     */
    static final int REPEATS = 4;
    static final int CLAIM_REPEATS = 3;
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
    /** How often the echo server's output is looked at for its port. */
    private static final long PORT_POLL_MILLIS = 20;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Settings settings;
    private final List<TutorialExperiment> experiments;
    private final List<CoroutineExperiment> coroutines;
    private final List<ClaimExperiment> claims;
    private final Duration runLimit;
    private final PrintStream console;

    /** The script run in progress, killed with its children if this JVM is stopped. */
    private volatile Process running;
    private volatile Instant runningSince = Instant.now();
    /** Set by the shutdown hook: a script run that ends now was killed, not failed. */
    private volatile boolean stopping;

    PythonCrossCheck(Settings settings, List<TutorialExperiment> experiments, List<CoroutineExperiment> coroutines,
                     Duration runLimit, PrintStream console) {
        this(settings, experiments, coroutines, List.of(), runLimit, console);
    }

    PythonCrossCheck(Settings settings, List<TutorialExperiment> experiments, List<CoroutineExperiment> coroutines,
                     List<ClaimExperiment> claims, Duration runLimit, PrintStream console) {
        this.settings = settings;
        this.experiments = List.copyOf(experiments);
        this.coroutines = List.copyOf(coroutines);
        this.claims = List.copyOf(claims);
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
        PythonCrossCheck check = new PythonCrossCheck(settings, TutorialExperiment.TUTORIAL,
                settings.quick() ? CoroutineExperiment.QUICK : CoroutineExperiment.FULL, ClaimExperiment.ALL, RUN_LIMIT,
                System.out);
        Thread killer = new Thread(check::killRunning, "python-crosscheck-killer");
        Runtime.getRuntime().addShutdownHook(killer);
        // The echo experiments drive CPython's servers with the suite's load generator, a lean child JVM;
        // this JVM is started by Maven, not by the suite's runner, so it prepares its own (about a second).
        LeanChildJvm.prepareUnlessHandedDown();
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
        try {
            JsonNode about = runScript(python.get(), "about.py", List.of(), output);
            String version = about.path("python").asText("Python");
            String platform = about.path("platform").asText("unknown platform") + ", " + about.path("cpus").asInt() + " CPUs";
            int claimRepeats = Math.min(repeats, CLAIM_REPEATS);
            console.printf("bench: CPython cross-check with %s on %s (start method %s): %d experiments x %d repeat%s"
                            + " (T1-T3), %d experiments x %d (the others), each run limited to %d s%n", version, platform,
                    about.path("start_method").asText("?"), experiments.size(), repeats, repeats == 1 ? "" : "s",
                    claims.size(), claimRepeats, runLimit.toSeconds());
            return tutorial(python.get(), output, version, platform, repeats).withCoroutines(coroutines(python.get(), output))
                    .withClaims(claims(python.get(), output, claimRepeats));
        } catch (ScriptFailure e) {
            return skip(e.getMessage(), null, null, repeats);
        } finally {
            deleteRecursively(output);
        }
    }

    /** T1-T3: every experiment {@code repeats} times, or skipped as a whole at the first failure. */
    private CrossCheckResult tutorial(Path python, Path output, String version, String platform, int repeats) {
        try {
            List<List<Double>> samples = new ArrayList<>();
            experiments.forEach(e -> samples.add(new ArrayList<>()));
            for (int repeat = 1; repeat <= repeats; repeat++) {
                for (int i = 0; i < experiments.size(); i++) {
                    TutorialExperiment experiment = experiments.get(i);
                    double seconds = seconds(experiment, runScript(python, experiment.script(), experiment.args(), output));
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
            console.println("bench: " + e.getMessage() + "; the CPython cross-check of T1-T3 is skipped"
                    + (coroutines.isEmpty() ? "" : " (the asyncio experiments still run)"));
            return CrossCheckResult.skipped(e.getMessage(), version, platform, repeats);
        }
    }

    /** The asyncio experiments, each run or skipped on its own. */
    private List<CrossCheckResult.Coroutine> coroutines(Path python, Path output) {
        List<CrossCheckResult.Coroutine> outcomes = new ArrayList<>();
        for (CoroutineExperiment e : coroutines) {
            if (stopping) {
                break; // the bench run was stopped: start no more Python processes
            }
            Optional<String> shortfall = ChildMemoryGuard.shortfall(e.bytesNeeded());
            if (shortfall.isPresent()) {
                String reason = "skipped: " + e.label() + " " + shortfall.get();
                console.println("bench: python " + e.id() + " " + reason);
                outcomes.add(CrossCheckResult.Coroutine.skipped(e, reason));
                continue;
            }
            try {
                Map<String, List<Double>> samples = new LinkedHashMap<>();
                for (int repeat = 1; repeat <= e.repeats(); repeat++) {
                    Map<String, Double> figures = e.kind() == CoroutineExperiment.Kind.ECHO
                            ? echo(python, e, output) : figures(e, runScript(python, e.script(), e.args(), output));
                    figures.forEach((metric, value) -> samples.computeIfAbsent(metric, m -> new ArrayList<>()).add(value));
                    StringBuilder line = new StringBuilder();
                    figures.forEach((metric, value) -> line.append(String.format(Locale.ROOT, " %s %.4g", metric, value)));
                    console.printf(Locale.ROOT, "bench: python %d/%d %-21s %-45s%s%n", repeat, e.repeats(), e.id(), e.label(), line);
                }
                outcomes.add(CrossCheckResult.Coroutine.ran(e, samples));
            } catch (ScriptFailure failure) {
                console.println("bench: " + failure.getMessage() + "; " + e.id() + " is skipped, the others go on");
                outcomes.add(CrossCheckResult.Coroutine.skipped(e, failure.getMessage()));
            }
        }
        return outcomes;
    }

    /**
     * The tutorial's demonstrations, {@code repeats} rounds of one run each; an experiment whose
     * memory check or run fails is skipped from then on, and the others go on.
     */
    private List<CrossCheckResult.Claim> claims(Path python, Path output, int repeats) {
        Map<ClaimExperiment, Map<String, List<Double>>> samples = new LinkedHashMap<>();
        Map<ClaimExperiment, String> skipped = new LinkedHashMap<>();
        Map<ClaimExperiment, List<String>> inputs = new LinkedHashMap<>();
        for (ClaimExperiment e : claims) {
            Optional<String> shortfall = ChildMemoryGuard.shortfall(e.bytesNeeded());
            if (shortfall.isPresent()) {
                skipClaim(e, "skipped: " + e.label() + " " + shortfall.get(), skipped);
                continue;
            }
            try {
                inputs.put(e, e.driver() == ClaimExperiment.Driver.ACCESS_LOGS ? accessLogs(e, output) : List.of());
                samples.put(e, new LinkedHashMap<>());
            } catch (IOException | RuntimeException failure) {
                skipClaim(e, "could not write the gzip logs of " + e.id() + ": " + failure.getMessage(), skipped);
            }
        }
        for (int repeat = 1; repeat <= repeats && !stopping; repeat++) {
            for (ClaimExperiment e : claims) {
                if (stopping || !samples.containsKey(e) || skipped.containsKey(e)) {
                    continue;
                }
                try {
                    for (int run = 1; run <= e.runs(); run++) {
                        Map<String, Double> figures = claimRun(python, e, inputs.get(e), output);
                        figures.forEach((metric, value) -> samples.get(e).computeIfAbsent(metric, m -> new ArrayList<>()).add(value));
                        StringBuilder line = new StringBuilder();
                        figures.forEach((metric, value) -> line.append(String.format(Locale.ROOT, " %s %.4g", metric, value)));
                        String which = e.runs() == 1 ? "" : " run " + run + "/" + e.runs();
                        console.printf(Locale.ROOT, "bench: python %d/%d %-21s%s%s%n", repeat, repeats, e.id(), which, line);
                    }
                } catch (ScriptFailure failure) {
                    skipClaim(e, failure.getMessage(), skipped);
                }
            }
        }
        List<CrossCheckResult.Claim> outcomes = new ArrayList<>();
        for (ClaimExperiment e : claims) {
            if (skipped.containsKey(e)) {
                outcomes.add(CrossCheckResult.Claim.skipped(e, skipped.get(e)));
            } else if (samples.containsKey(e) && !samples.get(e).isEmpty()) {
                outcomes.add(CrossCheckResult.Claim.ran(e, samples.get(e)));
            } else {
                outcomes.add(CrossCheckResult.Claim.skipped(e, "not run: the bench run was stopped"));
            }
        }
        return outcomes;
    }

    private void skipClaim(ClaimExperiment e, String reason, Map<ClaimExperiment, String> skipped) {
        console.println("bench: " + reason + "; " + e.id() + " is skipped, the others go on");
        skipped.put(e, reason);
    }

    /** One run of a demonstration: its figures, named as the result file names them. */
    private Map<String, Double> claimRun(Path python, ClaimExperiment e, List<String> extraArgs, Path output) throws ScriptFailure {
        Map<String, Double> figures = new LinkedHashMap<>();
        if (e.driver().echo()) {
            EchoTransport transport = e.driver() == ClaimExperiment.Driver.ECHO_UDP ? EchoTransport.UDP : EchoTransport.TCP;
            EchoLoadProcess.EchoRound round = serve(python, e.script(), e.args(), output,
                    (port, name) -> drive(port, transport, e.connections(), e.requests(), name));
            List<Double> values = List.of(round.answered() / (round.nanos() / 1e9),
                    round.latencyNanos().getValueAtPercentile(99) / 1e3, (double) round.lost());
            for (int i = 0; i < values.size(); i++) {
                figures.put(ClaimExperiment.metricName(e.metrics().get(i)), values.get(i));
            }
            return figures;
        }
        List<String> args = new ArrayList<>(e.args());
        args.addAll(extraArgs);
        JsonNode printed = runScript(python, e.script(), args, output);
        for (String field : e.metrics()) {
            figures.put(ClaimExperiment.metricName(field), number(printed, field, name(e.script(), args)));
        }
        return figures;
    }

    /**
     * Writes the suite's gzip access logs for a log-scan experiment (its {@code files},
     * {@code lines-per-file} and {@code seed}) and the host set they must give; returns the
     * script's extra arguments, {@code --logs FOLDER --expected FILE}.
     */
    private static List<String> accessLogs(ClaimExperiment e, Path output) throws IOException {
        Map<String, String> params = e.params();
        Path folder = Files.createDirectory(output.resolve(e.id() + "-logs"));
        AccessLogs logs = AccessLogs.write(folder, Integer.parseInt(params.get("files")),
                Integer.parseInt(params.get("lines-per-file")), Long.parseLong(params.get("seed")));
        Path expected = Files.writeString(output.resolve(e.id() + "-expected.txt"), RobotsScan.toText(logs.allRobotHosts()));
        return List.of("--logs", folder.toString(), "--expected", expected.toString());
    }

    /** A figure of a script's JSON line: a finite number, not negative. */
    private static double number(JsonNode printed, String field, String name) throws ScriptFailure {
        JsonNode value = printed.get(field);
        if (value == null || !value.isNumber() || !(value.asDouble() >= 0) || Double.isInfinite(value.asDouble())) {
            throw new ScriptFailure(name + " printed no number \"" + field + "\" >= 0: " + quote(printed.toString()));
        }
        return value.asDouble();
    }

    /** The figures of an asyncio script's JSON line, each finite and not negative. */
    private Map<String, Double> figures(CoroutineExperiment e, JsonNode printed) throws ScriptFailure {
        Map<String, Double> figures = new LinkedHashMap<>();
        for (CoroutineExperiment.Metric metric : e.kind().metrics) {
            figures.put(metric.name(), number(printed, metric.field(), name(e.script(), e.args())));
        }
        return figures;
    }

    /**
     * One echo run: starts the asyncio server, reads the port it printed, drives it ({@link #drive}),
     * and kills the server with its children (a watchdog kills it past the run limit); then drives
     * the JVM's virtual-thread echo server in a child JVM the same way, for the figures beside it.
     */
    private Map<String, Double> echo(Path python, CoroutineExperiment e, Path output) throws ScriptFailure {
        Map<String, Double> figures = new LinkedHashMap<>();
        EchoLoadProcess.EchoRound served = serve(python, e.script(), e.args(), output,
                (port, name) -> drive(port, EchoTransport.TCP, e.size(), e.requests(), name));
        figures.put("requestsPerSecond", served.answered() / (served.nanos() / 1e9));
        figures.put("latencyP99Micros", served.latencyNanos().getValueAtPercentile(99) / 1e3);
        String jvm = "the JVM's virtual-thread echo server (a child JVM) beside " + name(e.script(), e.args());
        try (PreforkedEchoServer jvmServer = PreforkedEchoServer.start(EchoTransport.TCP, 1)) {
            EchoLoadProcess.EchoRound round = drive(jvmServer.port(), EchoTransport.TCP, e.size(), e.requests(), jvm);
            figures.put("jvmRequestsPerSecond", round.answered() / (round.nanos() / 1e9));
            figures.put("jvmLatencyP99Micros", round.latencyNanos().getValueAtPercentile(99) / 1e3);
        } catch (IOException | RuntimeException failure) {
            throw new ScriptFailure(jvm + ": " + failure.getMessage());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new ScriptFailure(jvm + " was interrupted");
        }
        return figures;
    }

    /** What is done with a running echo server: drive it at {@code port} and give the round. */
    @FunctionalInterface
    private interface ServerUse {
        EchoLoadProcess.EchoRound drive(int port, String name) throws IOException, InterruptedException, ScriptFailure;
    }

    /**
     * Starts an echo server script, reads the port it printed, hands it to {@code use}, and kills
     * the server with its children (a watchdog kills it past the run limit).
     */
    private EchoLoadProcess.EchoRound serve(Path python, String script, List<String> args, Path output, ServerUse use)
            throws ScriptFailure {
        String name = name(script, args);
        Path out = output.resolve("server-stdout.txt");
        Instant started = Instant.now();
        Process server = start(python, script, args, out, output.resolve("server-stderr.txt"), name);
        AtomicBoolean overTime = new AtomicBoolean();
        Thread watchdog = Thread.ofVirtual().start(() -> {
            try {
                if (!server.waitFor(runLimit.toMillis(), TimeUnit.MILLISECONDS)) {
                    overTime.set(true);
                    killTree(server, started);
                }
            } catch (InterruptedException done) {
                // The run ended in time.
            }
        });
        try {
            return use.drive(port(server, out, name), name);
        } catch (IOException | RuntimeException failure) {
            throw new ScriptFailure(name + (overTime.get() ? " took longer than " + runLimit.toSeconds()
                    + " s; it was killed, with every process it started" : ": the load failed: " + failure.getMessage()));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new ScriptFailure(name + " was interrupted; it was killed, with every process it started");
        } finally {
            watchdog.interrupt();
            killTree(server, started);
            running = null;
        }
    }

    /**
     * Opens the experiment's connections to an echo server with the suite's load generator, runs a
     * warm-up round and a measured one, and checks that every request was answered, and rightly
     * (over UDP, every datagram answered rightly or counted as lost).
     */
    private static EchoLoadProcess.EchoRound drive(int port, EchoTransport transport, int clients, int requests, String name)
            throws IOException, InterruptedException, ScriptFailure {
        try (EchoLoadProcess load = EchoLoadProcess.start(transport, port, clients)) {
            if (load.heldClients() != clients) {
                throw new ScriptFailure(name + " held " + load.heldClients() + " of " + clients + " connections");
            }
            load.round(requests);
            EchoLoadProcess.EchoRound round = load.round(requests);
            long expected = (long) clients * requests;
            long lost = transport == EchoTransport.UDP ? round.lost() : 0;
            if (round.mismatched() > 0 || round.failed() > 0 || round.answered() + lost != expected) {
                throw new ScriptFailure(name + " answered " + round.answered() + " of " + expected + " requests, "
                        + round.mismatched() + " wrongly, and " + round.failed() + " connections failed");
            }
            return round;
        }
    }

    /** The port the echo server printed as {@code {"port": N, ...}}, waiting for it within the run limit. */
    private int port(Process server, Path out, String name) throws ScriptFailure, InterruptedException {
        long deadline = System.nanoTime() + runLimit.toNanos();
        while (System.nanoTime() < deadline && server.isAlive() && read(out).isEmpty()) {
            Thread.sleep(PORT_POLL_MILLIS);
        }
        String printed = read(out);
        if (printed.isEmpty() && System.nanoTime() >= deadline) {
            throw new ScriptFailure(name + " printed no port within " + runLimit.toSeconds()
                    + " s; it was killed, with every process it started");
        }
        try {
            JsonNode port = JSON.readTree(printed.isEmpty() ? "null" : printed.lines().findFirst().orElseThrow()).path("port");
            if (port.isInt() && port.asInt() > 0 && port.asInt() < 65_536) {
                return port.asInt();
            }
        } catch (IOException e) {
            // fall through
        }
        throw new ScriptFailure(name + " printed no {\"port\": N} line: " + quote(printed));
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
        String name = name(script, args);
        Path out = output.resolve("stdout.txt");
        Path err = output.resolve("stderr.txt");
        Instant started = Instant.now();
        Process process = start(python, script, args, out, err, name);
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

    /** Starts a script with its output to files, as the run the shutdown hook kills. */
    private Process start(Path python, String script, List<String> args, Path out, Path err, String name) throws ScriptFailure {
        List<String> command = new ArrayList<>(List.of(python.toString(), settings.scripts().resolve(script).toString()));
        command.addAll(args);
        Instant started = Instant.now();
        try {
            Process process = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
            runningSince = started;
            running = process;
            return process;
        } catch (IOException e) {
            throw new ScriptFailure(name + " could not be started: " + e.getMessage());
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

        /** A quick run repeats nothing and runs the asyncio experiments' small sizes. */
        boolean quick() {
            return repeats == QUICK_REPEATS;
        }

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
