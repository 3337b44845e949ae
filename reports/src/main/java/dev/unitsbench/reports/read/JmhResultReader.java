package dev.unitsbench.reports.read;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.unitsbench.reports.error.UserError;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a JMH result file written with {@code -rf json} into {@link BenchmarkResult}s.
 *
 * <p>It reads the JSON as a tree rather than binding it to classes, so that a file of another
 * shape is named as such, with the entry and field at fault, instead of surfacing as a
 * Jackson mapping error. Every problem becomes a {@link UserError} whose message says what is
 * wrong with which file and what to do about it.
 *
 * <p>JMH writes non-finite numbers as strings ({@code "NaN"}, {@code "Infinity"}). In a
 * secondary metric that is normal (an event counter has no error bar); in a primary score or
 * its raw data it means the benchmark failed, and the file is rejected.
 */
public final class JmhResultReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** @param what how to name the file in messages, e.g. "result file" or "baseline file" */
    public List<BenchmarkResult> read(Path file, String what) {
        JsonNode root = parse(file, what);
        if (!root.isArray()) {
            throw shapeError(file, what, "its top level is a JSON " + kind(root) + ", not a list of benchmark results");
        }
        if (root.isEmpty()) {
            throw new UserError(what + " " + file + " holds an empty list: JMH ran no benchmark. "
                    + "Check that the include pattern matches a benchmark and run again.");
        }
        List<BenchmarkResult> results = new ArrayList<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (int i = 0; i < root.size(); i++) {
            BenchmarkResult result = readEntry(file, what, i, root.get(i));
            Integer previous = seen.putIfAbsent(result.id(), i);
            if (previous != null) {
                throw shapeError(file, what, "entries " + previous + " and " + i + " are the same benchmark, mode and params ("
                        + result.id() + "); were two result files concatenated?");
            }
            results.add(result);
        }
        return results;
    }

    private JsonNode parse(Path file, String what) {
        if (!Files.exists(file)) {
            throw new UserError(what + " " + file + " does not exist: run the benchmarks first "
                    + "(mvn verify -Pbench) or pass the path of a file written by JMH with -rf json.");
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new UserError(what + " " + file + " is not a readable file: pass the path of a JMH -rf json result file.");
        }
        try {
            if (Files.size(file) == 0 || Files.readString(file).isBlank()) {
                throw new UserError(what + " " + file + " is empty: JMH writes it only when a run ends, "
                        + "so the run was probably interrupted; run the benchmarks again.");
            }
            JsonNode root = JSON.readTree(file.toFile());
            if (root == null || root.isMissingNode()) {
                throw new UserError(what + " " + file + " holds no JSON value: run the benchmarks again.");
            }
            return root;
        } catch (JsonEOFException e) {
            throw new UserError(what + " " + file + " ends in the middle of its JSON (" + where(e.getLocation())
                    + "): it is truncated, probably by an interrupted run or a full disk; run the benchmarks again.", e);
        } catch (JsonProcessingException e) {
            throw new UserError(what + " " + file + " is not valid JSON (" + where(e.getLocation()) + ": "
                    + e.getOriginalMessage() + "): pass a file written by JMH with -rf json.", e);
        } catch (IOException e) {
            throw new UserError(what + " " + file + " cannot be read (" + e.getMessage() + "): check its permissions.", e);
        }
    }

    private static String where(JsonLocation location) {
        return location == null ? "position unknown" : "line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static String kind(JsonNode node) {
        return node.getNodeType().name().toLowerCase();
    }

    private static UserError shapeError(Path file, String what, String problem) {
        return new UserError(what + " " + file + " is JSON but not a JMH result file: " + problem
                + ". Pass a file written by JMH with -rf json.");
    }

    private BenchmarkResult readEntry(Path file, String what, int index, JsonNode entry) {
        String at = "entry " + index;
        if (!entry.isObject()) {
            throw shapeError(file, what, at + " is a " + kind(entry) + ", not an object");
        }
        String benchmark = requiredText(file, what, entry, "benchmark", at);
        at = at + " (" + benchmark + ")";
        String modeName = requiredText(file, what, entry, "mode", at);
        BenchmarkMode mode = BenchmarkMode.fromJmhName(modeName);
        if (mode == null) {
            throw shapeError(file, what, at + " has mode \"" + modeName + "\", which is none of thrpt, avgt, sample, ss");
        }
        TreeMap<String, String> params = new TreeMap<>();
        JsonNode paramsNode = entry.path("params");
        if (paramsNode.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = paramsNode.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> p = it.next();
                params.put(p.getKey(), p.getValue().asText());
            }
        }
        JsonNode primaryNode = entry.get("primaryMetric");
        if (primaryNode == null || !primaryNode.isObject()) {
            throw shapeError(file, what, at + " has no \"primaryMetric\" object");
        }
        String label = at + (params.isEmpty() ? "" : " with params " + params);
        Metric primary = readMetric(file, what, primaryNode, label + ", primary metric");
        if (Double.isNaN(primary.score())) {
            throw new UserError(what + " " + file + ": " + label + " has score NaN, which JMH writes when a benchmark "
                    + "failed or measured nothing. Find its error in the JMH log, fix it or exclude it, and run again.");
        }
        if (primary.samples() == null) {
            throw shapeError(file, what, label + " has neither \"rawData\" nor \"rawDataHistogram\"; "
                    + "the statistics need JMH's per-iteration data");
        }
        for (double v : primary.samples().values()) {
            if (!Double.isFinite(v)) {
                throw new UserError(what + " " + file + ": " + label + " has a NaN or infinite value in its raw data, "
                        + "which means an iteration failed. Find its error in the JMH log and run again.");
            }
        }
        Map<String, Metric> secondary = new LinkedHashMap<>();
        JsonNode secondaryNode = entry.path("secondaryMetrics");
        if (secondaryNode.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = secondaryNode.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> m = it.next();
                if (m.getValue().isObject()) {
                    secondary.put(m.getKey(), readMetric(file, what, m.getValue(), label + ", secondary metric " + m.getKey()));
                }
            }
        }
        List<String> jvmArgs = new ArrayList<>();
        entry.path("jvmArgs").forEach(a -> jvmArgs.add(a.asText()));
        BenchmarkResult.JvmInfo jvm = new BenchmarkResult.JvmInfo(
                entry.path("jmhVersion").asText(null), entry.path("jdkVersion").asText(null),
                entry.path("vmName").asText(null), entry.path("vmVersion").asText(null),
                entry.path("jvm").asText(null), List.copyOf(jvmArgs));
        BenchmarkResult.Harness harness = new BenchmarkResult.Harness(entry.path("forks").asInt(0),
                entry.path("warmupIterations").asInt(0), entry.path("warmupTime").asText(""),
                entry.path("measurementIterations").asInt(0), entry.path("measurementTime").asText(""));
        return new BenchmarkResult(benchmark, mode, params, primary, secondary,
                entry.path("forks").asInt(0), entry.path("threads").asInt(1), jvm, harness);
    }

    private static String requiredText(Path file, String what, JsonNode entry, String field, String at) {
        JsonNode node = entry.get(field);
        if (node == null || !node.isTextual() || node.asText().isBlank()) {
            throw shapeError(file, what, at + " has no \"" + field + "\" text field");
        }
        return node.asText();
    }

    private static Metric readMetric(Path file, String what, JsonNode node, String at) {
        JsonNode score = node.get("score");
        if (score == null) {
            throw shapeError(file, what, at + " has no \"score\"");
        }
        JsonNode unit = node.get("scoreUnit");
        if (unit == null || !unit.isTextual()) {
            throw shapeError(file, what, at + " has no \"scoreUnit\"");
        }
        Samples samples = null;
        JsonNode raw = node.get("rawData");
        JsonNode histogram = node.get("rawDataHistogram");
        if (raw != null && raw.isArray()) {
            samples = readRawData(file, what, raw, at);
        } else if (histogram != null && histogram.isArray()) {
            samples = readHistogram(file, what, histogram, at);
        }
        return new Metric(number(file, what, score, at + " score"), number(file, what, node.path("scoreError"), at + " scoreError"),
                unit.asText(), samples);
    }

    /** {@code rawData}: one array per fork, one number per measurement iteration; forks kept apart. */
    private static Samples readRawData(Path file, String what, JsonNode raw, String at) {
        List<double[]> forks = new ArrayList<>();
        for (JsonNode fork : raw) {
            if (!fork.isArray()) {
                throw shapeError(file, what, at + " has a rawData element that is not a list of numbers");
            }
            double[] values = new double[fork.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = number(file, what, fork.get(i), at + " rawData");
            }
            if (values.length > 0) {
                forks.add(values);
            }
        }
        if (forks.isEmpty()) {
            throw shapeError(file, what, at + " has an empty rawData list");
        }
        return new Samples(forks.toArray(double[][]::new), null);
    }

    /**
     * {@code rawDataHistogram}: per fork, per iteration, a list of {@code [value, count]} pairs.
     * Each iteration becomes one value, its count-weighted mean (see {@link Samples}); the bins of
     * every fork and iteration are also pooled, for percentiles only.
     */
    private static Samples readHistogram(Path file, String what, JsonNode histogram, String at) {
        Map<Double, Long> bins = new TreeMap<>();
        List<double[]> forks = new ArrayList<>();
        for (JsonNode fork : histogram) {
            List<Double> iterations = new ArrayList<>();
            for (JsonNode iteration : fork) {
                double sum = 0;
                long count = 0;
                for (JsonNode bin : iteration) {
                    if (!bin.isArray() || bin.size() != 2) {
                        throw shapeError(file, what, at + " has a rawDataHistogram bin that is not a [value, count] pair");
                    }
                    double value = number(file, what, bin.get(0), at + " rawDataHistogram");
                    long c = bin.get(1).asLong();
                    bins.merge(value, c, Long::sum);
                    sum += value * c;
                    count += c;
                }
                if (count > 0) {
                    iterations.add(sum / count);
                }
            }
            if (!iterations.isEmpty()) {
                forks.add(iterations.stream().mapToDouble(Double::doubleValue).toArray());
            }
        }
        if (bins.isEmpty() || forks.isEmpty()) {
            throw shapeError(file, what, at + " has an empty rawDataHistogram");
        }
        double[] values = new double[bins.size()];
        long[] counts = new long[bins.size()];
        int i = 0;
        for (Map.Entry<Double, Long> bin : bins.entrySet()) {
            values[i] = bin.getKey();
            counts[i++] = bin.getValue();
        }
        return new Samples(forks.toArray(double[][]::new), new Samples.Histogram(values, counts));
    }

    /** A JSON number, or JMH's string spelling of a non-finite one. */
    private static double number(Path file, String what, JsonNode node, String at) {
        if (node.isNumber()) {
            return node.asDouble();
        }
        if (node.isTextual()) {
            switch (node.asText()) {
                case "NaN":
                    return Double.NaN;
                case "Infinity":
                    return Double.POSITIVE_INFINITY;
                case "-Infinity":
                    return Double.NEGATIVE_INFINITY;
                default:
                    break;
            }
        }
        if (node.isMissingNode() || node.isNull()) {
            return Double.NaN;
        }
        throw shapeError(file, what, at + " is " + node + ", not a number");
    }
}
