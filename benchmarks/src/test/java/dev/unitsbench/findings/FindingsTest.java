package dev.unitsbench.findings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FindingsTest {

    @Test
    void aFindingSaysWhetherItIsEvidenceAndMayLeaveTheClaimUndecided(@TempDir Path dir) throws Exception {
        String before = System.getProperty("basedir");
        try {
            System.setProperty("basedir", dir.toString());
            Findings.record("Q0", "fact", "x.Test#fact", "A fact beside the claim.", null, false);
            Findings.record("Q0", "evidence", "x.Test#evidence", "Evidence for the claim.", true);

            JsonNode fact = new ObjectMapper().readTree(dir.resolve("target/findings/Q0-fact.json").toFile());
            assertTrue(fact.get("tutorialHolds").isNull(), fact.toString());
            assertEquals(false, fact.get("evidence").asBoolean(true));
            assertEquals("fact", fact.get("topic").asText());
            JsonNode evidence = new ObjectMapper().readTree(dir.resolve("target/findings/Q0-evidence.json").toFile());
            assertEquals(true, evidence.get("tutorialHolds").asBoolean(false));
            assertEquals(true, evidence.get("evidence").asBoolean(false));
        } finally {
            if (before == null) {
                System.clearProperty("basedir");
            } else {
                System.setProperty("basedir", before);
            }
        }
    }
}
