package dev.unitsbench.reports.charts;

import dev.unitsbench.reports.claims.ClaimedEffect;
import dev.unitsbench.reports.claims.Verdict;
import dev.unitsbench.reports.stats.RatioEstimate;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VerdictPlotTest {

    private static VerdictPlot.Row row(double ratio, double low, double high, ClaimedEffect claimed) {
        return new VerdictPlot.Row("T1", "title", "label", new RatioEstimate(ratio, low, high, 0.95), Verdict.HOLDS, claimed);
    }

    @Test
    void theAxisHoldsEveryIntervalTheClaimedRangeAndOneX() {
        VerdictPlot.Axis axis = VerdictPlot.Axis.of(List.of(row(3, 2, 4, new ClaimedEffect(10, 100, "10-100x")),
                row(0.5, 0.4, 0.6, null)));
        assertTrue(axis.low() < 0.4 && axis.high() > 100, axis.toString());
        assertTrue(axis.ticks().contains(1.0), axis.ticks().toString());
        assertTrue(axis.x(0.4) < axis.x(1) && axis.x(1) < axis.x(100), "the axis grows left to right");
        assertEquals(axis.x(axis.high()), axis.x(1e9), "values beyond the axis stop at its edge");
    }

    @Test
    void anUnboundedIntervalDoesNotStretchTheAxis() {
        VerdictPlot.Axis axis = VerdictPlot.Axis.of(List.of(row(2, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, null)));
        assertTrue(axis.low() > 0.5 && axis.high() < 3, axis.toString());
    }

    @Test
    void linkedLabelsAreWrappedInALinkToTheirClaim() {
        String svg = "<svg><g id='verdicts-link-0'><text x='1'>T1: a &amp; b</text></g><g id='other'><text>x</text></g>"
                + "<g id='verdicts-link-1'><text>Q2 row</text></g></svg>";
        assertEquals("<svg><a href='#claim-T1'><g id='verdicts-link-0'><text x='1'>T1: a &amp; b</text></g></a><g id='other'><text>x</text></g>"
                + "<a href='#claim-Q&apos;2'><g id='verdicts-link-1'><text>Q2 row</text></g></a></svg>", VerdictPlot.withLinks(svg, List.of("T1", "Q'2")),
                "a claim id from a user's catalog is escaped");
    }

    @Test
    void verdictsDifferInShapeNotOnlyInColour() {
        Set<String> looks = Stream.of(Verdict.HOLDS, Verdict.REVERSED, Verdict.NO_SIGNIFICANT_DIFFERENCE)
                .map(VerdictPlot.Style::of).map(s -> s.shape() + "/" + s.filled()).collect(Collectors.toSet());
        assertEquals(3, looks.size(), looks.toString());
    }

    @Test
    void ratiosReadAsThePageWritesThem() {
        java.util.Map.of(954.2, "954x", 1065.4, "1,065x", 0.7531, "0.75x", 12.34, "12.3x")
                .forEach((ratio, text) -> assertEquals(text, VerdictPlot.times(ratio)));
    }
}
