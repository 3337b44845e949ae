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
 *                  "workers":4,"unit":"s","samples":[3.41,3.39,3.45]}, ...],
 *  "coroutines":[{"claim":"Q5","id":"asyncio-sleep-400","label":"...","kind":"SLEEP","size":400,
 *                 "status":"ran","reason":null,"metrics":{"wallOverSleep":[1.02],"bytesPerTask":[1546.2]}}, ...]}
 * }</pre>
 *
 * <p>{@code status} and {@code experiments} are the tutorial's T1-T3; each asyncio experiment of
 * {@code coroutines} ran or was skipped on its own (a failing script, a size that does not fit in
 * memory), so one failure leaves the others standing.
 *
 * @param status  {@code ran} or {@code skipped}
 * @param reason  why it was skipped; null when it ran
 * @param python  implementation and version; null when unknown (skipped before asking Python)
 * @param platform Python's {@code platform.platform()} and the CPU count; null when unknown
 * @param experiments empty when skipped
 * @param coroutines  the asyncio experiments; empty when none was tried (no python3, turned off)
 */
@JsonPropertyOrder({"schema", "status", "reason", "python", "platform", "repeats", "experiments", "coroutines"})
public record CrossCheckResult(int schema, String status, String reason, String python, String platform,
                               int repeats, List<Experiment> experiments, List<Coroutine> coroutines) {

    public static final int SCHEMA = 1;
    public static final String RAN = "ran";
    public static final String SKIPPED = "skipped";

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One experiment's samples, one per repeat, in seconds: the wall time of the whole batch, or
     * for the spawn experiments ({@code workers} 1) the mean time per unit.
     */
    @JsonPropertyOrder({"claim", "id", "label", "model", "workers", "unit", "samples"})
    public record Experiment(String claim, String id, String label, String model, int workers, String unit,
                             List<Double> samples) {
        static Experiment of(TutorialExperiment e, List<Double> samples) {
            return new Experiment(e.claim(), e.id(), e.label(), e.model(), e.workers(), "s", List.copyOf(samples));
        }
    }

    /**
     * One asyncio experiment: its samples per metric (one per repeat), or why it did not run.
     *
     * @param status  {@code ran} or {@code skipped}
     * @param metrics metric name to samples, in the order {@link CoroutineExperiment.Kind} names them; empty when skipped
     */
    @JsonPropertyOrder({"claim", "id", "label", "kind", "size", "status", "reason", "metrics"})
    public record Coroutine(String claim, String id, String label, String kind, int size, String status, String reason,
                            Map<String, List<Double>> metrics) {
        static Coroutine ran(CoroutineExperiment e, Map<String, List<Double>> metrics) {
            Map<String, List<Double>> copy = new LinkedHashMap<>();
            metrics.forEach((name, samples) -> copy.put(name, List.copyOf(samples)));
            return new Coroutine(e.claim(), e.id(), e.label(), e.kind().name(), e.size(), RAN, null, copy);
        }

        static Coroutine skipped(CoroutineExperiment e, String reason) {
            return new Coroutine(e.claim(), e.id(), e.label(), e.kind().name(), e.size(), SKIPPED, reason, Map.of());
        }
    }

    public static CrossCheckResult ran(String python, String platform, int repeats, List<Experiment> experiments) {
        return new CrossCheckResult(SCHEMA, RAN, null, python, platform, repeats, List.copyOf(experiments), List.of());
    }

    public static CrossCheckResult skipped(String reason, String python, String platform, int repeats) {
        return new CrossCheckResult(SCHEMA, SKIPPED, reason, python, platform, repeats, List.of(), List.of());
    }

    /** This result with the asyncio experiments' outcomes. */
    public CrossCheckResult withCoroutines(List<Coroutine> outcomes) {
        return new CrossCheckResult(schema, status, reason, python, platform, repeats, experiments, List.copyOf(outcomes));
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
