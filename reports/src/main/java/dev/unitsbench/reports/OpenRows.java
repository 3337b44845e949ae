package dev.unitsbench.reports;

import dev.unitsbench.reports.claims.Claim;
import dev.unitsbench.reports.claims.ClaimCatalog;
import dev.unitsbench.reports.claims.ClaimEvaluator;
import dev.unitsbench.reports.claims.ClaimOutcome;
import dev.unitsbench.reports.claims.ComparisonOutcome;
import dev.unitsbench.reports.crosscheck.PythonCrossCheck;
import dev.unitsbench.reports.error.UserError;
import dev.unitsbench.reports.findings.Findings;
import dev.unitsbench.reports.read.BenchmarkResult;
import dev.unitsbench.reports.read.JmhResultReader;
import dev.unitsbench.reports.read.MachineFingerprint;
import dev.unitsbench.reports.stats.AnalyzedResult;
import dev.unitsbench.reports.stats.Confidence;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The decision the suite's runner asks for between rounds of a group-sequential run: which
 * results does a row that decides a claim's word (evidence or jvm-expectation) still need another
 * round of? It evaluates the claims exactly as the report will ({@link ClaimEvaluator}, the same
 * catalog, the CPython results given with {@code --python}, the looks in machine.json), so the
 * runner stops a row exactly where the report says it stopped.
 *
 * <p>Output, on standard output: one line per result, {@code <benchmark>\t<param>=<value>...};
 * lines starting with {@code #} say which rows are open and why. Nothing else: an empty output
 * means no row is open. Bad input: one line on standard error and exit status 2.
 *
 * <p>Usage: {@code java -cp reports.jar dev.unitsbench.reports.OpenRows RESULT.json [--python FILE]
 * [--machine FILE] [--alpha A] [--catalog FILE]}.
 */
public final class OpenRows {

    private OpenRows() {
    }

    public static void main(String[] args) {
        System.exit(run(List.of(args), System.out, System.err));
    }

    static int run(List<String> args, PrintStream out, PrintStream err) {
        try {
            Options options = Options.parse(args);
            if (options.results().size() != 1) {
                throw new UserError("OpenRows takes one result file, got " + options.results().size() + ": see --help of the report.");
            }
            Options.ResultFile file = options.results().get(0);
            List<BenchmarkResult> results = new JmhResultReader().read(file.path(), "result file");
            MachineFingerprint machine = MachineFingerprint.of(file.path(), file.machine());
            List<Claim> catalog = options.catalog() == null ? ClaimCatalog.builtIn() : ClaimCatalog.fromFile(options.catalog());
            PythonCrossCheck python = PythonCrossCheck.read(options.python(), Confidence.LEVEL);
            List<ClaimOutcome> claims = Main.claims(options.alpha(), machine, catalog, AnalyzedResult.analyze(results, Confidence.LEVEL),
                    python, Findings.none());
            for (String line : lines(claims)) {
                out.println(line);
            }
            return 0;
        } catch (UserError e) {
            err.println("open rows: " + e.getMessage());
            return 2;
        }
    }

    /** The comment lines and then the result lines, each result once. */
    static List<String> lines(List<ClaimOutcome> claims) {
        List<String> comments = new ArrayList<>();
        Set<String> results = new LinkedHashSet<>();
        for (ClaimOutcome claim : claims) {
            for (ComparisonOutcome row : claim.comparisons()) {
                ComparisonOutcome.Look look = row.test() == null ? null : row.test().look();
                if (look == null || look.stop() != ComparisonOutcome.Stop.OPEN || row.role() == Claim.Role.CONTEXT) {
                    continue;
                }
                comments.add("# open: " + claim.claim().id() + " " + row.label() + (row.pairing().isEmpty() ? "" : " (" + row.pairing() + ")")
                        + ": " + row.verdict().label() + " after " + look.rounds() + " rounds");
                look.results().forEach(r -> results.add(line(r)));
            }
        }
        List<String> lines = new ArrayList<>(comments);
        lines.addAll(results);
        return lines;
    }

    private static String line(BenchmarkResult r) {
        StringBuilder line = new StringBuilder(r.benchmark());
        for (Map.Entry<String, String> p : r.params().entrySet()) {
            line.append('\t').append(p.getKey()).append('=').append(p.getValue());
        }
        return line.toString();
    }
}
