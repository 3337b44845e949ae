package dev.unitsbench.reports.crosscheck;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.unitsbench.reports.read.Metric;
import dev.unitsbench.reports.stats.AnalyzedResult;
import dev.unitsbench.reports.stats.Estimate;
import dev.unitsbench.reports.stats.Statistics;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which JVM figure stands beside which CPython asyncio figure in the report's coroutines section.
 * The pairs are data ({@code coroutines.json} beside this class), as the claims are:
 * no benchmark name is written in code.
 */
public final class CoroutinePairs {

    private static final String BUILT_IN = "coroutines.json";

    /** The file's shape. */
    @JsonIgnoreProperties({"about"})
    record File(List<Pair> rows) {
    }

    /**
     * One row: an asyncio experiment's metric and the JVM figure beside it.
     *
     * @param unit the unit both sides are shown in
     */
    public record Pair(String claim, String figure, String unit, String asyncio, String metric, Jvm jvm) {
    }

    /**
     * The JVM side: a JMH result and how to bring its figure to the asyncio figure's unit, or
     * ({@code crossCheckMetric}) a figure the cross-check measured beside the asyncio one, in the
     * same harness (the echo servers: both a child process under the same load generator).
     *
     * @param benchmark     the end of JMH's benchmark name, e.g. {@code io.SleepBenchmark.sleepAll}
     * @param params        params the result must have, with these values
     * @param metric        a secondary metric; null for the score
     * @param divideByParam divide by this param's value, in the score's time unit (wall over sleep)
     * @param toSeconds     a time per operation, in seconds
     * @param perSecondOf   this many things per operation, per second
     * @param crossCheckMetric a metric of the row's cross-check experiment instead of a JMH result; null otherwise
     */
    public record Jvm(String benchmark, Map<String, String> params, String metric, String divideByParam, boolean toSeconds,
                      Long perSecondOf, String crossCheckMetric) {

        public Jvm {
            params = params == null ? Map.of() : Map.copyOf(params);
        }

        /** What this side reads, for a "not run" line. */
        public String source() {
            if (crossCheckMetric != null) {
                return crossCheckMetric + " of the cross-check";
            }
            return benchmark + " " + params.entrySet().stream().map(p -> p.getKey() + " " + p.getValue())
                    .collect(java.util.stream.Collectors.joining(", ")) + (metric == null ? "" : " with " + metric);
        }

        /**
         * The figure in the row's unit: from this run's JMH results, or from the metrics the
         * cross-check measured beside the asyncio figure ({@code crossCheck}: empty when that
         * experiment did not run); empty when nothing matches.
         */
        public Optional<Estimate> figure(List<AnalyzedResult> results, Map<String, Estimate> crossCheck, double level) {
            if (crossCheckMetric != null) {
                return Optional.ofNullable(crossCheck.get(crossCheckMetric));
            }
            for (AnalyzedResult r : results) {
                if (!r.result().benchmark().endsWith("." + benchmark)
                        || !params.entrySet().stream().allMatch(p -> p.getValue().equals(r.result().params().get(p.getKey())))) {
                    continue;
                }
                Estimate e = r.estimate();
                if (metric != null) {
                    Metric m = r.result().secondary().get(metric);
                    if (m == null || m.samples() == null) {
                        return Optional.empty();
                    }
                    e = Statistics.estimate(m.samples(), level, m.unit());
                }
                if (divideByParam != null) {
                    double by = Double.parseDouble(r.result().params().get(divideByParam));
                    return Optional.of(scale(e, 1 / by));
                }
                if (toSeconds) {
                    return Optional.of(scale(e, secondsPer(e.unit())));
                }
                if (perSecondOf != null) {
                    double s = secondsPer(e.unit());
                    // n / x is decreasing in x: the interval's ends swap.
                    return Optional.of(new Estimate(perSecondOf / (e.mean() * s), perSecondOf / (e.high() * s),
                            perSecondOf / (e.low() * s), Double.NaN, e.n(), e.level(), "", e.iterations()));
                }
                return Optional.of(e);
            }
            return Optional.empty();
        }

        private static Estimate scale(Estimate e, double factor) {
            return new Estimate(e.mean() * factor, e.low() * factor, e.high() * factor, e.sd() * factor, e.n(), e.level(), "",
                    e.iterations());
        }

        /** Seconds in one unit of a JMH time-per-operation unit. */
        static double secondsPer(String unit) {
            return switch (unit.replace("/op", "")) {
                case "s" -> 1;
                case "ms" -> 1e-3;
                case "us" -> 1e-6;
                case "ns" -> 1e-9;
                default -> throw new IllegalArgumentException("not a time per operation: " + unit);
            };
        }
    }

    private CoroutinePairs() {
    }

    public static List<Pair> builtIn() {
        try (InputStream in = CoroutinePairs.class.getResourceAsStream(BUILT_IN)) {
            return List.copyOf(new ObjectMapper().readValue(in, File.class).rows());
        } catch (IOException e) {
            throw new UncheckedIOException("the built-in " + BUILT_IN + " cannot be read", e);
        }
    }
}
