package dev.unitsbench.reports;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.unitsbench.reports.testing.JmhResults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;

/**
 * Writes files in the shape of JMH's JSON ({@code -rf json}) with chosen raw data, so tests
 * can say "these are the measurements" and check what the report makes of them. The real
 * JMH output these tests trust the shape of is the checked-in fixture {@code jmh-fixture.json}.
 */
final class SyntheticResults {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final ArrayNode entries = JSON.createArrayNode();
    /** True: {@link #add} writes every value as its own fork, warmed up (a measurement); false: one cold fork (a smoke run). */
    private boolean valuePerFork = true;

    /** From now on, {@link #add} writes the quick run's shape: one fork, no warm-up, the values as its iterations. */
    SyntheticResults smoke() {
        valuePerFork = false;
        return this;
    }

    /**
     * Adds one result with explicit forks: {@code forks[f]} are fork f's iteration values.
     * {@code warmup} is the warm-up iteration count JMH would record.
     */
    SyntheticResults addForks(String benchmark, String mode, String unit, Map<String, String> params, int warmup, double[]... forks) {
        ObjectNode e = entry(benchmark, mode, params, forks.length, warmup, forks[0].length);
        ObjectNode m = e.putObject("primaryMetric");
        double mean = 0;
        int n = 0;
        for (double[] f : forks) {
            for (double v : f) {
                mean += v;
                n++;
            }
        }
        m.put("score", mean / n);
        m.put("scoreError", 0.0);
        m.put("scoreUnit", unit);
        ArrayNode raw = m.putArray("rawData");
        for (double[] f : forks) {
            ArrayNode fork = raw.addArray();
            for (double v : f) {
                fork.add(v);
            }
        }
        e.putObject("secondaryMetrics");
        return this;
    }

    /**
     * Adds a sample-mode result: per fork, per iteration, {@code count} invocations at each of the
     * iteration's {@code values} (a histogram of [value, count] bins).
     */
    SyntheticResults addSampled(String benchmark, Map<String, String> params, long count, double[][]... forks) {
        ObjectNode e = entry(benchmark, "sample", params, forks.length, 1, forks[0].length);
        ObjectNode m = e.putObject("primaryMetric");
        m.put("score", 0.0);
        m.put("scoreError", 0.0);
        m.put("scoreUnit", "us/op");
        ArrayNode histogram = m.putArray("rawDataHistogram");
        for (double[][] fork : forks) {
            ArrayNode f = histogram.addArray();
            for (double[] iteration : fork) {
                ArrayNode it = f.addArray();
                for (double v : iteration) {
                    it.addArray().add(v).add(count);
                }
            }
        }
        e.putObject("secondaryMetrics");
        return this;
    }

    private ObjectNode entry(String benchmark, String mode, Map<String, String> params, int forks, int warmup, int iterations) {
        ObjectNode e = entries.addObject();
        e.put("jmhVersion", "1.37");
        e.put("benchmark", benchmark);
        e.put("mode", mode);
        e.put("threads", 1);
        e.put("forks", forks);
        e.put("jvm", "/nonexistent/java");
        e.putArray("jvmArgs");
        e.put("jdkVersion", "25.0.3");
        e.put("vmName", "OpenJDK 64-Bit Server VM");
        e.put("vmVersion", "25.0.3+9-LTS");
        e.put("warmupIterations", warmup);
        e.put("warmupTime", "1 s");
        e.put("measurementIterations", iterations);
        e.put("measurementTime", "1 s");
        ObjectNode p = e.putObject("params");
        params.forEach(p::put);
        return e;
    }

    /**
     * Adds one result. By default every value of {@code raw} is its own warmed-up fork of one
     * iteration (independent replicates, so that known answers computed on the values hold on
     * the fork means); after {@link #smoke()}, the values are the iterations of one cold fork.
     */
    SyntheticResults add(String benchmark, String mode, String unit, Map<String, String> params, double... raw) {
        if (!valuePerFork) {
            return addForks(benchmark, mode, unit, params, 0, raw);
        }
        double[][] forks = new double[raw.length][];
        for (int i = 0; i < raw.length; i++) {
            forks[i] = new double[] {raw[i]};
        }
        return addForks(benchmark, mode, unit, params, 1, forks);
    }

    private void writeRaw(ArrayNode rawData, double[] raw) {
        ArrayNode fork = null;
        for (double v : raw) {
            if (fork == null || valuePerFork) {
                fork = rawData.addArray();
            }
            fork.add(v);
        }
    }

    /** Adds a secondary metric to the last result: per-iteration values, and their sum as score, as JMH writes an event counter. */
    SyntheticResults secondary(String name, String unit, double... perIteration) {
        ObjectNode m = ((ObjectNode) entries.get(entries.size() - 1).get("secondaryMetrics")).putObject(name);
        double sum = 0;
        for (double v : perIteration) {
            sum += v;
        }
        m.put("score", sum);
        m.put("scoreError", "NaN");
        m.put("scoreUnit", unit);
        writeRaw(m.putArray("rawData"), perIteration);
        return this;
    }

    /** Single-shot times in ms, five iterations spread 2% around {@code mean}. */
    SyntheticResults singleShot(String benchmark, Map<String, String> params, double mean, Random random) {
        double[] raw = new double[5];
        for (int i = 0; i < raw.length; i++) {
            raw[i] = mean * (1 + 0.02 * random.nextGaussian());
        }
        return add(benchmark, "ss", "ms/op", params, raw);
    }

    /** Sets the JDK version JMH recorded, in every result so far. */
    SyntheticResults jdk(String version) {
        entries.forEach(e -> ((ObjectNode) e).put("jdkVersion", version));
        return this;
    }

    /** Writes the results as JMH's JSON to {@code file}, and returns it. */
    Path writeTo(Path file) throws IOException {
        return Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(entries));
    }

    static Map<String, String> params(String... keyValues) {
        return JmhResults.params(keyValues);
    }

    /**
     * The suite's benchmarks with plausible JVM numbers on two cores: no GIL (threads as fast
     * as processes, which pay JVM start-up), an emulated GIL (threads serialised), sleepers
     * (processes pay start-up per worker), and join order (N sleeps when joined in the loop).
     */
    static SyntheticResults suite(long seed) {
        Random random = new Random(seed);
        SyntheticResults s = new SyntheticResults();
        String cpu = "dev.unitsbench.cpu.CpuBoundBenchmark.computeAll";
        for (String model : new String[]{"PROCESS", "PLATFORM_THREAD", "THREAD_POOL", "VIRTUAL_THREAD"}) {
            for (int workers : new int[]{1, 2, 4, 8}) {
                for (boolean gil : new boolean[]{false, true}) {
                    double work = 1000 * Math.max(1, workers / 2.0);
                    double ms = model.equals("PROCESS") ? 350 + work : gil ? 1000.0 * workers : work;
                    s.singleShot(cpu, params("gil", String.valueOf(gil), "iterations", "100000000", "model", model,
                            "workers", String.valueOf(workers)), ms, random);
                }
            }
        }
        String sleep = "dev.unitsbench.io.SleepBenchmark.sleepAll";
        for (String model : new String[]{"PROCESS", "PLATFORM_THREAD", "VIRTUAL_THREAD"}) {
            for (int workers : new int[]{10, 400}) {
                double perWorker = switch (model) {
                    case "PROCESS" -> 25;
                    case "PLATFORM_THREAD" -> 0.1;
                    default -> 0.02;
                };
                s.singleShot(sleep, params("model", model, "sleepMillis", "1000", "workers", String.valueOf(workers)),
                        1000 + workers * perWorker, random);
            }
        }
        String many = "dev.unitsbench.io.ManySleepersBenchmark.";
        for (int workers : new int[]{10000, 100000}) {
            s.singleShot(many + "virtualThreads", params("model", "VIRTUAL_THREAD", "sleepMillis", "1000",
                    "workers", String.valueOf(workers)), 1000 + workers * 0.005, random);
        }
        s.singleShot(many + "platformThreads", params("model", "PLATFORM_THREAD", "sleepMillis", "1000", "workers", "10000"),
                1000 + 10000 * 0.06, random);
        String join = "dev.unitsbench.io.JoinOrderBenchmark.sleepAll";
        for (String model : new String[]{"PROCESS", "PLATFORM_THREAD", "VIRTUAL_THREAD"}) {
            double startUp = model.equals("PROCESS") ? 250 : 0.2;
            s.singleShot(join, params("join", "AFTER_ALL_STARTED", "model", model, "sleepMillis", "1000", "workers", "10"),
                    1000 + startUp, random);
            s.singleShot(join, params("join", "AFTER_EACH_START", "model", model, "sleepMillis", "1000", "workers", "10"),
                    10 * (1000 + startUp), random);
        }
        return s;
    }

    /** {@code count} results over 25 benchmark classes in 5 families, two models and numeric params. */
    static SyntheticResults many(int count, long seed) {
        Random random = new Random(seed);
        SyntheticResults s = new SyntheticResults();
        String[] models = {"PLATFORM_THREAD", "VIRTUAL_THREAD"};
        int perClass = count / 25;
        for (int c = 0; c < 25; c++) {
            String benchmark = "dev.unitsbench.family" + (c % 5) + ".Workload" + c + "Benchmark.run";
            for (int i = 0; i < perClass; i++) {
                String model = models[i % 2];
                int workers = 1 << (i / 2 % 10);
                int size = i / 20;
                boolean throughput = c % 4 == 3;
                double[] raw = new double[10];
                for (int k = 0; k < raw.length; k++) {
                    raw[k] = (10 + workers) * (1 + size) * (1 + 0.05 * random.nextGaussian());
                }
                s.add(benchmark, throughput ? "thrpt" : "avgt", throughput ? "ops/s" : "us/op",
                        params("model", model, "size", String.valueOf(size), "workers", String.valueOf(workers)), raw);
            }
        }
        return s;
    }
}
