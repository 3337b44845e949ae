package dev.unitsbench.reports;

import dev.unitsbench.reports.error.UserError;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line as {@link Options} reads it; the report's answer to bad options is {@link BadInputTest}'s. */
class OptionsTest {

    @Test
    void labelAndMachineBelongToTheResultFileBeforeThem() {
        Options o = Options.parse(List.of("jdk21.json", "--machine", "m21.json", "--label", "JDK 21", "jdk25.json",
                "--alpha", "0.01", "jdk26.json", "--label=JDK 26"));
        assertEquals(List.of(
                new Options.ResultFile(Path.of("jdk21.json"), "JDK 21", Path.of("m21.json")),
                new Options.ResultFile(Path.of("jdk25.json"), null, null),
                new Options.ResultFile(Path.of("jdk26.json"), "JDK 26", null)), o.results());
        assertEquals(Path.of("jdk21.json"), o.result(), "the first file is the main run");
        assertEquals(0.01, o.alpha());
    }

    @Test
    void anOptionTakesItsValueInlineOrFromTheNextArgument() {
        Options next = Options.parse(List.of("a.json", "--meta", "os=Linux", "--fail-on-regression", "5", "--baseline", "old.json",
                "--no-probe"));
        Options inline = Options.parse(List.of("a.json", "--meta=os=Linux", "--fail-on-regression=5", "--baseline=old.json",
                "--no-probe"));
        assertEquals(next, inline);
        assertEquals(java.util.Map.of("os", "Linux"), next.meta());
        assertEquals(5.0, next.regressionLimit());
        assertFalse(next.probe());
    }

    @Test
    void helpNeedsNoResultFile() {
        assertTrue(Options.parse(List.of("--no-probe", "--help")).help());
    }

    @Test
    void aValueMissingAtTheEndIsNamed() {
        UserError e = assertThrows(UserError.class, () -> Options.parse(List.of("a.json", "--label")));
        assertEquals("--label needs a value: see --help.", e.getMessage());
    }
}
