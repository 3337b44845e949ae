package dev.unitsbench.reports.output;

import dev.unitsbench.reports.baseline.BaselineComparison;
import dev.unitsbench.reports.claims.ClaimOutcome;
import dev.unitsbench.reports.claims.ComparisonOutcome;
import dev.unitsbench.reports.format.Numbers;
import dev.unitsbench.reports.read.RunMetadata;
import dev.unitsbench.reports.stats.AnalyzedResult;

/**
 * A short Markdown page for a CI job summary ({@code $GITHUB_STEP_SUMMARY}): each claim's
 * verdict, the regressions against the baseline, and where the full report is.
 */
public final class MarkdownSummary {

    public static final String FILE = "summary.md";
    /** Beyond this many results, the summary lists none and points to the HTML report. */
    private static final int MAX_RESULT_ROWS = 60;

    private MarkdownSummary() {
    }

    public static String render(Report report) {
        StringBuilder md = new StringBuilder();
        if (report.smokeRun()) {
            md.append("**Smoke run, not a measurement**: ").append(cell(dev.unitsbench.reports.claims.VerdictRules.SMOKE_RUN_DETAIL)).append(".\n\n");
        }
        md.append("# Processes, threads and virtual threads on the JVM: benchmark summary\n\n");
        md.append(report.results().size()).append(" results from `").append(cell(report.resultFile().getFileName().toString()))
                .append("`. Verdicts: t-tests on the logs of fork means (paired by round where the forks ran in rounds, else Welch), Bonferroni within each claim's evidence, with an equivalence margin, at alpha = ").append(report.alpha())
                .append("; means of fork means with 95% confidence intervals (Student t on the fork means).\n\n");
        for (RunMetadata.Fact fact : report.metadata()) {
            if (fact.name().equals("JDK version") || fact.name().equals("Git commit") || fact.name().equals("CPU count")) {
                md.append("- ").append(fact.name()).append(": ").append(cell(fact.value())).append('\n');
            }
        }
        for (String warning : report.warnings()) {
            md.append("- **Warning**: ").append(cell(warning)).append('\n');
        }
        md.append("\n## Claims of the tutorial\n\n| claim | verdict | evidence |\n|---|---|---|\n");
        for (ClaimOutcome c : report.claims()) {
            md.append("| ").append(c.claim().id()).append(": ").append(cell(c.claim().sentence())).append(" | **")
                    .append(c.verdict().label()).append("**").append(c.lesson() == null || c.lesson().isBlank() ? "" : ": " + cell(c.lesson()))
                    .append(" | ");
            StringBuilder evidence = new StringBuilder();
            for (ComparisonOutcome cmp : c.comparisons()) {
                if (!cmp.hasFigures() && cmp.kind() != ComparisonOutcome.Kind.FINDING && cmp.verdict() != dev.unitsbench.reports.claims.Verdict.INCONCLUSIVE) {
                    continue;
                }
                if (!evidence.isEmpty()) {
                    evidence.append("<br>");
                }
                if (!cmp.hasFigures()) {
                    String why = cmp.reason() == null ? "" : cmp.reason();
                    evidence.append(cell(cmp.label())).append(": ")
                            .append(why.startsWith(cmp.verdict().label()) ? cell(why) : cmp.verdict().label() + (why.isEmpty() ? "" : ", " + cell(why)));
                    continue;
                }
                if (cmp.kind() != ComparisonOutcome.Kind.COMPARISON) {
                    evidence.append(cell(cmp.label())).append(cmp.pairing().isEmpty() ? "" : " (" + cell(cmp.pairing()) + ")")
                            .append(": ").append(cell(cmp.observed())).append(", ").append(cmp.verdict().label())
                            .append(cmp.evidence() ? "" : " (" + cmp.role().catalogName() + ", not counted)");
                    continue;
                }
                evidence.append(cell(cmp.label())).append(cmp.pairing().isEmpty() ? "" : " (" + cell(cmp.pairing()) + ")")
                        .append(": ").append(Numbers.times(cmp.speedup().ratio())).append(" [")
                        .append(Numbers.ratioInterval(cmp.speedup())).append("]")
                        .append(cmp.effect() == null ? "" : ", " + cell(cmp.effect()))
                        .append("; ").append(ComparisonView.levelText(cmp.test())).append(", ").append(ComparisonView.testText(cmp.test()))
                        .append(", ").append(ComparisonView.verdictText(cmp))
                        .append(cmp.evidence() ? "" : " (" + cmp.role().catalogName() + ", not counted)")
                        .append(cmp.reason() != null ? " (" + cell(cmp.reason()) + ")" : "")
                        .append(cmp.note() == null ? "" : " (" + cell(cmp.note()) + ")");
            }
            if (c.breakEven() != null) {
                evidence.append(evidence.isEmpty() ? "" : "<br>").append("against ").append(cell(c.breakEven().spec().x()))
                        .append(": ").append(cell(c.breakEven().text()));
            }
            md.append(evidence.isEmpty() ? "no benchmark in this run" : evidence).append(" |\n");
        }
        if (!report.compared().isEmpty()) {
            // A column per run, then one per missing run (--missing), in both tables.
            StringBuilder head = new StringBuilder();
            report.compared().forEach(run -> head.append(' ').append(cell(run.label())).append(" |"));
            report.missing().forEach(missing -> head.append(' ').append(cell(missing)).append(" |"));
            String rule = "\n|---|" + "---|".repeat(report.compared().size() + report.missing().size()) + "\n";
            md.append("\n## Verdicts per run\n\n| claim |").append(head).append(rule);
            for (int i = 0; i < report.claims().size(); i++) {
                md.append("| ").append(report.claims().get(i).claim().id()).append(" |");
                for (ComparedRun run : report.compared()) {
                    md.append(' ').append(run.claims().get(i).verdict().label()).append(" |");
                }
                md.append((" " + PageView.MISSING + " |").repeat(report.missing().size())).append('\n');
            }
            md.append("\n## The machine of each run\n\n| fact |").append(head).append(rule);
            for (PageView.MachineRow row : PageView.machineRows(report.compared(), report.missing().size())) {
                md.append("| ").append(cell(row.name())).append(" |");
                row.cells().forEach(c -> md.append(' ').append(cell(c)).append(" |"));
                md.append('\n');
            }
        }
        BaselineComparison.Result baseline = report.baseline();
        if (baseline != null) {
            md.append("\n## Against the baseline\n\n");
            long regressions = baseline.rows().stream().filter(BaselineComparison.Row::regression).count();
            long improvements = baseline.rows().stream().filter(BaselineComparison.Row::improvement).count();
            md.append(baseline.rows().size()).append(" benchmarks compared: ").append(regressions).append(" significantly slower, ")
                    .append(improvements).append(" significantly faster.\n\n");
            if (regressions > 0) {
                md.append("| benchmark | change | 95% interval of new/old | p |\n|---|---|---|---|\n");
                for (BaselineComparison.Row row : baseline.rows()) {
                    if (row.regression()) {
                        md.append("| ").append(cell(row.current().result().id())).append(" | ")
                                .append(Numbers.signedPercent(row.slowdownPercent())).append(" slower | ")
                                .append(Numbers.ratioInterval(row.change())).append(" | ").append(Numbers.pValue(row.test().pValue())).append(" |\n");
                    }
                }
            }
        }
        if (report.results().size() <= MAX_RESULT_ROWS) {
            md.append("\n## Results\n\n| benchmark | mean | 95% CI | forks |\n|---|---|---|---|\n");
            for (AnalyzedResult r : report.results()) {
                md.append("| ").append(cell(r.result().id())).append(" | ").append(cell(Numbers.mean(r.estimate()))).append(" | ")
                        .append(r.estimate().hasInterval() ? Numbers.format(r.estimate().low()) + " – " + Numbers.format(r.estimate().high()) : "none")
                        .append(" | ").append(r.estimate().n()).append(" |\n");
            }
        }
        md.append("\nThe full report, with charts, is `index.html` beside this file.\n");
        return md.toString();
    }

    /** Text safe inside a Markdown table cell, with no HTML that GitHub would render. */
    static String cell(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("|", "\\|").replace("\n", " ");
    }
}
