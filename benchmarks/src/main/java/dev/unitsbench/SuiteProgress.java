package dev.unitsbench;

import java.io.PrintStream;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.Defaults;
import org.openjdk.jmh.runner.format.OutputFormat;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * One progress line for the whole suite, across every JMH run that {@link SuiteRunner} starts
 * (JMH's own "complete, ETA" line restarts with each run). Before the first run, the benchmarks
 * of every run are listed from the generated benchmark list, each with an estimated duration
 * (forks x (start-up + warm-up and measured iterations x iteration time)); at each benchmark's
 * start, a line says which family and benchmark of the whole suite it is, the time elapsed, and
 * the time left: the estimates of the benchmarks still to run, scaled by how far the finished
 * ones were off their estimates.
 *
 * <pre>
 * # bench: family 2 of 11 (io), benchmark 7 of 58, elapsed 3:12, ETA 9:40: dev.unitsbench.io.SleepBenchmark.sleepAll {model=PROCESS, workers=400}
 * </pre>
 */
final class SuiteProgress {

    /** What starting a JMH fork costs besides its iterations: a JVM and the trial set-up, roughly. */
    static final double FORK_START_SECONDS = 1.0;

    /** A guess for one single-shot iteration, whose length nothing declares. */
    static final double SINGLE_SHOT_SECONDS = 1.0;

    /** One benchmark run (a method with one combination of params) and its estimated seconds. */
    record Planned(String benchmark, double seconds) {

        /** The family: the package under {@code dev.unitsbench} ({@code io} of {@code dev.unitsbench.io.X.m}). */
        String family() {
            String[] parts = benchmark.split("\\.");
            return parts.length >= 4 ? parts[parts.length - 3] : benchmark;
        }
    }

    private final List<Planned> plan;
    private final List<String> families;
    private final PrintStream out;
    private final long startNanos;
    private int started;

    SuiteProgress(List<Planned> plan, PrintStream out, long startNanos) {
        this.plan = List.copyOf(plan);
        LinkedHashSet<String> names = new LinkedHashSet<>();
        plan.forEach(p -> names.add(p.family()));
        this.families = List.copyOf(names);
        this.out = out;
        this.startNanos = startNanos;
    }

    /** The benchmark runs JMH will make for {@code options}, from the generated benchmark list. */
    static List<Planned> plan(Options options) {
        List<Planned> plan = new ArrayList<>();
        for (BenchmarkListEntry entry : ForkRounds.selected(options)) {
            Collection<Mode> modes = options.getBenchModes().isEmpty() ? List.of(entry.getMode()) : options.getBenchModes();
            for (Mode mode : modes) {
                int combinations = combinations(entry, options);
                for (int i = 0; i < combinations * (mode == Mode.All ? Mode.values().length - 1 : 1); i++) {
                    plan.add(new Planned(entry.getUsername(), seconds(entry, options, mode)));
                }
            }
        }
        return plan;
    }

    private static int combinations(BenchmarkListEntry entry, Options options) {
        if (!entry.getParams().hasValue()) {
            return 1;
        }
        int n = 1;
        for (Map.Entry<String, String[]> param : entry.getParams().get().entrySet()) {
            n *= options.getParameter(param.getKey()).hasValue()
                    ? options.getParameter(param.getKey()).get().size() : param.getValue().length;
        }
        return n;
    }

    private static double seconds(BenchmarkListEntry entry, Options options, Mode mode) {
        boolean singleShot = mode == Mode.SingleShotTime;
        int forks = ForkRounds.forksOf(entry, options);
        int warmups = options.getWarmupIterations().orElse(entry.getWarmupIterations().orElse(
                singleShot ? Defaults.WARMUP_ITERATIONS_SINGLESHOT : Defaults.WARMUP_ITERATIONS));
        int measured = options.getMeasurementIterations().orElse(entry.getMeasurementIterations().orElse(
                singleShot ? Defaults.MEASUREMENT_ITERATIONS_SINGLESHOT : Defaults.MEASUREMENT_ITERATIONS));
        double warmupTime = singleShot ? SINGLE_SHOT_SECONDS
                : seconds(options.getWarmupTime().orElse(entry.getWarmupTime().orElse(Defaults.WARMUP_TIME)));
        double measuredTime = singleShot ? SINGLE_SHOT_SECONDS
                : seconds(options.getMeasurementTime().orElse(entry.getMeasurementTime().orElse(Defaults.MEASUREMENT_TIME)));
        return Math.max(forks, 1) * forkSeconds(warmups, warmupTime, measured, measuredTime);
    }

    /** One fork of a benchmark that ran with {@code params}, estimated as a planned one is. */
    static double forkSeconds(BenchmarkParams params) {
        boolean singleShot = params.getMode() == Mode.SingleShotTime;
        return forkSeconds(params.getWarmup().getCount(), singleShot ? SINGLE_SHOT_SECONDS : seconds(params.getWarmup().getTime()),
                params.getMeasurement().getCount(), singleShot ? SINGLE_SHOT_SECONDS : seconds(params.getMeasurement().getTime()));
    }

    private static double forkSeconds(int warmups, double warmupTime, int measured, double measuredTime) {
        return FORK_START_SECONDS + warmups * warmupTime + measured * measuredTime;
    }

    private static double seconds(TimeValue time) {
        return time.convertTo(java.util.concurrent.TimeUnit.MILLISECONDS) / 1000.0;
    }

    /** Prints the progress line of the next benchmark to start. */
    void started(BenchmarkParams params) {
        out.println(line(params.getBenchmark(), describe(params), System.nanoTime()));
        out.flush();
    }

    /** The line for the next benchmark to start, {@code benchmark} with its params described. */
    String line(String benchmark, String params, long nowNanos) {
        int j = Math.min(started, plan.size() - 1);
        started++;
        String family = new Planned(benchmark, 0).family();
        int k = families.indexOf(family) + 1;
        Duration elapsed = Duration.ofNanos(nowNanos - startNanos);
        return String.format("# bench: family %d of %d (%s), benchmark %d of %d, elapsed %s, ETA %s: %s%s",
                k, families.size(), family, started, plan.size(), clock(elapsed), clock(eta(j, elapsed)), benchmark,
                params.isEmpty() ? "" : " " + params);
    }

    /**
     * The time left once the first {@code done} planned benchmarks have run in {@code elapsed}: the
     * estimates of the rest, scaled by elapsed over the estimates of those done (1 before any).
     */
    Duration eta(int done, Duration elapsed) {
        double doneEstimate = 0;
        double left = 0;
        for (int i = 0; i < plan.size(); i++) {
            if (i < done) {
                doneEstimate += plan.get(i).seconds();
            } else {
                left += plan.get(i).seconds();
            }
        }
        double scale = doneEstimate > 0 && !elapsed.isZero() ? elapsed.toMillis() / 1000.0 / doneEstimate : 1.0;
        return Duration.ofMillis(Math.round(left * scale * 1000));
    }

    static String clock(Duration d) {
        long s = Math.max(0, d.toSeconds());
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) : String.format("%d:%02d", s / 60, s % 60);
    }

    private static String describe(BenchmarkParams params) {
        if (params.getParamsKeys().isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder("{");
        for (String key : params.getParamsKeys()) {
            if (text.length() > 1) {
                text.append(", ");
            }
            text.append(key).append('=').append(params.getParam(key));
        }
        return text.append('}').toString();
    }

    /**
     * JMH's own output format for {@code options}, with this progress line printed at each
     * benchmark's start, and each benchmark's time from its start to its end kept in {@code times}.
     * Every call goes to JMH's format unchanged; a dynamic proxy says so in one place, where a
     * hand-written decorator would repeat each of the interface's fifteen methods (JMH's own
     * delegating base class is not public).
     */
    OutputFormat around(Options options, ForkTimes times) {
        OutputFormat jmh = OutputFormatFactory.createFormatInstance(System.out, options.verbosity().orElse(Defaults.VERBOSITY));
        InvocationHandler progressThenJmh = (proxy, method, args) -> {
            if (method.getName().equals("startBenchmark")) {
                started((BenchmarkParams) args[0]);
                times.started((BenchmarkParams) args[0], System.nanoTime());
            } else if (method.getName().equals("endBenchmark") && args[0] instanceof BenchmarkResult result) {
                times.ended(result.getParams(), System.nanoTime());
            }
            try {
                return method.invoke(jmh, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (OutputFormat) Proxy.newProxyInstance(OutputFormat.class.getClassLoader(), new Class<?>[]{OutputFormat.class}, progressThenJmh);
    }
}
