package dev.unitsbench.reports.output;

import dev.unitsbench.reports.crosscheck.CoroutinePairs;
import dev.unitsbench.reports.crosscheck.PythonCrossCheck;
import dev.unitsbench.reports.format.Numbers;
import dev.unitsbench.reports.read.RunMetadata;
import dev.unitsbench.reports.stats.AnalyzedResult;
import dev.unitsbench.reports.stats.Estimate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The page's "Coroutines" section: JVM virtual threads and CPython asyncio side by
 * side, from the same run on the same machine, per claim (Q1, Q4, Q5). A figure is shown where its
 * side ran, otherwise "not run" and why; the ratio only where both ran. No verdict: no claim of
 * the catalog compares the two runtimes (Q1, Q4 and Q5 compare execution models within one), so
 * a cross-runtime ratio is context for the reader, not evidence for or against a claim.
 *
 * @param machine where both sides ran, from the run's metadata and Python's platform
 * @param claims  the rows grouped by claim, in the order of the pairs file
 */
public record CoroutinesView(String machine, List<ClaimRows> claims) {

    /** The metadata facts that say which machine it was. */
    private static final Set<String> MACHINE_FACTS = Set.of("Machine", "CPU model", "CPU count", "Memory", "Operating system");

    public record ClaimRows(String claim, List<Row> rows) {
    }

    /** One figure, both sides: each a value with its interval, or "not run: why". */
    public record Row(String figure, String jvm, String jvmInterval, String cpython, String cpythonInterval, String ratio) {
    }

    /** Null (no section) without {@code --python}; otherwise every pair of which at least one side ran or was tried. */
    public static CoroutinesView of(PythonCrossCheck python, List<AnalyzedResult> results, List<RunMetadata.Fact> metadata,
                                    double level) {
        if (python == null) {
            return null;
        }
        List<ClaimRows> claims = new ArrayList<>();
        for (CoroutinePairs.Pair pair : CoroutinePairs.builtIn()) {
            Optional<PythonCrossCheck.Coroutine> asyncio = python.coroutines().stream()
                    .filter(c -> c.id().equals(pair.asyncio())).findFirst();
            Optional<Estimate> jvm = pair.jvm().figure(results,
                    asyncio.filter(PythonCrossCheck.Coroutine::ran).map(PythonCrossCheck.Coroutine::metrics).orElse(Map.of()), level);
            if (jvm.isEmpty() && asyncio.isEmpty()) {
                continue; // a size neither side runs in this kind of run (e.g. a quick run)
            }
            Estimate cpython = asyncio.filter(PythonCrossCheck.Coroutine::ran).map(c -> c.metrics().get(pair.metric())).orElse(null);
            String notRun = asyncio.map(c -> c.ran() ? "no " + pair.metric() + " in the CPython run" : c.reason())
                    .orElse(python.coroutines().isEmpty() && python.reason() != null ? python.reason()
                            : "not in this run's cross-check");
            Row row = new Row(pair.figure(),
                    jvm.map(e -> value(e, pair.unit())).orElse("not run"),
                    jvm.map(e -> pair.jvm().crossCheckMetric() == null ? Numbers.interval(e) : repeats(e))
                            .orElse("no " + pair.jvm().source() + " in this run"),
                    cpython == null ? "not run" : value(cpython, pair.unit()),
                    cpython == null ? notRun : repeats(cpython),
                    jvm.isPresent() && cpython != null ? Numbers.times(jvm.get().mean() / cpython.mean()) : "");
            if (claims.isEmpty() || !claims.get(claims.size() - 1).claim().equals(pair.claim())) {
                claims.add(new ClaimRows(pair.claim(), new ArrayList<>()));
            }
            claims.get(claims.size() - 1).rows().add(row);
        }
        String facts = metadata.stream().filter(f -> MACHINE_FACTS.contains(f.name()))
                .map(f -> f.name() + " " + f.value()).collect(Collectors.joining(", "));
        String cpython = python.python() == null ? "" : "; " + python.python() + (python.platform() == null ? "" : " on " + python.platform());
        return new CoroutinesView(facts + cpython, claims.stream().map(c -> new ClaimRows(c.claim(), List.copyOf(c.rows()))).toList());
    }

    /** As {@link Numbers#interval}, in repeats of the script (an interpreter each), which have no iterations. */
    private static String repeats(Estimate e) {
        String n = e.n() + (e.n() == 1 ? " repeat" : " repeats");
        return e.hasInterval() ? Numbers.percent(e.level()) + " CI " + Numbers.format(e.low()) + " – " + Numbers.format(e.high()) + ", " + n
                : n + ": no interval";
    }

    /** The rows of one claim; null when it has none. */
    public ClaimRows of(String claim) {
        return claims.stream().filter(c -> c.claim().equals(claim)).findFirst().orElse(null);
    }

    private static String value(Estimate e, String unit) {
        return Numbers.format(e.mean()) + " " + unit;
    }
}
