package dev.unitsbench.reports;

import dev.unitsbench.reports.error.UserError;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The command line of the reporter. {@link #HELP} is the one place that documents it.
 *
 * @param regressionLimit percent for {@code --fail-on-regression}; null when not given
 * @param baseline        null when not given (an empty {@code --baseline=} also means none)
 * @param catalog         null for the built-in catalog
 * @param findings        null when not given (an empty {@code --findings=} also means none)
 * @param python          null when not given (an empty {@code --python=} also means none)
 * @param history         null when not given (an empty {@code --history=} also means none)
 * @param results         the result files, in command-line order: the first is the main run
 * @param missing         {@code --missing} labels: runs expected but without results (a failed CI cell)
 */
public record Options(List<ResultFile> results, Path out, Path baseline, Double regressionLimit, double alpha, Path catalog,
                      Map<String, String> meta, boolean probe, boolean help, Path findings, Path python, Path history,
                      List<String> missing) {

    public static final double DEFAULT_ALPHA = 0.05;

    /**
     * A result file and what the options after it say of it.
     *
     * @param label   its {@code --label}; null for the default
     * @param machine its {@code --machine}; null for machine.json beside it
     */
    public record ResultFile(Path path, String label, Path machine) {
    }

    /** The first result file: the main run, whose claims, charts, dashboards and history line the report has. */
    public Path result() {
        return results.get(0).path();
    }

    public static final String HELP = """
            Usage: java -jar reports.jar RESULT.json [--label NAME] [MORE.json [--label NAME] ...] [options]

            Reads a JMH result file (written with -rf json), tests the tutorial's claims on it,
            and writes a self-contained report folder: index.html (opens offline, every chart inline), charts/verdicts.svg,
            github-action-benchmark-*.json, bencher-metrics.json and summary.md.

            Several result files make one report with a column per run (e.g. the same suite on
            JDK 21 and JDK 25): the tables show each run's mean side by side, and each claim its
            verdict per run. The first file is the main run: the charts, dashboard files, baseline
            comparison and history line are made from it.

            Options:
              --label NAME              A name for the result file just before it, shown as its column
                                        heading. Default: its JDK version and file name, e.g.
                                        "JDK 25.0.3 (jdk25.json)".
              --machine FILE            The machine fingerprint of the result file just before it. Default:
                                        machine.json beside the result file, which mvn verify -Pbench writes
                                        (CPU, cores, memory, kernel, architecture, JDK, GC, quick or full).
                                        Each run's fingerprint is shown, and runs that differ in CPU, cores,
                                        architecture, JDK, GC or quick/full get a warning.
              --missing NAME            A run that was expected but has no results (e.g. a failed CI matrix
                                        cell): named in the report as "missing: no results". Repeatable.
              --out DIR                 Folder to write the report to. It is replaced whole, and only
                                        when the new report is complete. Default: reports/target/bench-report
                                        when run from the project root, target/bench-report from the
                                        reports module, else ./bench-report.
              --baseline OLD.json       An earlier JMH result file: adds a table of changes per benchmark
                                        (same name, mode and params), with intervals and significance.
                                        An empty value (--baseline=) means no baseline.
              --fail-on-regression PCT  With --baseline: exit with status 3 when a benchmark is
                                        significantly worse (Welch's t-test at --alpha) and its mean is
                                        more than PCT percent worse (time up, or throughput down).
                                        The report is written all the same.
              --alpha A                 Significance level of every verdict, 0 < A < 1. Default 0.05.
              --catalog FILE            A claims catalog to use instead of the built-in one (same JSON
                                        shape as claims.json in the jar; see its "about" field).
              --meta KEY=VALUE          A fact about the run that JMH's file lacks, shown in the report.
                                        Repeatable. Known keys: jdk.vendor, os, cpus, memory, date,
                                        git.commit, machine; any other key is shown as given.
              --findings DIR            A folder of finding files written by the suite's JUnit tests (every
                                        *.json in it, e.g. Q11-*.json): claims decided by a test (Q11) show
                                        its statement and verdict. Without it, or when the folder or a
                                        claim's file is missing (tests skipped), the claim says "not checked
                                        in this run". A malformed file is a one-line warning, not a failure.
                                        An empty value (--findings=) means none.
              --python FILE             The tutorial's experiments run in CPython on this machine
                                        (python-crosscheck.json, written in mvn verify -Pbench): T1, T2
                                        and T3 show the tutorial's figures, CPython here (mean and 95% CI
                                        of its repeats) and every JVM model, in seconds, with a chart.
                                        A missing or "skipped" file makes them say "CPython cross-check
                                        skipped: REASON"; it never fails the report. An empty value means none.
              --history FILE            A history file (JSON Lines) to append this run to: commit, date, JDK,
                                        machine and every benchmark's mean and unit, by name and params.
                                        Earlier lines are never rewritten. With two runs or more, the report
                                        draws each headline benchmark (those the claims show) over the runs.
                                        A corrupt line is reported with its line number and skipped. The
                                        commit is --meta commit=..., else the report's Git commit (--meta
                                        git.commit, GITHUB_SHA / CI_COMMIT_SHA / GIT_COMMIT, or git rev-parse
                                        HEAD beside the result file), else unknown. With several result
                                        files, only the first is appended. An empty value means none.
              --no-probe                Do not start the benchmark's java binary or git to learn the JDK
                                        vendor and the commit; they are then shown as unknown unless given
                                        with --meta or (commit) GITHUB_SHA / CI_COMMIT_SHA / GIT_COMMIT.
              -h, --help                Show this text.

            Exit status: 0 report written; 2 bad input or options (one line on stderr says what to do;
            the previous report is left as it was); 3 report written, and a regression beyond
            --fail-on-regression was found; 1 an internal error (a bug: please report it).
            """;

    /** Options that take a value, as {@code --name VALUE} or {@code --name=VALUE}. */
    private static final Set<String> WITH_VALUE = Set.of("--out", "--baseline", "--fail-on-regression", "--alpha", "--findings",
            "--python", "--history", "--label", "--machine", "--missing", "--catalog", "--meta");

    public static Options parse(List<String> args) {
        Parsed parsed = new Parsed();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            boolean inline = arg.startsWith("--") && arg.contains("=");
            String name = inline ? arg.substring(0, arg.indexOf('=')) : arg;
            if (name.equals("-h") || name.equals("--help")) {
                return new Options(List.of(), null, null, null, DEFAULT_ALPHA, null, Map.of(), true, true, null, null, null, List.of());
            } else if (name.equals("--no-probe")) {
                parsed.probe = false;
            } else if (WITH_VALUE.contains(name)) {
                if (!inline && i + 1 >= args.size()) {
                    throw new UserError(name + " needs a value: see --help.");
                }
                parsed.option(name, inline ? arg.substring(arg.indexOf('=') + 1) : args.get(++i));
            } else if (arg.startsWith("-")) {
                throw new UserError("unknown option " + arg + ": see --help for the options.");
            } else {
                parsed.results.add(new ResultFile(Path.of(arg), null, null));
            }
        }
        return parsed.options();
    }

    /** The options read so far; each option's checks are in the method that reads it. */
    private static final class Parsed {
        final List<ResultFile> results = new ArrayList<>();
        Path out;
        Path baseline;
        Double regressionLimit;
        double alpha = DEFAULT_ALPHA;
        Path catalog;
        final Map<String, String> meta = new LinkedHashMap<>();
        boolean probe = true;
        Path findings;
        Path python;
        Path history;
        final List<String> missing = new ArrayList<>();

        void option(String name, String value) {
            switch (name) {
                case "--out" -> out = Path.of(value);
                case "--baseline" -> baseline = pathOrNone(value);
                case "--fail-on-regression" -> regressionLimit = regressionLimit(value);
                case "--alpha" -> alpha = alpha(value);
                case "--findings" -> findings = pathOrNone(value);
                case "--python" -> python = pathOrNone(value);
                case "--history" -> history = pathOrNone(value);
                case "--label" -> label(value);
                case "--machine" -> machine(value);
                case "--missing" -> missing(value);
                case "--catalog" -> catalog = Path.of(value);
                case "--meta" -> meta(value);
                default -> throw new IllegalArgumentException("an option without a reader: " + name);
            }
        }

        /** An empty value ({@code --baseline=}) means none. */
        private static Path pathOrNone(String value) {
            return value.isBlank() ? null : Path.of(value);
        }

        private static double regressionLimit(String value) {
            double limit = number(value, "--fail-on-regression");
            if (limit < 0) {
                throw new UserError("--fail-on-regression " + value + " is negative: give a percentage such as 10.");
            }
            return limit;
        }

        private static double alpha(String value) {
            double alpha = number(value, "--alpha");
            if (!(alpha > 0 && alpha < 1)) {
                throw new UserError("--alpha " + value + " is not between 0 and 1: give a significance level such as 0.05.");
            }
            return alpha;
        }

        /** {@code --label} names the result file just before it. */
        private void label(String value) {
            if (results.isEmpty()) {
                throw new UserError("--label " + value + " comes before any result file: write it after the file it names, "
                        + "e.g. jdk21.json --label \"JDK 21\".");
            }
            ResultFile last = results.get(results.size() - 1);
            if (last.label() != null) {
                throw new UserError("two --label options for " + last.path() + ": give one per result file.");
            }
            if (value.isBlank()) {
                throw new UserError("--label needs a non-empty name: see --help.");
            }
            results.set(results.size() - 1, new ResultFile(last.path(), value, last.machine()));
        }

        /** {@code --machine} describes the result file just before it. */
        private void machine(String value) {
            if (results.isEmpty() || results.get(results.size() - 1).machine() != null || value.isBlank()) {
                throw new UserError("--machine " + value + " must follow the result file it describes, once per file, "
                        + "e.g. jdk21.json --machine jdk21-machine.json.");
            }
            ResultFile last = results.get(results.size() - 1);
            results.set(results.size() - 1, new ResultFile(last.path(), last.label(), Path.of(value)));
        }

        private void missing(String value) {
            if (value.isBlank()) {
                throw new UserError("--missing needs the name of the run without results, e.g. --missing jdk21-arm64.");
            }
            missing.add(value);
        }

        private void meta(String value) {
            int eq = value.indexOf('=');
            if (eq <= 0) {
                throw new UserError("--meta " + value + " is not KEY=VALUE: write e.g. --meta jdk.vendor=Eclipse Adoptium.");
            }
            meta.put(value.substring(0, eq).trim(), value.substring(eq + 1).trim());
        }

        /** The options, once every argument is read: a result file is required, and --fail-on-regression needs a baseline. */
        Options options() {
            if (results.isEmpty()) {
                throw new UserError("no result file given: pass the path of a JMH -rf json file, e.g. "
                        + "java -jar reports/target/reports.jar benchmarks/target/jmh-result.json (see --help).");
            }
            if (regressionLimit != null && baseline == null) {
                throw new UserError("--fail-on-regression needs --baseline OLD.json to compare with.");
            }
            return new Options(List.copyOf(results), out == null ? defaultOut() : out, baseline, regressionLimit, alpha, catalog, meta,
                    probe, false, findings, python, history, List.copyOf(missing));
        }
    }

    /** From the project root: reports/target/bench-report; from the module folder: target/bench-report. */
    static Path defaultOut() {
        if (Files.isRegularFile(Path.of("reports", "pom.xml"))) {
            return Path.of("reports", "target", "bench-report");
        }
        Path cwd = Path.of("").toAbsolutePath();
        if (Files.isRegularFile(Path.of("pom.xml")) && cwd.getFileName() != null && cwd.getFileName().toString().equals("reports")) {
            return Path.of("target", "bench-report");
        }
        return Path.of("bench-report");
    }

    private static double number(String v, String name) {
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new UserError(name + " " + v + " is not a number: see --help.");
        }
    }
}
