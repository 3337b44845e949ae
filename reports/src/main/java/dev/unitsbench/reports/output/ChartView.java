package dev.unitsbench.reports.output;

import dev.unitsbench.reports.charts.ChartImage;

/**
 * A chart as the page shows it: a figure with the SVG inline. The SVG is the only value the
 * template writes unescaped ({@code {{{svg}}}}): this program drew it, and JFreeSVG escapes
 * its text (the forest plot's links are added by {@link dev.unitsbench.reports.charts.VerdictPlot}, to ids only).
 */
public record ChartView(String id, String title, String caption, String svg) {

    static ChartView of(ChartImage c) {
        return new ChartView(c.id(), c.title(), c.caption(), c.svg());
    }
}
