package dev.unitsbench.reports.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.unitsbench.reports.read.BenchmarkResult;
import dev.unitsbench.reports.read.JmhResultReader;
import dev.unitsbench.reports.stats.AnalyzedResult;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Results for the unit tests of the stages after {@code read}: written in the shape of JMH's
 * JSON and read by the real reader, so a stage's test depends on what JMH writes, not on how
 * the records of {@code read} and {@code stats} happen to be built today.
 */
public final class JmhResults {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final ArrayNode entries = JSON.createArrayNode();

    /**
     * Adds one result whose every value is a fork of its own (one measured iteration per fork):
     * the fork is the reporter's unit of replication, so {@code raw} gives as many forks.
     */
    public JmhResults add(String benchmark, String mode, String unit, Map<String, String> params, double... raw) {
        ObjectNode e = entries.addObject();
        e.put("jmhVersion", "1.37");
        e.put("benchmark", benchmark);
        e.put("mode", mode);
        e.put("threads", 1);
        e.put("forks", raw.length);
        e.put("warmupIterations", 1);
        e.put("measurementIterations", 1);
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
        ArrayNode forks = m.putArray("rawData");
        for (double v : raw) {
            forks.addArray().add(v);
        }
        e.putObject("secondaryMetrics");
        return this;
    }

    /** Single-shot times in ms. */
    public JmhResults singleShot(String benchmark, Map<String, String> params, double... raw) {
        return add(benchmark, "ss", "ms/op", params, raw);
    }

    public void writeTo(Path file) {
        try {
            Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(entries));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The results as the reader makes them. */
    public List<BenchmarkResult> read() {
        try {
            Path file = Files.createTempFile("jmh-results-", ".json");
            try {
                writeTo(file);
                return new JmhResultReader().read(file, "result file");
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The results with their estimates at 95%, as the stats stage hands them on. */
    public List<AnalyzedResult> analyzed() {
        return AnalyzedResult.analyze(read(), 0.95);
    }

    public static Map<String, String> params(String... keyValues) {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            params.put(keyValues[i], keyValues[i + 1]);
        }
        return params;
    }
}
