package dev.unitsbench.reports.read;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.stream.Collectors;

/**
 * One entry of a JMH result file: a benchmark method run in one mode with one combination
 * of {@code @Param} values.
 *
 * @param benchmark  fully qualified method name, e.g. {@code dev.unitsbench.io.SleepBenchmark.sleepAll}
 * @param params     {@code @Param} values by name, sorted by name (empty when there are none)
 * @param secondary  secondary metrics by name, in JMH's order
 * @param jvm        what JMH recorded about the JVM that ran it
 * @param harness    forks, warm-up and measurement as JMH ran them
 */
public record BenchmarkResult(
        String benchmark,
        BenchmarkMode mode,
        SortedMap<String, String> params,
        Metric primary,
        Map<String, Metric> secondary,
        int forks,
        int threads,
        JvmInfo jvm,
        Harness harness) {

    /** Without harness settings (tests that build a result by hand): no warm-up recorded. */
    public BenchmarkResult(String benchmark, BenchmarkMode mode, SortedMap<String, String> params, Metric primary,
                           Map<String, Metric> secondary, int forks, int threads, JvmInfo jvm) {
        this(benchmark, mode, params, primary, secondary, forks, threads, jvm,
                new Harness(forks, 0, "", primary.samples() == null ? 0 : primary.samples().size() / Math.max(1, forks), ""));
    }

    /**
     * How JMH ran the benchmark, from the entry's own fields.
     *
     * @param forks                 {@code forks}: forks asked for (the raw data says how many measured)
     * @param warmupIterations      {@code warmupIterations}; 0 when absent
     * @param warmupTime            {@code warmupTime}, e.g. "1 s"; empty when absent
     * @param measurementIterations {@code measurementIterations}; 0 when absent
     * @param measurementTime       {@code measurementTime}; empty when absent
     */
    public record Harness(int forks, int warmupIterations, String warmupTime, int measurementIterations, String measurementTime) {

        /** e.g. "3 forks, 2 warm-up x 1 s, 5 measurement x 1 s". */
        public String describe() {
            return forks + (forks == 1 ? " fork, " : " forks, ")
                    + warmupIterations + " warm-up" + (warmupTime.isEmpty() || warmupIterations == 0 ? "" : " x " + warmupTime) + ", "
                    + measurementIterations + " measurement" + (measurementTime.isEmpty() ? "" : " x " + measurementTime);
        }
    }

    /** What JMH writes about the benchmark JVM in every entry. */
    public record JvmInfo(String jmhVersion, String jdkVersion, String vmName, String vmVersion,
                          String javaPath, List<String> jvmArgs) {
    }

    /** Name, mode and params in one line: a key that is unique within a result file. */
    public String id() {
        return benchmark + " [" + mode.jmhName() + "]" + paramsText();
    }

    /** e.g. {@code (model=PROCESS, workers=4)}; empty when there are no params. */
    public String paramsText() {
        if (params.isEmpty()) {
            return "";
        }
        return params.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", ", "(", ")"));
    }

    /** The class's simple name and the method, e.g. {@code SleepBenchmark.sleepAll}. */
    public String shortName() {
        int method = benchmark.lastIndexOf('.');
        int cls = method <= 0 ? -1 : benchmark.lastIndexOf('.', method - 1);
        return benchmark.substring(cls + 1);
    }

    /** The fully qualified class name: everything before the method. */
    public String className() {
        int method = benchmark.lastIndexOf('.');
        return method < 0 ? "" : benchmark.substring(0, method);
    }

    /** The method name alone. */
    public String methodName() {
        return benchmark.substring(benchmark.lastIndexOf('.') + 1);
    }

    /**
     * The family a benchmark belongs to: the last segment of its package ({@code io},
     * {@code cpu}), following the suite's one-package-per-family layout.
     */
    public String family() {
        String cls = className();
        int end = cls.lastIndexOf('.');
        if (end < 0) {
            return "(default package)";
        }
        return cls.substring(cls.lastIndexOf('.', end - 1) + 1, end);
    }
}
