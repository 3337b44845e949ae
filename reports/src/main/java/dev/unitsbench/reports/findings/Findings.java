package dev.unitsbench.reports.findings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The findings of JUnit tests, read from every {@code *.json} file of the {@code --findings}
 * folder. Claims such as Q11 are decided by a test rather than a benchmark; the test writes
 * what it saw into that folder, and the report shows it.
 *
 * <p>Nothing here fails the report: a malformed file becomes a {@link Problem} (a warning, and
 * a "not checked" row for the claim its name or content points to), and a missing folder means
 * the tests did not run, which the report says instead of a verdict.
 *
 * @param folder   the {@code --findings} folder; null when the option was not given
 * @param exists   whether that folder exists
 * @param problems files that could not be read as findings
 */
public record Findings(Path folder, boolean exists, List<Finding> findings, List<Problem> problems) {

    /**
     * A file that is not a readable finding.
     *
     * @param claim the claim its content or file name ({@code Q11-...json}) points to; null when neither does
     */
    public record Problem(Path file, String claim, String message) {
        /** One line for stderr and the report. */
        public String warning() {
            return "finding file " + file + " is malformed (" + message + "); its claim is shown as not checked.";
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** No {@code --findings} option. */
    public static Findings none() {
        return new Findings(null, false, List.of(), List.of());
    }

    public static Findings read(Path folder) {
        if (folder == null) {
            return none();
        }
        if (!Files.isDirectory(folder)) {
            return new Findings(folder, false, List.of(), List.of());
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".json") && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException e) {
            return new Findings(folder, true, List.of(),
                    List.of(new Problem(folder, null, "the folder cannot be listed: " + e.getMessage())));
        }
        List<Finding> findings = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (Path file : files) {
            String guess = claimFromName(file);
            JsonNode root;
            try {
                root = JSON.readTree(file.toFile());
            } catch (JsonProcessingException e) {
                problems.add(new Problem(file, guess, "not valid JSON: " + e.getOriginalMessage()));
                continue;
            } catch (IOException e) {
                problems.add(new Problem(file, guess, "cannot be read: " + e.getMessage()));
                continue;
            }
            if (root == null || !root.isObject()) {
                problems.add(new Problem(file, guess, "not a JSON object"));
                continue;
            }
            String claim = text(root, "claim");
            if (claim != null) {
                guess = claim;
            }
            List<String> wrong = new ArrayList<>();
            for (String field : List.of("claim", "test", "statement")) {
                if (text(root, field) == null) {
                    wrong.add("no \"" + field + "\" text");
                }
            }
            JsonNode holds = root.get("tutorialHolds");
            if (holds == null || !(holds.isBoolean() || holds.isNull())) {
                wrong.add("\"tutorialHolds\" is not true, false or null");
            }
            JsonNode evidence = root.get("evidence");
            if (evidence != null && !evidence.isBoolean()) {
                wrong.add("\"evidence\" is not true or false");
            }
            if (!wrong.isEmpty()) {
                problems.add(new Problem(file, guess, String.join(", ", wrong)));
                continue;
            }
            findings.add(new Finding(claim, text(root, "test"), text(root, "statement"),
                    holds.isNull() ? null : holds.asBoolean(), text(root, "observedAt"), text(root, "jdk"), file,
                    evidence == null || evidence.asBoolean()));
        }
        return new Findings(folder, true, List.copyOf(findings), List.copyOf(problems));
    }

    public List<Finding> forClaim(String claim) {
        return findings.stream().filter(f -> f.claim().equals(claim)).toList();
    }

    public List<Problem> problemsForClaim(String claim) {
        return problems.stream().filter(p -> claim.equals(p.claim())).toList();
    }

    /** Why a claim's test has no finding here, in words that end a sentence "not checked in this run: ...". */
    public String whyMissing(String test) {
        if (folder == null) {
            return "the test " + test + " did not run as part of this report (no --findings folder was given)";
        }
        if (!exists) {
            return "the test " + test + " did not run: the findings folder " + folder + " does not exist (were the tests skipped?)";
        }
        return "the test " + test + " did not run or wrote no finding: there is no finding file for it in " + folder;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.isTextual() && !v.asText().isBlank() ? v.asText() : null;
    }

    /** {@code Q11-lock.json} → {@code Q11}. */
    static String claimFromName(Path file) {
        String name = file.getFileName().toString();
        String stem = name.substring(0, name.length() - ".json".length());
        int dash = stem.indexOf('-');
        String id = dash < 0 ? stem : stem.substring(0, dash);
        return id.matches("[A-Z]+[0-9]+") ? id : null;
    }
}
