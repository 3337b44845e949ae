package dev.unitsbench.reports.crosscheck;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.unitsbench.reports.read.BenchmarkMode;
import dev.unitsbench.reports.read.BenchmarkResult;
import dev.unitsbench.reports.read.Metric;
import dev.unitsbench.reports.read.Samples;
import dev.unitsbench.reports.stats.AnalyzedResult;
import dev.unitsbench.reports.stats.Confidence;
import dev.unitsbench.reports.stats.Estimate;
import dev.unitsbench.reports.stats.Statistics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The tutorial's own experiments (T1, T2, T3) run in CPython on this machine, read from the
 * file {@code --python} names ({@code benchmarks/target/python-crosscheck.json}, schema 1):
 * so that a reader sees the tutorial's figures, CPython here, and the JVM here side by side.
 *
 * <p>Reading it never fails the report: a missing file, {@code "status": "skipped"} (no
 * python3) or a malformed file all make a skipped cross-check whose {@link #reason} the claims
 * show; a malformed file is also a warning.
 *
 * @param ran         false when skipped
 * @param reason      why it was skipped; null when it ran
 * @param python      e.g. "CPython 3.11.7"
 * @param platform    e.g. "Linux-6.18-x86_64-with-glibc2.36, 2 CPUs"
 * @param warning     a line for stderr and the page when the file is malformed; null otherwise
 * @param coroutines  the asyncio experiments, each ran or skipped on its own; read even when T1-T3
 *                    were skipped, empty when none was tried
 * @param demonstrations the tutorial's own demonstrations of the other claims (T4, Q2, Q6-Q12), each
 *                    ran or skipped on its own; empty when none was tried
 */
public record PythonCrossCheck(boolean ran, String reason, String python, String platform, int repeats,
                               List<Experiment> experiments, String warning, List<Coroutine> coroutines,
                               List<Demonstration> demonstrations) {

    /**
     * One of the tutorial's demonstrations, run as the tutorial's post does: its figures per
     * interpreter run, by name (e.g. {@code processesNoLockOversold}), or why it did not run.
     *
     * @param reason  why it was skipped; null when it ran
     * @param metrics figure name to one value per interpreter run; empty when skipped
     */
    public record Demonstration(String claim, String id, String label, Map<String, String> params, String reason,
                                Map<String, double[]> metrics) {
        public boolean ran() {
            return reason == null;
        }
    }

    /**
     * One experiment, with the mean and 95% interval of its repeats.
     *
     * @param model    the execution model it plays (PROCESS, PLATFORM_THREAD, ...), as in the JMH params
     * @param unit     unit of the samples, e.g. "s"
     * @param params   the experiment's own parameters beside model and workers, as text; may be empty
     */
    public record Experiment(String claim, String id, String label, String model, int workers, String unit,
                             double[] samples, Estimate estimate, Map<String, String> params) {
    }

    /** The prefix of the benchmark name an experiment gets in {@link #asResults}: {@code cpython.t1_cpu_bound}. */
    public static final String BENCHMARK_PREFIX = "cpython.";

    /**
     * Every experiment that ran as a single-shot result, so that the catalog can compare CPython's
     * figures as it compares the JVM's: named {@code cpython.<id>}, with the params {@code model},
     * {@code workers} (when above 0) and the experiment's own, one fork per interpreter run (each
     * is its own process: an independent replicate). Each demonstration that ran is one result too,
     * its figures as secondary metrics by name (the catalog picks one with {@code "metric"}).
     * Empty when nothing ran.
     */
    public List<AnalyzedResult> asResults() {
        List<AnalyzedResult> results = new ArrayList<>();
        for (Experiment e : experiments) {
            TreeMap<String, String> params = new TreeMap<>(e.params());
            params.put("model", e.model());
            if (e.workers() > 0) {
                params.put("workers", String.valueOf(e.workers()));
            }
            Samples samples = Samples.ofReplicates(e.samples());
            BenchmarkResult result = new BenchmarkResult(BENCHMARK_PREFIX + e.id(), BenchmarkMode.SINGLE_SHOT_TIME, params,
                    new Metric(e.estimate().mean(), Double.NaN, e.unit(), samples), Map.of(), e.samples().length, 1,
                    new BenchmarkResult.JvmInfo("", "", python, "", "", List.of()));
            results.add(new AnalyzedResult(result, e.estimate()));
        }
        for (Demonstration d : demonstrations) {
            if (!d.ran()) {
                continue;
            }
            Map<String, Metric> figures = new LinkedHashMap<>();
            d.metrics().forEach((name, values) -> figures.put(name, new Metric(Double.NaN, Double.NaN, "", Samples.ofReplicates(values))));
            Metric first = figures.values().iterator().next();
            int runs = first.samples().forkCount();
            BenchmarkResult result = new BenchmarkResult(BENCHMARK_PREFIX + d.id(), BenchmarkMode.SINGLE_SHOT_TIME,
                    new TreeMap<>(d.params()), first, Map.copyOf(figures), runs, 1, new BenchmarkResult.JvmInfo("", "", python, "", "", List.of()));
            results.add(AnalyzedResult.analyze(List.of(result), Confidence.LEVEL).get(0));
        }
        return List.copyOf(results);
    }

    /**
     * The names ({@code cpython.<id>}) of the results that ran in rounds: the cross-check runs repeat
     * r of every T1-T3 experiment in round r, so run r of two of them shared the machine's state of
     * that round, and a comparison of two of them can be paired by round, as the JMH forks are.
     */
    public Set<String> inRounds() {
        Set<String> names = new LinkedHashSet<>();
        experiments.forEach(e -> names.add(BENCHMARK_PREFIX + e.id()));
        return names;
    }

    /**
     * One asyncio experiment: the mean and 95% interval of each metric over its repeats, or why it
     * did not run.
     *
     * @param size    tasks, repetitions, leaves or connections, as {@code label} says
     * @param reason  why it was skipped; null when it ran
     * @param metrics metric name (e.g. {@code wallOverSleep}) to its estimate; empty when skipped
     */
    public record Coroutine(String claim, String id, String label, int size, String reason, Map<String, Estimate> metrics) {
        public boolean ran() {
            return reason == null;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    static PythonCrossCheck skipped(String reason, String warning) {
        return new PythonCrossCheck(false, reason, null, null, 0, List.of(), warning, List.of(), List.of());
    }

    /** @return null when {@code file} is null (no {@code --python} option) */
    public static PythonCrossCheck read(Path file, double level) {
        if (file == null) {
            return null;
        }
        if (!Files.isRegularFile(file)) {
            return skipped("the file " + file + " does not exist, so the CPython run did not happen (it runs in mvn verify -Pbench)", null);
        }
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            return malformed(file, "not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            return malformed(file, "cannot be read: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            return malformed(file, "not a JSON object");
        }
        if (root.path("schema").asInt(0) != 1) {
            return malformed(file, "\"schema\" is not 1");
        }
        String status = root.path("status").asText("");
        List<Coroutine> coroutines = coroutines(root.path("coroutines"), level);
        List<Demonstration> demonstrations = demonstrations(root.path("claims"));
        if (status.equals("skipped")) {
            String reason = root.path("reason").asText("");
            return new PythonCrossCheck(false, reason.isBlank() ? "no reason given" : reason, root.path("python").asText(null),
                    root.path("platform").asText(null), 0, List.of(), null, coroutines, demonstrations);
        }
        if (!status.equals("ran")) {
            return malformed(file, "\"status\" is neither \"ran\" nor \"skipped\"");
        }
        List<Experiment> experiments = new ArrayList<>();
        JsonNode list = root.path("experiments");
        if (!list.isArray() || list.isEmpty()) {
            return malformed(file, "status \"ran\" but no \"experiments\" list");
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode e = list.get(i);
            String at = "experiment " + i;
            for (String field : List.of("claim", "id", "label", "model", "unit")) {
                if (!e.path(field).isTextual() || e.path(field).asText().isBlank()) {
                    return malformed(file, at + " has no \"" + field + "\" text");
                }
            }
            JsonNode samples = e.path("samples");
            if (!samples.isArray() || samples.isEmpty()) {
                return malformed(file, at + " (" + e.get("id").asText() + ") has no \"samples\" list");
            }
            double[] values = new double[samples.size()];
            for (int k = 0; k < values.length; k++) {
                if (!samples.get(k).isNumber() || !Double.isFinite(samples.get(k).asDouble())) {
                    return malformed(file, at + " (" + e.get("id").asText() + ") has a sample that is not a finite number");
                }
                values[k] = samples.get(k).asDouble();
            }
            String unit = e.get("unit").asText();
            Map<String, String> params = new TreeMap<>();
            e.path("params").properties().forEach(p -> params.put(p.getKey(), p.getValue().asText()));
            experiments.add(new Experiment(e.get("claim").asText(), e.get("id").asText(), e.get("label").asText(),
                    e.get("model").asText(), e.path("workers").asInt(0), unit, values,
                    // Each CPython repeat is its own interpreter process: an independent replicate, like a fork.
                    Statistics.estimate(Samples.ofReplicates(values), level, unit), Map.copyOf(params)));
        }
        return new PythonCrossCheck(true, null, root.path("python").asText("CPython"), root.path("platform").asText(""),
                root.path("repeats").asInt(0), List.copyOf(experiments), null, coroutines, demonstrations);
    }

    /**
     * The asyncio experiments; an entry that cannot be read counts as skipped, saying why, so
     * that one bad entry does not hide the others (or T1-T3).
     */
    static List<Coroutine> coroutines(JsonNode list, double level) {
        List<Coroutine> coroutines = new ArrayList<>();
        for (JsonNode c : list.isArray() ? list : JSON.createArrayNode()) {
            String claim = c.path("claim").asText("");
            String id = c.path("id").asText("");
            String label = c.path("label").asText(id);
            int size = c.path("size").asInt(0);
            if (!c.path("status").asText("").equals("ran")) {
                coroutines.add(new Coroutine(claim, id, label, size, c.path("reason").asText("no reason given"), Map.of()));
                continue;
            }
            Figures figures = Figures.of(c.path("metrics"));
            String problem = figures.problem();
            Map<String, Estimate> metrics = new LinkedHashMap<>();
            // Each repeat is its own interpreter process: an independent replicate, like a fork.
            figures.values().forEach((name, values) -> metrics.put(name, Statistics.estimate(Samples.ofReplicates(values), level, "")));
            coroutines.add(problem == null ? new Coroutine(claim, id, label, size, null, Map.copyOf(metrics))
                    : new Coroutine(claim, id, label, size, "the file is malformed: " + problem, Map.of()));
        }
        return List.copyOf(coroutines);
    }

    /**
     * An entry's figures by name, one value per interpreter run, or why they cannot be read (a
     * figure without values or with one that is not a finite number, or no figure at all).
     */
    private record Figures(Map<String, double[]> values, String problem) {

        static Figures of(JsonNode metrics) {
            Map<String, double[]> values = new LinkedHashMap<>();
            for (var field : metrics.properties()) {
                double[] runs = new double[field.getValue().size()];
                for (int k = 0; k < runs.length; k++) {
                    JsonNode v = field.getValue().get(k);
                    runs[k] = v.isNumber() ? v.asDouble() : Double.NaN;
                }
                if (runs.length == 0 || Arrays.stream(runs).anyMatch(v -> !Double.isFinite(v))) {
                    return new Figures(Map.of(), "its metric " + field.getKey() + " has no samples or one that is not a finite number");
                }
                values.put(field.getKey(), runs);
            }
            return new Figures(values, values.isEmpty() ? "it ran but has no metrics" : null);
        }
    }

    /**
     * The tutorial's demonstrations; an entry that cannot be read counts as skipped, saying why,
     * so that one bad entry does not hide the others.
     */
    static List<Demonstration> demonstrations(JsonNode list) {
        List<Demonstration> read = new ArrayList<>();
        for (JsonNode c : list.isArray() ? list : JSON.createArrayNode()) {
            String claim = c.path("claim").asText("");
            String id = c.path("id").asText("");
            String label = c.path("label").asText(id);
            Map<String, String> params = new TreeMap<>();
            c.path("params").properties().forEach(p -> params.put(p.getKey(), p.getValue().asText()));
            if (!c.path("status").asText("").equals("ran")) {
                read.add(new Demonstration(claim, id, label, Map.copyOf(params), c.path("reason").asText("no reason given"), Map.of()));
                continue;
            }
            Figures figures = Figures.of(c.path("metrics"));
            String problem = figures.problem();
            read.add(problem == null ? new Demonstration(claim, id, label, Map.copyOf(params), null, figures.values())
                    : new Demonstration(claim, id, label, Map.copyOf(params), "the file is malformed: " + problem, Map.of()));
        }
        return List.copyOf(read);
    }

    private static PythonCrossCheck malformed(Path file, String problem) {
        String warning = "CPython cross-check file " + file + " is malformed (" + problem + "); the cross-check is shown as skipped.";
        return skipped("the file " + file + " is malformed (" + problem + ")", warning);
    }

    public List<Experiment> forClaim(String claim) {
        return experiments.stream().filter(e -> e.claim().equals(claim)).toList();
    }
}
