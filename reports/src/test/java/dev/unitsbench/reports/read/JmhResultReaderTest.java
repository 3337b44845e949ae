package dev.unitsbench.reports.read;

import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The checked-in fixture is real JMH 1.37 output (a tiny suite run with -rf json): it must parse in full. */
class JmhResultReaderTest {

    static Path fixture() throws URISyntaxException {
        return Path.of(Objects.requireNonNull(JmhResultReaderTest.class.getResource("/jmh-fixture.json")).toURI());
    }

    @Test
    void theRealJmhFixtureParsesInFull() throws Exception {
        List<BenchmarkResult> results = new JmhResultReader().read(fixture(), "result file");
        assertEquals(13, results.size());
        Set<BenchmarkMode> modes = results.stream().map(BenchmarkResult::mode).collect(Collectors.toSet());
        assertEquals(Set.of(BenchmarkMode.THROUGHPUT, BenchmarkMode.AVERAGE_TIME, BenchmarkMode.SAMPLE_TIME, BenchmarkMode.SINGLE_SHOT_TIME), modes);
        for (BenchmarkResult r : results) {
            assertNotNull(r.primary().samples(), r.id());
            assertTrue(r.primary().samples().size() >= 2, r.id());
            assertEquals("1.37", r.jvm().jmhVersion());
            assertEquals("25.0.3", r.jvm().jdkVersion());
            assertTrue(r.benchmark().startsWith("dev.unitsbench."));
        }

        BenchmarkResult sleep = results.stream()
                .filter(r -> r.benchmark().equals("dev.unitsbench.io.SleepBenchmark.sleepAll")
                        && r.params().equals(Map.of("model", "VIRTUAL_THREAD", "sleepMillis", "5", "workers", "40")))
                .findFirst().orElseThrow();
        assertEquals(BenchmarkMode.SINGLE_SHOT_TIME, sleep.mode());
        assertEquals("ms/op", sleep.primary().unit());
        assertEquals(4, sleep.primary().samples().size());
        assertNull(sleep.primary().samples().pooled());
        assertEquals("io", sleep.family());
        assertEquals("SleepBenchmark.sleepAll", sleep.shortName());
        // The @AuxCounters secondary metric, whose scoreError JMH writes as the string "NaN".
        Metric finished = sleep.secondary().get("finished");
        assertEquals("#", finished.unit());
        assertEquals(160.0, finished.score());
        assertTrue(Double.isNaN(finished.scoreError()));
        assertEquals(4, finished.samples().size());
        assertEquals(40.0, finished.samples().values()[0]);

        BenchmarkResult sampled = results.stream().filter(r -> r.mode() == BenchmarkMode.SAMPLE_TIME).findFirst().orElseThrow();
        // Each sampled iteration is ONE value, its count-weighted mean; the pooled histogram is kept for percentiles only.
        assertTrue(sampled.primary().samples().pooled().size() > 100, "histogram counts add up to many invocations");
        assertTrue(sampled.primary().samples().size() < 10, "but n is the number of iterations");
        assertEquals(Map.of("size", "1000"), sampled.params());

        BenchmarkResult thrpt = results.stream().filter(r -> r.mode() == BenchmarkMode.THROUGHPUT).findFirst().orElseThrow();
        assertEquals("ops/ms", thrpt.primary().unit());
        assertEquals(3, thrpt.primary().samples().size());
    }
}
