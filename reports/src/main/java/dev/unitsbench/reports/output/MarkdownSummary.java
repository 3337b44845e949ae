package dev.unitsbench.reports.output;

import dev.unitsbench.reports.baseline.BaselineComparison;
import dev.unitsbench.reports.claims.ClaimOutcome;
import dev.unitsbench.reports.claims.ComparisonOutcome;
import dev.unitsbench.reports.claims.Verdict;
import dev.unitsbench.reports.claims.VerdictRules;
import dev.unitsbench.reports.format.Numbers;
import dev.unitsbench.reports.read.RunMetadata;
import dev.unitsbench.reports.stats.AnalyzedResult;

import java.util.ArrayList;
import java.util.List;

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
        header(md, report);
        claims(md, report.verdicts().claims());
        if (report.compared().several()) {
            runs(md, report.verdicts().claims(), report.compared());
        }
        if (report.baseline() != null) {
            baseline(md, report.baseline().comparison());
        }
        if (report.run().results().size() <= MAX_RESULT_ROWS) {
            results(md, report.run().results());
        }
        md.append("\nThe full report, with charts, is `index.html` beside this file.\n");
        return md.toString();
    }

    /** The title, how verdicts are decided, a few facts about the run and the warnings. */
    private static void header(StringBuilder md, Report report) {
        Report.Run run = report.run();
        if (report.smokeRun()) {
            md.append("**Smoke run, not a measurement**: ").append(cell(VerdictRules.SMOKE_RUN_DETAIL)).append(".\n\n");
        }
        md.append("# Processes, threads and virtual threads on the JVM: benchmark summary\n\n");
        md.append(run.results().size()).append(" results from `").append(cell(run.file().getFileName().toString()))
                .append("`. Verdicts: t-tests on the logs of fork means (paired by round where the forks ran in rounds, else Welch), "
                        + "Bonferroni within each claim's evidence, with an equivalence margin, at alpha = ").append(report.verdicts().alpha())
                .append("; means of fork means with 95% confidence intervals (Student t on the fork means).\n\n");
        for (RunMetadata.Fact fact : run.metadata()) {
            if (fact.name().equals("JDK version") || fact.name().equals("Git commit") || fact.name().equals("CPU count")) {
                md.append("- ").append(fact.name()).append(": ").append(cell(fact.value())).append('\n');
            }
        }
        for (String warning : report.warnings()) {
            md.append("- **Warning**: ").append(cell(warning)).append('\n');
        }
    }

    /** A row per claim: its verdict, and each comparison that has figures or says why it has none. */
    private static void claims(StringBuilder md, List<ClaimOutcome> claims) {
        md.append("\n## Claims of the tutorial\n\n| claim | verdict | evidence |\n|---|---|---|\n");
        for (ClaimOutcome c : claims) {
            md.append("| ").append(c.claim().id()).append(": ").append(cell(c.claim().sentence())).append(" | **")
                    .append(c.verdict().label()).append("**").append(c.lesson() == null || c.lesson().isBlank() ? "" : ": " + cell(c.lesson()))
                    .append(" | ");
            List<String> evidence = new ArrayList<>();
            for (ComparisonOutcome cmp : c.comparisons()) {
                if (cmp.hasFigures() || cmp.kind() == ComparisonOutcome.Kind.FINDING || cmp.verdict() == Verdict.INCONCLUSIVE) {
                    evidence.add(evidence(cmp));
                }
            }
            if (c.breakEven() != null) {
                evidence.add("against " + cell(c.breakEven().spec().x()) + ": " + cell(c.breakEven().text()));
            }
            md.append(evidence.isEmpty() ? "no benchmark in this run" : String.join("<br>", evidence)).append(" |\n");
        }
    }

    /** One comparison in a line: its ratio, interval, p-values and verdict; a check its observation; without figures, why. */
    private static String evidence(ComparisonOutcome cmp) {
        String label = cell(cmp.label());
        if (!cmp.hasFigures()) {
            String why = cmp.reason() == null ? "" : cmp.reason();
            return label + ": " + (why.startsWith(cmp.verdict().label()) ? cell(why)
                    : cmp.verdict().label() + (why.isEmpty() ? "" : ", " + cell(why)));
        }
        String pairing = cmp.pairing().isEmpty() ? "" : " (" + cell(cmp.pairing()) + ")";
        if (cmp.kind() != ComparisonOutcome.Kind.COMPARISON) {
            return label + pairing + ": " + cell(cmp.observed()) + ", " + cmp.verdict().label()
                    + (cmp.evidence() ? "" : " (" + cmp.role().catalogName() + ", not counted)");
        }
        return label + pairing + ": " + Numbers.times(cmp.speedup().ratio()) + " [" + Numbers.ratioInterval(cmp.speedup()) + "]"
                + (cmp.effect() == null ? "" : ", " + cell(cmp.effect()))
                + "; " + ComparisonView.levelText(cmp.test()) + ", " + ComparisonView.testText(cmp.test())
                + ", " + ComparisonView.verdictText(cmp)
                + (cmp.evidence() ? "" : " (" + cmp.role().catalogName() + ", not counted)")
                + (cmp.reason() != null ? " (" + cell(cmp.reason()) + ")" : "")
                + (cmp.note() == null ? "" : " (" + cell(cmp.note()) + ")");
    }

    /** With several result files: each claim's verdict per run, and each run's machine; a column per run, then per missing run. */
    private static void runs(StringBuilder md, List<ClaimOutcome> claims, Report.Compared compared) {
        StringBuilder head = new StringBuilder();
        compared.runs().forEach(run -> head.append(' ').append(cell(run.label())).append(" |"));
        compared.missing().forEach(missing -> head.append(' ').append(cell(missing)).append(" |"));
        String rule = "\n|---|" + "---|".repeat(compared.runs().size() + compared.missing().size()) + "\n";
        md.append("\n## Verdicts per run\n\n| claim |").append(head).append(rule);
        for (int i = 0; i < claims.size(); i++) {
            md.append("| ").append(claims.get(i).claim().id()).append(" |");
            for (ComparedRun run : compared.runs()) {
                md.append(' ').append(run.claims().get(i).verdict().label()).append(" |");
            }
            md.append((" " + PageView.MISSING + " |").repeat(compared.missing().size())).append('\n');
        }
        md.append("\n## The machine of each run\n\n| fact |").append(head).append(rule);
        for (PageView.MachineRow row : PageView.machineRows(compared.runs(), compared.missing().size())) {
            md.append("| ").append(cell(row.name())).append(" |");
            row.cells().forEach(c -> md.append(' ').append(cell(c)).append(" |"));
            md.append('\n');
        }
    }

    /** How many benchmarks changed against the baseline, and a row per regression. */
    private static void baseline(StringBuilder md, BaselineComparison.Result baseline) {
        md.append("\n## Against the baseline\n\n");
        long regressions = baseline.rows().stream().filter(BaselineComparison.Row::regression).count();
        long improvements = baseline.rows().stream().filter(BaselineComparison.Row::improvement).count();
        md.append(baseline.rows().size()).append(" benchmarks compared: ").append(regressions).append(" significantly slower, ")
                .append(improvements).append(" significantly faster.\n\n");
        if (regressions == 0) {
            return;
        }
        md.append("| benchmark | change | 95% interval of new/old | p |\n|---|---|---|---|\n");
        for (BaselineComparison.Row row : baseline.rows()) {
            if (row.regression()) {
                md.append("| ").append(cell(row.current().result().id())).append(" | ")
                        .append(Numbers.signedPercent(row.slowdownPercent())).append(" slower | ")
                        .append(Numbers.ratioInterval(row.change())).append(" | ").append(Numbers.pValue(row.test().pValue())).append(" |\n");
            }
        }
    }

    /** Every result's mean and interval. */
    private static void results(StringBuilder md, List<AnalyzedResult> results) {
        md.append("\n## Results\n\n| benchmark | mean | 95% CI | forks |\n|---|---|---|---|\n");
        for (AnalyzedResult r : results) {
            md.append("| ").append(cell(r.result().id())).append(" | ").append(cell(Numbers.mean(r.estimate()))).append(" | ")
                    .append(r.estimate().hasInterval() ? Numbers.format(r.estimate().low()) + " – " + Numbers.format(r.estimate().high()) : "none")
                    .append(" | ").append(r.estimate().n()).append(" |\n");
        }
    }

    /** Text safe inside a Markdown table cell, with no HTML that GitHub would render. */
    static String cell(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("|", "\\|").replace("\n", " ");
    }
}
