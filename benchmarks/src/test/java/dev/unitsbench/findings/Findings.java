package dev.unitsbench.findings;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;

/**
 * What a test observed about a tutorial claim, written where the reporter reads it
 * ({@code benchmarks/target/findings/<claim>-<topic>.json}, its {@code --findings} folder).
 *
 * <p>Some claims are settled by a test, not a benchmark: whether a killed process's file lock is
 * released is a yes or no, not a speed. The test that observes it records what it saw on this
 * machine, and {@code mvn verify -Pbench}, which runs the tests before the benchmarks, puts that
 * observation in the report's claim row. A run that skips the tests writes no finding, and the
 * report then says the claim was not checked.
 */
public final class Findings {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Findings() {
    }

    /**
     * Writes one finding that counts as evidence for or against the claim; as
     * {@link #record(String, String, String, String, Boolean, boolean)} with {@code evidence} true.
     */
    public static void record(String claim, String topic, String test, String statement, boolean tutorialHolds)
            throws IOException {
        record(claim, topic, test, statement, Boolean.valueOf(tutorialHolds), true);
    }

    /**
     * Writes one finding (to a temp file, then renamed, so the reporter never reads half a file).
     *
     * @param claim the claim's id in the catalog, e.g. {@code Q11}
     * @param topic a file-name word telling findings of one claim apart
     * @param test the test that observed it, {@code Class#method}
     * @param statement one sentence saying what the test observed
     * @param tutorialHolds whether the observation agrees with the tutorial's claim; {@code null}
     *     when it says nothing about the claim (a fact about the suite, or another kind of thing)
     * @param evidence whether the finding is evidence for the claim's verdict; {@code false} for a
     *     finding shown beside the claim as a check or a related fact
     */
    public static void record(String claim, String topic, String test, String statement, Boolean tutorialHolds,
                              boolean evidence) throws IOException {
        ObjectNode finding = JSON.createObjectNode()
                .put("claim", claim)
                .put("topic", topic)
                .put("test", test)
                .put("statement", statement);
        if (tutorialHolds == null) {
            finding.putNull("tutorialHolds");
        } else {
            finding.put("tutorialHolds", tutorialHolds.booleanValue());
        }
        finding.put("evidence", evidence)
                .put("observedAt", Instant.now().toString())
                .put("jdk", Runtime.version().toString())
                .put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        Path folder = folder();
        Files.createDirectories(folder);
        Path temp = Files.createTempFile(folder, claim, ".json.tmp");
        try {
            JSON.writerWithDefaultPrettyPrinter().writeValue(temp.toFile(), finding);
            Files.move(temp, folder.resolve(claim + "-" + topic + ".json"),
                    StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** The module's {@code target/findings}; Surefire runs tests with {@code basedir} set to the module. */
    static Path folder() {
        return Path.of(System.getProperty("basedir", "."), "target", "findings");
    }
}
