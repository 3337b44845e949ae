package dev.unitsbench.reports.output;

import dev.unitsbench.reports.format.Numbers;
import dev.unitsbench.reports.read.BenchmarkResult;
import dev.unitsbench.reports.stats.AnalyzedResult;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * With several result files: one benchmark, mode and params, with a cell per run (its mean and
 * interval, or "not in this run").
 */
public record RunRowView(String benchmark, String shortName, String mode, String params, List<Cell> cells) {

    public record Cell(String mean, String interval) {
    }

    /**
     * One row per benchmark, mode and params found in any run, in the order first met.
     *
     * @param family only this family's results; null for all
     */
    public static List<RunRowView> of(List<ComparedRun> runs, String family) {
        Map<String, AnalyzedResult> first = new LinkedHashMap<>();
        List<Map<String, AnalyzedResult>> byRun = new ArrayList<>();
        for (ComparedRun run : runs) {
            Map<String, AnalyzedResult> byId = new LinkedHashMap<>();
            for (AnalyzedResult r : run.results()) {
                if (family == null || r.result().family().equals(family)) {
                    byId.put(r.result().id(), r);
                    first.putIfAbsent(r.result().id(), r);
                }
            }
            byRun.add(byId);
        }
        List<RunRowView> rows = new ArrayList<>();
        for (Map.Entry<String, AnalyzedResult> e : first.entrySet()) {
            BenchmarkResult b = e.getValue().result();
            List<Cell> cells = new ArrayList<>();
            for (Map<String, AnalyzedResult> run : byRun) {
                AnalyzedResult r = run.get(e.getKey());
                cells.add(r == null ? new Cell("not in this run", "") : new Cell(Numbers.mean(r.estimate()), Numbers.interval(r.estimate())));
            }
            rows.add(new RunRowView(b.benchmark(), b.shortName(), b.mode().label(), ResultRowView.params(b), List.copyOf(cells)));
        }
        return List.copyOf(rows);
    }
}
