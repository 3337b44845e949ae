package dev.unitsbench.reports.output;

import dev.unitsbench.reports.charts.ChartImage;

/**
 * A chart as the page shows it: a figure with the SVG inline. The SVG is the only value the
 * template writes unescaped ({@code {{{svg}}}}): this program drew it, and XChart's SVG encoder
 * escapes its text.
 */
public record ChartView(String id, String title, String caption, String svg) {

    static ChartView of(ChartImage c) {
        return new ChartView(c.id(), c.title(), c.caption(), c.svg());
    }
}
