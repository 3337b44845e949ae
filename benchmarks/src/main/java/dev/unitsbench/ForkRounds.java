package dev.unitsbench;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.Defaults;
import org.openjdk.jmh.runner.WorkloadParams;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs a benchmark's forks spread over the whole run instead of back to back: round r runs fork
 * r of every benchmark that declares at least r forks, then the rounds' results are merged into
 * one result per benchmark with all its forks.
 *
 * <p>Why: the report treats the fork as the unit of replication, and its interval says how far
 * another fork would land. Forks run back to back share the machine's state of those few
 * seconds (a neighbour's load on a virtual machine, the host's frequency, the page cache), so
 * their spread misses the drift of a run of a quarter of an hour, and a second run of the suite
 * lands outside the first one's intervals more often than 95% intervals promise. Forks a round
 * apart (minutes) sample that drift, and the interval then covers it. The work done is the same:
 * the same forks, iterations and params, in another order.
 */
final class ForkRounds {

    private ForkRounds() {
    }

    /** The entries of the generated benchmark list that {@code options} select, as JMH finds them. */
    static Collection<BenchmarkListEntry> selected(Options options) {
        PrintStream silent = new PrintStream(OutputStream.nullOutputStream());
        return BenchmarkList.defaultList().find(OutputFormatFactory.createFormatInstance(silent, VerboseMode.SILENT),
                options.getIncludes(), options.getExcludes());
    }

    /** The forks JMH runs of {@code entry} under {@code options}: a {@code -f} given wins over {@code @Fork}. */
    static int forksOf(BenchmarkListEntry entry, Options options) {
        return options.getForkCount().orElse(entry.getForks().orElse(Defaults.MEASUREMENT_FORKS));
    }

    /** Forks per benchmark (method name) that {@code options} select. */
    static Map<String, Integer> forksByBenchmark(Options options) {
        Map<String, Integer> forks = new LinkedHashMap<>();
        for (BenchmarkListEntry entry : selected(options)) {
            forks.merge(entry.getUsername(), Math.max(forksOf(entry, options), 1), Math::max);
        }
        return forks;
    }

    /** How many rounds: the most forks any selected benchmark has (at least 1). */
    static int rounds(Map<String, Integer> forks) {
        return forks.values().stream().mapToInt(Integer::intValue).max().orElse(1);
    }

    /** The benchmarks with at least {@code round} forks, in {@code forks}' order. */
    static List<String> withAtLeast(int round, Map<String, Integer> forks) {
        List<String> benchmarks = new ArrayList<>();
        forks.forEach((benchmark, n) -> {
            if (n >= round) {
                benchmarks.add(benchmark);
            }
        });
        return benchmarks;
    }

    /** Exclude patterns for round {@code round} (1-based): every benchmark with fewer forks than that. */
    static List<String> excludedIn(int round, Map<String, Integer> forks) {
        List<String> excluded = new ArrayList<>();
        forks.forEach((benchmark, n) -> {
            if (n < round) {
                excluded.add("^" + Pattern.quote(benchmark) + "$");
            }
        });
        return excluded;
    }

    /**
     * One result per benchmark, mode and params, holding the forks of every round in round order,
     * its params saying how many forks it has; ordered as JMH orders results.
     */
    static List<RunResult> merge(Collection<RunResult> rounds) {
        Map<String, List<RunResult>> byBenchmark = new LinkedHashMap<>();
        for (RunResult r : rounds) {
            byBenchmark.computeIfAbsent(key(r.getParams()), k -> new ArrayList<>()).add(r);
        }
        List<RunResult> merged = new ArrayList<>();
        for (List<RunResult> same : byBenchmark.values()) {
            List<BenchmarkResult> forks = new ArrayList<>();
            same.forEach(r -> forks.addAll(r.getBenchmarkResults()));
            merged.add(new RunResult(withForks(same.get(0).getParams(), forks.size()), forks));
        }
        merged.sort(RunResult.DEFAULT_SORT_COMPARATOR);
        return merged;
    }

    /** What names one result: its benchmark, mode and params (not its fork count). */
    static String key(BenchmarkParams p) {
        StringBuilder key = new StringBuilder(p.getBenchmark()).append(' ').append(p.getMode());
        for (String name : p.getParamsKeys()) {
            key.append(' ').append(name).append('=').append(p.getParam(name));
        }
        return key.toString();
    }

    /** {@code params} with another fork count: what the merged result's JSON says under "forks". */
    private static BenchmarkParams withForks(BenchmarkParams p, int forks) {
        WorkloadParams workload = new WorkloadParams();
        int order = 0;
        for (String name : p.getParamsKeys()) {
            workload.put(name, p.getParam(name), order++);
        }
        return new BenchmarkParams(p.getBenchmark(), p.generatedBenchmark(), p.shouldSynchIterations(), p.getThreads(),
                p.getThreadGroups(), p.getThreadGroupLabels(), forks, p.getWarmupForks(), p.getWarmup(), p.getMeasurement(),
                p.getMode(), workload, p.getTimeUnit(), p.getOpsPerInvocation(), p.getJvm(), p.getJvmArgs(),
                p.getJdkVersion(), p.getVmName(), p.getVmVersion(), p.getJmhVersion(), p.getTimeout());
    }
}
