package dev.unitsbench.reports;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
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

    /** Adds one result; {@code raw} is one fork's per-iteration values. */
    SyntheticResults add(String benchmark, String mode, String unit, Map<String, String> params, double... raw) {
        ObjectNode e = entries.addObject();
        e.put("jmhVersion", "1.37");
        e.put("benchmark", benchmark);
        e.put("mode", mode);
        e.put("threads", 1);
        e.put("forks", 1);
        e.put("jvm", "/nonexistent/java");
        e.putArray("jvmArgs");
        e.put("jdkVersion", "25.0.3");
        e.put("vmName", "OpenJDK 64-Bit Server VM");
        e.put("vmVersion", "25.0.3+9-LTS");
        ObjectNode p = e.putObject("params");
        params.forEach(p::put);
        ObjectNode m = e.putObject("primaryMetric");
        double mean = 0;
        for (double v : raw) {
            mean += v / raw.length;
        }
        m.put("score", mean);
        m.put("scoreError", 0.0);
        m.put("scoreUnit", unit);
        ArrayNode fork = m.putArray("rawData").addArray();
        for (double v : raw) {
            fork.add(v);
        }
        e.putObject("secondaryMetrics");
        return this;
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
        ArrayNode fork = m.putArray("rawData").addArray();
        for (double v : perIteration) {
            fork.add(v);
        }
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

    void writeTo(Path file) throws IOException {
        Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(entries));
    }

    static Map<String, String> params(String... keyValues) {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            params.put(keyValues[i], keyValues[i + 1]);
        }
        return params;
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
