package dev.unitsbench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * The wall-clock seconds of each fork of each result (benchmark, mode and params), from JMH's
 * start and end of a benchmark: every JMH run of {@link SuiteRunner} runs one fork per benchmark,
 * so that span is one fork, its JVM's start included. The sequential stage estimates a further
 * round from them.
 */
final class ForkTimes {

    private final Map<String, List<Double>> seconds = new HashMap<>();
    private String running;
    private long startNanos;

    void started(BenchmarkParams params, long nowNanos) {
        running = ForkRounds.key(params);
        startNanos = nowNanos;
    }

    void ended(BenchmarkParams params, long nowNanos) {
        String key = ForkRounds.key(params);
        if (key.equals(running)) {
            record(key, (nowNanos - startNanos) / 1e9);
        }
        running = null;
    }

    void record(String key, double forkSeconds) {
        seconds.computeIfAbsent(key, k -> new ArrayList<>()).add(forkSeconds);
    }

    /** The seconds of each fork timed so far of the result with this {@link ForkRounds#key}, in round order. */
    List<Double> of(String key) {
        return List.copyOf(seconds.getOrDefault(key, List.of()));
    }
}
