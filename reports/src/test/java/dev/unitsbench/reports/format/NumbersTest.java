package dev.unitsbench.reports.format;

import dev.unitsbench.reports.stats.Estimate;
import dev.unitsbench.reports.stats.RatioEstimate;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** About four significant digits, a dot as decimal mark, thousands grouped. */
class NumbersTest {

    @Test
    void aboutFourSignificantDigits() {
        assertEquals("1,234,568", Numbers.format(1234567.8));
        assertEquals("1,235", Numbers.format(1234.5));
        assertEquals("123.5", Numbers.format(123.45));
        assertEquals("12.35", Numbers.format(12.345));
        assertEquals("1.235", Numbers.format(1.2345));
        assertEquals("0.000", Numbers.format(0));
        assertEquals("0.00123", Numbers.format(0.0012345));
        assertEquals("-1,235", Numbers.format(-1234.5));
    }

    @Test
    void inputFilesAreNamedRelativeToTheWorkingFolderAndNormalised() {
        java.nio.file.Path cwd = java.nio.file.Path.of("").toAbsolutePath();
        assertEquals("benchmarks/target/jmh-result.json", Numbers.inputName(cwd.resolve("reports/../benchmarks/target/jmh-result.json")));
        assertEquals("../benchmarks/target/jmh-result.json", Numbers.inputName(java.nio.file.Path.of("../benchmarks/./target/jmh-result.json")));
        assertEquals("a.json", Numbers.inputName(java.nio.file.Path.of("a.json")));
        assertEquals("far.json", Numbers.inputName(cwd.getRoot().resolve("elsewhere/far.json")), "outside the working folder's parent: the name only");
    }

    @Test
    void notANumberAndInfinity() {
        assertEquals("n/a", Numbers.format(Double.NaN));
        assertEquals("∞", Numbers.format(Double.POSITIVE_INFINITY));
        assertEquals("-∞", Numbers.format(Double.NEGATIVE_INFINITY));
    }

    @Test
    void meanAndInterval() {
        Estimate e = new Estimate(1234, 1200, 1268, 20, 3, 0.95, "ms/op", 15);
        assertEquals("1,234 ms/op", Numbers.mean(e));
        assertEquals("95% CI 1,200 – 1,268, 3 forks, 15 iterations", Numbers.interval(e));
        Estimate one = new Estimate(3, Double.NaN, Double.NaN, Double.NaN, 1, 0.95, "ms/op", 2);
        assertEquals("1 fork: no interval, 2 iterations", Numbers.interval(one));
    }

    @Test
    void ratios() {
        assertEquals("3.300x", Numbers.times(3.3));
        assertEquals("2.900x – 3.710x", Numbers.ratioInterval(new RatioEstimate(3.3, 2.9, 3.71, 0.95)));
        assertEquals("unbounded (too noisy)", Numbers.ratioInterval(new RatioEstimate(3.3, Double.NaN, Double.NaN, 0.95)));
    }

    @Test
    void percentagesAndPValues() {
        assertEquals("95%", Numbers.percent(0.95));
        assertEquals("99.90%", Numbers.percent(0.999));
        assertEquals("+12.50%", Numbers.signedPercent(12.5));
        assertEquals("-3.000%", Numbers.signedPercent(-3));
        assertEquals("0.000%", Numbers.signedPercent(0));
        assertEquals("0.0123", Numbers.pValue(0.012345));
        assertEquals("< 0.0001", Numbers.pValue(0.00001));
        assertEquals("undefined", Numbers.pValue(Double.NaN));
    }
}
