package dev.unitsbench.crosscheck;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The file {@code benchmarks/target/python-crosscheck.json} that the reporter reads: the same
 * experiments in CPython on this machine, or why they did not run.
 *
 * <pre>{@code
 * {"schema":1,"status":"ran","reason":null,"python":"CPython 3.11.7",
 *  "platform":"Linux-6.18-x86_64-with-glibc2.36, 2 CPUs","repeats":3,
 *  "experiments":[{"claim":"T1","id":"cpu-processes","label":"...","model":"PROCESS",
 *                  "workers":4,"unit":"s","samples":[3.41,3.39,3.45],
 *                  "params":{"mode":"processes","workers":"4","iterations":"100000000"}}, ...],
 *  "coroutines":[{"claim":"Q5","id":"asyncio-sleep-400","label":"...","kind":"SLEEP","size":400,
 *                 "status":"ran","reason":null,"metrics":{"wallOverSleep":[1.02],"bytesPerTask":[1546.2]},
 *                 "params":{"mode":"sleep","tasks":"400","sleep":"1"}}, ...],
 *  "claims":[{"claim":"Q6","id":"q6-tickets","label":"...","script":"q6_tickets.py","status":"ran",
 *             "reason":null,"params":{"buyers":"10","tickets":"5","think":"5","rushes":"3"},
 *             "metrics":{"processesNoLockSeconds":[0.21,0.2,0.22],"processesNoLockOversold":[6,5,7], ...}}, ...]}
 * }</pre>
 *
 * <p>{@code status} and {@code experiments} are the tutorial's T1-T3; each asyncio experiment of
 * {@code coroutines} ran or was skipped on its own (a failing script, a size that does not fit in
 * memory), so one failure leaves the others standing. So does each of the tutorial's own
 * demonstrations of {@code claims} (T4, Q2, Q6-Q12, {@link ClaimExperiment}). Every entry carries
 * its parameters ({@code params}: the script's arguments by name, and the load of an echo).
 *
 * @param status  {@code ran} or {@code skipped}
 * @param reason  why it was skipped; null when it ran
 * @param python  implementation and version; null when unknown (skipped before asking Python)
 * @param platform Python's {@code platform.platform()} and the CPU count; null when unknown
 * @param experiments empty when skipped
 * @param coroutines  the asyncio experiments; empty when none was tried (no python3, turned off)
 * @param claims      the tutorial's demonstrations; empty when none was tried
 */
@JsonPropertyOrder({"schema", "status", "reason", "python", "platform", "repeats", "experiments", "coroutines", "claims"})
public record CrossCheckResult(int schema, String status, String reason, String python, String platform,
                               int repeats, List<Experiment> experiments, List<Coroutine> coroutines, List<Claim> claims) {

    public static final int SCHEMA = 1;
    public static final String RAN = "ran";
    public static final String SKIPPED = "skipped";

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One experiment's samples, one per repeat, in seconds: the wall time of the whole batch, or
     * for the spawn experiments ({@code workers} 1) the mean time per unit.
     */
    @JsonPropertyOrder({"claim", "id", "label", "model", "workers", "unit", "samples", "params"})
    public record Experiment(String claim, String id, String label, String model, int workers, String unit,
                             List<Double> samples, Map<String, String> params) {
        static Experiment of(TutorialExperiment e, List<Double> samples) {
            return new Experiment(e.claim(), e.id(), e.label(), e.model(), e.workers(), "s", List.copyOf(samples),
                    ClaimExperiment.paramsOf(e.args()));
        }
    }

    /**
     * One asyncio experiment: its samples per metric (one per repeat), or why it did not run.
     *
     * @param status  {@code ran} or {@code skipped}
     * @param metrics metric name to samples, in the order {@link CoroutineExperiment.Kind} names them; empty when skipped
     */
    @JsonPropertyOrder({"claim", "id", "label", "kind", "size", "status", "reason", "metrics", "params"})
    public record Coroutine(String claim, String id, String label, String kind, int size, String status, String reason,
                            Map<String, List<Double>> metrics, Map<String, String> params) {
        static Coroutine ran(CoroutineExperiment e, Map<String, List<Double>> metrics) {
            return new Coroutine(e.claim(), e.id(), e.label(), e.kind().name(), e.size(), RAN, null, copy(metrics), params(e));
        }

        static Coroutine skipped(CoroutineExperiment e, String reason) {
            return new Coroutine(e.claim(), e.id(), e.label(), e.kind().name(), e.size(), SKIPPED, reason, Map.of(), params(e));
        }

        private static Map<String, String> params(CoroutineExperiment e) {
            Map<String, String> params = ClaimExperiment.paramsOf(e.args());
            if (e.kind() == CoroutineExperiment.Kind.ECHO) {
                params.put("connections", Integer.toString(e.size()));
                params.put("requests", Integer.toString(e.requests()));
            }
            return params;
        }
    }

    /**
     * One of the tutorial's demonstrations: its samples per metric (one per run), or why it did not run.
     *
     * @param status  {@code ran} or {@code skipped}
     * @param params  the script's arguments by name ({@code mode} for the bare one), and an echo's load
     * @param metrics metric name to samples, in the order {@link ClaimExperiment#metrics} names them; empty when skipped
     */
    @JsonPropertyOrder({"claim", "id", "label", "script", "status", "reason", "params", "metrics"})
    public record Claim(String claim, String id, String label, String script, String status, String reason,
                        Map<String, String> params, Map<String, List<Double>> metrics) {
        static Claim ran(ClaimExperiment e, Map<String, List<Double>> metrics) {
            return new Claim(e.claim(), e.id(), e.label(), e.script(), RAN, null, e.params(), copy(metrics));
        }

        static Claim skipped(ClaimExperiment e, String reason) {
            return new Claim(e.claim(), e.id(), e.label(), e.script(), SKIPPED, reason, e.params(), Map.of());
        }
    }

    private static Map<String, List<Double>> copy(Map<String, List<Double>> metrics) {
        Map<String, List<Double>> copy = new LinkedHashMap<>();
        metrics.forEach((name, samples) -> copy.put(name, List.copyOf(samples)));
        return copy;
    }

    public static CrossCheckResult ran(String python, String platform, int repeats, List<Experiment> experiments) {
        return new CrossCheckResult(SCHEMA, RAN, null, python, platform, repeats, List.copyOf(experiments), List.of(), List.of());
    }

    public static CrossCheckResult skipped(String reason, String python, String platform, int repeats) {
        return new CrossCheckResult(SCHEMA, SKIPPED, reason, python, platform, repeats, List.of(), List.of(), List.of());
    }

    /** This result with the asyncio experiments' outcomes. */
    public CrossCheckResult withCoroutines(List<Coroutine> outcomes) {
        return new CrossCheckResult(schema, status, reason, python, platform, repeats, experiments, List.copyOf(outcomes), claims);
    }

    /** This result with the tutorial's demonstrations' outcomes. */
    public CrossCheckResult withClaims(List<Claim> outcomes) {
        return new CrossCheckResult(schema, status, reason, python, platform, repeats, experiments, coroutines, List.copyOf(outcomes));
    }

    /** Writes the file beside its target, then moves it in place: a failed write keeps the old file. */
    public void writeTo(Path target) throws IOException {
        Path folder = target.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path temp = Files.createTempFile(folder, "python-crosscheck", ".json.tmp");
        try {
            JSON.writeValue(temp.toFile(), this);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    public static CrossCheckResult read(Path file) throws IOException {
        return JSON.readValue(file.toFile(), CrossCheckResult.class);
    }
}
