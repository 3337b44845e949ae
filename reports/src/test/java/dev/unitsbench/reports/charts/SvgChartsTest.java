package dev.unitsbench.reports.charts;

import dev.unitsbench.reports.stats.Estimate;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SvgChartsTest {

    private static final List<SvgCharts.Bar> BARS = List.of(
            new SvgCharts.Bar("PROCESS", "gil=false", new Estimate(12.5, 11, 14, 0.6, 3, 0.95, "ms/op")),
            new SvgCharts.Bar("VIRTUAL_THREAD", "gil=false", new Estimate(1.5, 1.2, 1.8, 0.1, 3, 0.95, "ms/op")),
            new SvgCharts.Bar("PROCESS", "gil=<true>", new Estimate(20, 18, 22, 0.8, 3, 0.95, "ms/op")));

    @Test
    void labelsAreSvgTextEscapedAndTheChartScalesWithItsViewBox() {
        String svg = SvgCharts.bars("T1 & friends", "model", "time (ms/op)", BARS);
        assertTrue(svg.startsWith("<svg"), svg.substring(0, 40));
        assertTrue(svg.contains("viewBox="), "a view box lets the page scale the chart");
        for (String label : List.of("T1 &amp; friends", "VIRTUAL_THREAD", "time (ms/op)", "gil=&lt;true&gt;")) {
            assertTrue(Pattern.compile("<text[^>]*>" + Pattern.quote(label) + "</text>").matcher(svg).find(), label + " as <text>");
        }
        assertFalse(svg.contains("gil=<true>"), "text is escaped");
    }

    @Test
    void twoChartsOnOnePageShareNoId() {
        String a = SvgCharts.bars("a", "x", "y", BARS);
        String b = SvgCharts.bars("b", "x", "y", BARS);
        List<String> idsOfA = ids(a);
        assertFalse(idsOfA.isEmpty(), "clip paths have ids");
        for (String id : ids(b)) {
            assertFalse(idsOfA.contains(id), "id " + id + " in both charts");
        }
    }

    private static List<String> ids(String svg) {
        Matcher m = Pattern.compile("\\bid=['\"]([^'\"]+)['\"]").matcher(svg);
        List<String> ids = new java.util.ArrayList<>();
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }
}
