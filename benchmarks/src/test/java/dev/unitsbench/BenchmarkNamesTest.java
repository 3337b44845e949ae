package dev.unitsbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.unitsbench.crosscheck.CoroutineExperiment;
import dev.unitsbench.crosscheck.ClaimExperiment;
import dev.unitsbench.crosscheck.TutorialExperiment;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Names that other places copy as strings are checked against the benchmarks that exist: the
 * generated benchmark list ({@code META-INF/BenchmarkList}, written by JMH's annotation processor
 * into target/classes), with each benchmark's params and their {@code @Param} values. A renamed
 * benchmark, param or param value then fails the build instead of silently turning a claim into
 * "not measured".
 *
 * <ul>
 *   <li>{@link SuiteRunner#TUTORIAL_SIZES}: a benchmark class and params it has.</li>
 *   <li>{@link TutorialExperiment#TUTORIAL}: the execution model each experiment stands beside.</li>
 *   <li>The reporter's claims catalog: every selector's benchmarks, params and param values
 *       ({@code *} is any value, {@code A|B} alternatives, each of which must exist), the scaling
 *       axes, and the tests named as findings.</li>
 * </ul>
 */
class BenchmarkNamesTest {

    /** The claims catalog of the reporter module, from this module's folder (Surefire's basedir). */
    static final Path CATALOG = Path.of(System.getProperty("basedir", "."))
            .resolve("../reports/src/main/resources/dev/unitsbench/reports/claims/claims.json").normalize();

    /** Every benchmark of the generated list by its full method name, with its params and their values. */
    static Map<String, Map<String, Set<String>>> benchmarks() {
        PrintStream silent = new PrintStream(OutputStream.nullOutputStream());
        Map<String, Map<String, Set<String>>> all = new TreeMap<>();
        for (BenchmarkListEntry entry : BenchmarkList.defaultList()
                .getAll(OutputFormatFactory.createFormatInstance(silent, VerboseMode.SILENT), List.of())) {
            Map<String, Set<String>> params = all.computeIfAbsent(entry.getUsername(), name -> new TreeMap<>());
            if (entry.getParams().hasValue()) {
                entry.getParams().get().forEach((name, values) ->
                        params.computeIfAbsent(name, n -> new LinkedHashSet<>()).addAll(Arrays.asList(values)));
            }
        }
        return all;
    }

    /**
     * The CPython cross-check's experiments as the reporter reads them ({@code cpython.<id>}, with
     * the params model, workers and the script's own arguments), so the catalog may compare them.
     */
    static Map<String, Map<String, Set<String>>> crossCheckResults() {
        Map<String, Map<String, Set<String>>> all = new TreeMap<>();
        for (TutorialExperiment e : TutorialExperiment.TUTORIAL) {
            Map<String, Set<String>> params = all.computeIfAbsent("cpython." + e.id(), name -> new TreeMap<>());
            ClaimExperiment.paramsOf(e.args()).forEach((name, value) -> params.computeIfAbsent(name, n -> new LinkedHashSet<>()).add(value));
            params.computeIfAbsent("model", n -> new LinkedHashSet<>()).add(e.model());
            params.computeIfAbsent("workers", n -> new LinkedHashSet<>()).add(String.valueOf(e.workers()));
        }
        for (ClaimExperiment e : ClaimExperiment.ALL) {
            Map<String, Set<String>> params = all.computeIfAbsent("cpython." + e.id(), name -> new TreeMap<>());
            ClaimExperiment.paramsOf(e.args()).forEach((name, value) -> params.computeIfAbsent(name, n -> new LinkedHashSet<>()).add(value));
        }
        return all;
    }

    @Test
    void theGeneratedBenchmarkListIsReadWithParamsAndEnumValues() {
        Map<String, Map<String, Set<String>>> all = benchmarks();
        assertFalse(all.isEmpty(), "no benchmark in META-INF/BenchmarkList");
        // An enum @Param without explicit values lists every constant: the catalog's values are checked against them.
        assertTrue(all.values().stream().anyMatch(p -> p.getOrDefault("model", Set.of()).contains("PROCESS")),
                "no benchmark lists PROCESS as a value of its param 'model'");
    }

    @Test
    void theTutorialSizesNameBenchmarksAndParamsThatExist() {
        Map<String, Map<String, Set<String>>> all = benchmarks();
        List<String> wrong = new ArrayList<>();
        for (SuiteRunner.Resize resize : SuiteRunner.TUTORIAL_SIZES) {
            String classPrefix = "dev.unitsbench." + resize.benchmarkClass() + ".";
            List<Map<String, Set<String>>> methods = all.entrySet().stream()
                    .filter(e -> e.getKey().startsWith(classPrefix)).map(Map.Entry::getValue).toList();
            if (methods.isEmpty()) {
                wrong.add("SuiteRunner.TUTORIAL_SIZES: no benchmark class dev.unitsbench." + resize.benchmarkClass());
                continue;
            }
            for (String param : resize.params().keySet()) {
                if (methods.stream().noneMatch(p -> p.containsKey(param))) {
                    wrong.add("SuiteRunner.TUTORIAL_SIZES: " + resize.benchmarkClass() + " has no param '" + param + "'");
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void theTutorialExperimentsNameModelsThatABenchmarkRuns() {
        Set<String> models = new LinkedHashSet<>();
        benchmarks().values().forEach(p -> models.addAll(p.getOrDefault("model", Set.of())));
        List<String> wrong = new ArrayList<>();
        for (TutorialExperiment experiment : TutorialExperiment.TUTORIAL) {
            if (!models.contains(experiment.model())) {
                wrong.add("TutorialExperiment " + experiment.id() + ": no benchmark has model=" + experiment.model());
            }
        }
        assertEquals(List.of(), wrong);
    }

    /**
     * The reporter's coroutines pairs name JVM benchmarks and params that exist, and asyncio
     * experiments and metrics the cross-check runs (a JVM figure the cross-check measures itself
     * names its metric). Param values are not checked: a size a benchmark runs only in a quick
     * run (the fan-out tree at depth 4) is "not run" in the other.
     */
    @Test
    void theCoroutinesPairsNameBenchmarksParamsAndAsyncioExperimentsThatExist() throws Exception {
        Path pairs = CATALOG.resolveSibling("../crosscheck/coroutines.json").normalize();
        Set<String> asyncio = new LinkedHashSet<>();
        for (CoroutineExperiment e : CoroutineExperiment.FULL_AND_QUICK) {
            e.kind().metrics.forEach(m -> asyncio.add(e.id() + " " + m.name()));
        }
        List<String> wrong = new ArrayList<>();
        Map<String, Map<String, Set<String>>> known = benchmarks();
        for (JsonNode row : new ObjectMapper().readTree(pairs.toFile()).path("rows")) {
            String where = "coroutines.json " + row.path("figure").asText();
            Map<String, String> params = new TreeMap<>();
            row.path("jvm").path("params").fieldNames().forEachRemaining(name -> params.put(name, "*"));
            if (row.path("jvm").hasNonNull("divideByParam")) {
                params.put(row.path("jvm").path("divideByParam").asText(), "*");
            }
            if (row.path("jvm").hasNonNull("crossCheckMetric")) {
                if (!asyncio.contains(row.path("asyncio").asText() + " " + row.path("jvm").path("crossCheckMetric").asText())) {
                    wrong.add(where + ": the cross-check's " + row.path("asyncio").asText() + " has no metric "
                            + row.path("jvm").path("crossCheckMetric").asText());
                }
            } else {
                check(where, List.of("dev.unitsbench." + row.path("jvm").path("benchmark").asText()), params, known, wrong);
            }
            if (!asyncio.contains(row.path("asyncio").asText() + " " + row.path("metric").asText())) {
                wrong.add(where + ": no asyncio experiment " + row.path("asyncio").asText() + " with metric " + row.path("metric").asText());
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void everySelectorOfTheClaimsCatalogNamesBenchmarksParamsAndValuesThatExist() throws Exception {
        assertTrue(Files.isRegularFile(CATALOG), "no claims catalog at " + CATALOG);
        Map<String, Map<String, Set<String>>> known = benchmarks();
        known.putAll(crossCheckResults());
        List<String> wrong = catalogErrors(new ObjectMapper().readTree(CATALOG.toFile()), known);
        assertEquals(List.of(), wrong, "catalog entries naming what does not exist (" + CATALOG + ")");
    }

    @Test
    void aRenamedBenchmarkParamOrValueIsNamedWithItsCatalogEntry() throws Exception {
        Map<String, Map<String, Set<String>>> known = Map.of(
                "x.A.run", Map.of("model", Set.of("PROCESS", "VIRTUAL_THREAD"), "size", Set.of("1", "2")));
        JsonNode catalog = new ObjectMapper().readTree("""
                {"claims": [
                  {"id": "OK", "comparisons": [{"benchmarks": ["x.A.run"], "params": {"size": "*"},
                    "faster": {"params": {"model": "VIRTUAL_THREAD"}}, "slower": {"params": {"model": "PROCESS|VIRTUAL_THREAD"}}}]},
                  {"id": "C1", "figures": {"benchmarks": ["x.A.gone"], "params": {}}},
                  {"id": "C2", "comparisons": [{"benchmarks": ["x.A.run"], "params": {"sise": "1"},
                    "faster": {"params": {"model": "PROCESS"}}, "slower": {"params": {"model": "PLATFORM|PROCESS"}}}]},
                  {"id": "C3", "scaling": {"benchmarks": ["x.A.run"], "params": {}, "x": "workers", "series": "model"}}
                ]}""");
        assertEquals(List.of(
                "C1 figures: no benchmark x.A.gone",
                "C2 comparisons[0]: x.A.run has no param 'sise'",
                "C2 comparisons[0].slower: x.A.run has no value 'PLATFORM' of param 'model' (it has [PROCESS, VIRTUAL_THREAD])",
                "C3 scaling: no benchmark of [x.A.run] has the x param 'workers'"),
                catalogErrors(catalog, known));
    }

    /** What is wrong with the catalog's names, one line per fault, naming the claim and the entry. */
    static List<String> catalogErrors(JsonNode catalog, Map<String, Map<String, Set<String>>> known) {
        List<String> wrong = new ArrayList<>();
        for (JsonNode claim : catalog.path("claims")) {
            String id = claim.path("id").asText("?");
            for (String part : List.of("figures", "scaling")) {
                JsonNode selector = claim.path(part);
                if (selector.isObject()) {
                    check(id + " " + part, texts(selector.path("benchmarks")), params(selector.path("params")), known, wrong);
                    for (String axis : List.of("x", "series")) {
                        String param = selector.path(axis).asText("");
                        List<String> benchmarks = texts(selector.path("benchmarks"));
                        if (!param.isEmpty() && benchmarks.stream().noneMatch(
                                b -> known.getOrDefault(b, Map.of()).containsKey(param))) {
                            wrong.add(id + " " + part + ": no benchmark of " + benchmarks + " has the " + axis + " param '" + param + "'");
                        }
                    }
                }
            }
            JsonNode breakEven = claim.path("breakEven");
            if (breakEven.isObject()) {
                List<String> benchmarks = texts(breakEven.path("benchmarks"));
                check(id + " breakEven", benchmarks, params(breakEven.path("params")), known, wrong);
                for (String side : List.of("faster", "slower")) {
                    check(id + " breakEven." + side, benchmarks, params(breakEven.path(side)), known, wrong);
                }
                String x = breakEven.path("x").asText("");
                if (benchmarks.stream().noneMatch(b -> known.getOrDefault(b, Map.of()).containsKey(x))) {
                    wrong.add(id + " breakEven: no benchmark of " + benchmarks + " has the x param '" + x + "'");
                }
            }
            int i = 0;
            for (JsonNode comparison : claim.path("comparisons")) {
                String where = id + " comparisons[" + i++ + "]";
                List<String> benchmarks = texts(comparison.path("benchmarks"));
                Map<String, String> params = params(comparison.path("params"));
                if (!comparison.has("faster") && !comparison.has("slower")) {
                    check(where, benchmarks, params, known, wrong); // a check: one selector
                    continue;
                }
                if (!benchmarks.isEmpty()) {
                    check(where, benchmarks, params, known, wrong);
                }
                for (String side : List.of("faster", "slower")) {
                    JsonNode s = comparison.path(side);
                    List<String> sideBenchmarks = texts(s.path("benchmarks"));
                    Map<String, String> sideParams = params(s.path("params"));
                    if (sideBenchmarks.isEmpty() && benchmarks.isEmpty()) {
                        wrong.add(where + "." + side + ": names no benchmark");
                    }
                    // A side's params are checked on the benchmarks it runs on; the shared params
                    // were checked above, or are checked here when the side names its own benchmarks.
                    Map<String, String> checked = new TreeMap<>(sideParams);
                    if (!sideBenchmarks.isEmpty()) {
                        checked.putAll(params);
                        checked.putAll(sideParams);
                    }
                    check(where + "." + side, sideBenchmarks.isEmpty() ? benchmarks : sideBenchmarks, checked, known, wrong);
                }
            }
            for (JsonNode test : claim.path("findings")) {
                // A finding is the test's name, or an object naming it ({"test": ..., "evidence": false}).
                String problem = missingTest(test.isObject() ? test.path("test").asText() : test.asText());
                if (problem != null) {
                    wrong.add(id + " findings: " + problem);
                }
            }
        }
        return wrong;
    }

    private static void check(String where, List<String> benchmarks, Map<String, String> params,
                              Map<String, Map<String, Set<String>>> known, List<String> wrong) {
        for (String benchmark : benchmarks) {
            Map<String, Set<String>> has = known.get(benchmark);
            if (has == null) {
                wrong.add(where + ": no benchmark " + benchmark);
                continue;
            }
            params.forEach((param, value) -> {
                Set<String> values = has.get(param);
                if (values == null) {
                    wrong.add(where + ": " + benchmark + " has no param '" + param + "'");
                } else if (!value.equals("*")) {
                    for (String alternative : value.split("\\|")) {
                        if (!values.contains(alternative)) {
                            wrong.add(where + ": " + benchmark + " has no value '" + alternative + "' of param '"
                                    + param + "' (it has " + new TreeSet<>(values) + ")");
                        }
                    }
                }
            });
        }
    }

    /** Null if {@code Class#method} names a test method on the test class path, else what is missing. */
    private static String missingTest(String name) {
        int hash = name.indexOf('#');
        if (hash < 0) {
            return "'" + name + "' is not Class#method";
        }
        try {
            Class<?> type = Class.forName(name.substring(0, hash));
            String method = name.substring(hash + 1);
            for (Method m : type.getDeclaredMethods()) {
                if (m.getName().equals(method)) {
                    return null;
                }
            }
            return "no test method " + name;
        } catch (ClassNotFoundException e) {
            return "no test class " + name.substring(0, hash);
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private static Map<String, String> params(JsonNode object) {
        Map<String, String> params = new TreeMap<>();
        object.fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
        return params;
    }
}
