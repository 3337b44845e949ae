package dev.unitsbench.reports.output;

import dev.unitsbench.reports.testing.JmhResults;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static dev.unitsbench.reports.testing.JmhResults.params;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ComparedRunTest {

    @Test
    void aRunWithoutALabelIsNamedByItsJdkAndFile() {
        var results = new JmhResults().singleShot("dev.unitsbench.io.SleepBenchmark.sleepAll", params("model", "PROCESS"), 1, 2).read();
        assertEquals("JDK 25.0.3 (jdk25.json)", ComparedRun.defaultLabel(Path.of("some/where/jdk25.json"), results));
    }
}
