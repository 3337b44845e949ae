package dev.unitsbench.reports.output;

import dev.unitsbench.reports.stats.AnalyzedResult;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One benchmark family ({@code cpu}, {@code io}, ...: the last segment of a benchmark's
 * package) and its results. The report is grouped by family once, here; the family charts
 * and the page's family sections both take this grouping.
 *
 * @param name    the family, as {@link dev.unitsbench.reports.read.BenchmarkResult#family()} names it
 * @param results the main run's results of this family, in file order; empty for a family
 *                that only a later compared run measured
 */
public record Family(String name, List<AnalyzedResult> results) {

    public Family {
        results = List.copyOf(results);
    }

    /** The id of the family's section on the page, e.g. {@code family-io}. */
    public String anchor() {
        return "family-" + name.replaceAll("[^A-Za-z0-9]+", "-");
    }

    /**
     * The families of {@code results}, in the order first met in the file, then those met only
     * in a later compared run (so that a family one run lacks still gets its rows).
     *
     * @param compared with several result files, every run (the main one first); empty with one file
     */
    public static List<Family> group(List<AnalyzedResult> results, List<ComparedRun> compared) {
        Map<String, List<AnalyzedResult>> byFamily = new LinkedHashMap<>();
        for (AnalyzedResult r : results) {
            byFamily.computeIfAbsent(r.result().family(), k -> new ArrayList<>()).add(r);
        }
        for (ComparedRun run : compared) {
            for (AnalyzedResult r : run.results()) {
                byFamily.computeIfAbsent(r.result().family(), k -> new ArrayList<>());
            }
        }
        return byFamily.entrySet().stream().map(e -> new Family(e.getKey(), e.getValue())).toList();
    }
}
