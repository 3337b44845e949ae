package dev.unitsbench.reports.findings;

import java.nio.file.Path;

/**
 * What a JUnit test observed about a claim on the machine it ran on, as the test wrote it to
 * a finding file: {@code {"claim":"Q11","test":"pkg.ClassTest#method","statement":"...",
 * "tutorialHolds":false,"observedAt":"2026-11-23T13:05:00Z","jdk":"25.0.3","evidence":true}}.
 *
 * @param tutorialHolds true: the tutorial's claim holds; false: the test saw the opposite;
 *                      null: the test records an observation without a verdict
 * @param observedAt    when the test ran, as the test wrote it; may be null
 * @param jdk           the JDK the test ran on; may be null
 * @param file          the file it was read from
 * @param evidence      whether it counts as evidence about the tutorial's claim (field
 *                      {@code "evidence"}, default true); false for a finding about the suite
 *                      itself (its watchdog, a correctness check), shown but not counted
 */
public record Finding(String claim, String test, String statement, Boolean tutorialHolds, String observedAt, String jdk,
                      Path file, boolean evidence) {

    public Finding(String claim, String test, String statement, Boolean tutorialHolds, String observedAt, String jdk, Path file) {
        this(claim, test, statement, tutorialHolds, observedAt, jdk, file, true);
    }
}
