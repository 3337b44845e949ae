package dev.unitsbench.reports.output;

import dev.unitsbench.reports.charts.ChartImage;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A family's section of the page: its charts and a row per result (with several runs, a row per
 * benchmark and params found in any run, a cell per run).
 *
 * @param count      results in the section: of the main run, or with several runs, rows of the grid
 * @param benchmarks the short names of the family's benchmarks, comma-separated
 */
public record FamilyView(String name, String anchor, int count, String benchmarks, List<ChartView> charts,
                         List<ResultRowView> rows, List<RunRowView> runRows) {

    /** @param compared with several result files, every run; empty with one */
    public static FamilyView of(Family f, List<ChartImage> charts, List<ComparedRun> compared) {
        List<RunRowView> runRows = compared.isEmpty() ? List.of() : RunRowView.of(compared, f.name());
        return new FamilyView(f.name(), f.anchor(), compared.isEmpty() ? f.results().size() : runRows.size(),
                f.results().stream().map(r -> r.result().shortName()).distinct().collect(Collectors.joining(", ")),
                charts.stream().map(ChartView::of).toList(), f.results().stream().map(ResultRowView::of).toList(), runRows);
    }
}
