package dev.unitsbench.reports.charts;

import dev.unitsbench.reports.stats.AnalyzedResult;
import dev.unitsbench.reports.stats.Estimate;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.LogarithmicAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.category.StatisticalBarRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.text.TextUtils;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.text.DecimalFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Draws the charts of the report with JFreeChart onto JFreeSVG's {@link SVGGraphics2D}, which
 * writes every label as an SVG {@code <text>} element (selectable, searchable, small): bars of
 * mean per category (per execution model, usually) with confidence-interval error bars, lines
 * of mean against a numeric param (worker count, usually), on log axes when the values span
 * more than {@value #LOG_SPAN} times, a ratio against a param, and trends over runs.
 */
public final class SvgCharts {

    /** Ratio of largest to smallest value above which an axis becomes logarithmic. */
    static final double LOG_SPAN = 20;

    private static final int WIDTH = 820;
    private static final int HEIGHT = 440;
    /** Colour-blind-safe palette (Okabe-Ito), so a series is told apart without colour vision. */
    static final Color[] PALETTE = {
            new Color(0, 114, 178), new Color(230, 159, 0), new Color(0, 158, 115), new Color(204, 121, 167),
            new Color(86, 180, 233), new Color(213, 94, 0), new Color(240, 228, 66), new Color(0, 0, 0)};
    static final Font BASE = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    /** Tick labels of a log axis as plain numbers. */
    private static final String TICK_FORMAT = "#,##0.###";

    /** Numbers every chart drawn by this JVM, to make its SVG ids (clip paths) unique within a page. */
    private static final AtomicLong CHART_NUMBER = new AtomicLong();

    static {
        // JFreeChart's workaround for rotated text draws it as a TextLayout, that is as glyph
        // outlines; without it a rotated label (the y axis title) is a rotated <text> like any other.
        TextUtils.setUseDrawRotatedStringWorkaround(false);
    }

    private SvgCharts() {
    }

    /** One bar: its category on the x axis and the series (legend entry) it belongs to. */
    public record Bar(String category, String series, Estimate estimate) {
        public Bar(String category, String series, AnalyzedResult result) {
            this(category, series, result.estimate());
        }
    }

    /** One point of a line. */
    public record Point(double x, String series, AnalyzedResult result) {
    }

    public static String bars(String title, String xTitle, String yTitle, List<Bar> bars) {
        DefaultStatisticalCategoryDataset data = new DefaultStatisticalCategoryDataset();
        for (Bar bar : bars) {
            // The renderer draws mean ± "standard deviation": given the interval's half-width, it draws the interval.
            data.add(bar.estimate().mean(), errorBar(bar.estimate()), seriesName(bar.series()), bar.category());
        }
        CategoryAxis x = new CategoryAxis(xTitle);
        x.setMaximumCategoryLabelLines(3);
        NumberAxis y = new NumberAxis(yTitle);
        y.setAutoRangeIncludesZero(true);
        StatisticalBarRenderer renderer = new StatisticalBarRenderer();
        renderer.setErrorIndicatorPaint(Color.BLACK);
        renderer.setDrawBarOutline(false);
        renderer.setShadowVisible(false);
        renderer.setBarPainter(new StandardBarPainter());
        for (int i = 0; i < data.getRowCount(); i++) {
            renderer.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
        }
        CategoryPlot plot = new CategoryPlot(data, x, y, renderer);
        style(x);
        style(y);
        return encode(chart(title, plot, data.getRowCount() > 1, RectangleEdge.BOTTOM));
    }

    public static String lines(String title, String xTitle, String yTitle, List<Point> points) {
        Map<String, TreeMap<Double, Estimate>> bySeries = new LinkedHashMap<>();
        double minX = Double.POSITIVE_INFINITY, maxX = 0, minY = Double.POSITIVE_INFINITY, maxY = 0;
        for (Point p : points) {
            Estimate e = p.result().estimate();
            bySeries.computeIfAbsent(p.series(), s -> new TreeMap<>()).put(p.x(), e);
            minX = Math.min(minX, p.x());
            maxX = Math.max(maxX, p.x());
            minY = Math.min(minY, e.mean() - errorBar(e));
            maxY = Math.max(maxY, e.mean() + errorBar(e));
        }
        boolean logX = minX > 0 && maxX / minX > LOG_SPAN;
        boolean logY = minY > 0 && maxY / minY > LOG_SPAN;
        XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
        for (Map.Entry<String, TreeMap<Double, Estimate>> series : bySeries.entrySet()) {
            XYIntervalSeries s = new XYIntervalSeries(seriesName(series.getKey()));
            series.getValue().forEach((px, e) -> s.add(px, px, px, e.mean(), e.mean() - errorBar(e), e.mean() + errorBar(e)));
            data.addSeries(s);
        }
        XYErrorRenderer renderer = new XYErrorRenderer();
        renderer.setDrawXError(false);
        renderer.setDefaultLinesVisible(true);
        renderer.setErrorPaint(Color.BLACK);
        ValueAxis x = axis(xTitle, logX, false);
        if (!logX && points.stream().allMatch(p -> p.x() == Math.rint(p.x()))) {
            // A count (workers, connections): no tick at 1.2 workers.
            x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        }
        XYPlot plot = new XYPlot(data, x, axis(yTitle, logY, true), renderer);
        colour(renderer, data.getSeriesCount());
        return encode(chart(title, plot, true, RectangleEdge.BOTTOM));
    }

    /** One ratio at one value of x; {@code low} and {@code high} are NaN when its interval is unbounded. */
    public record RatioPoint(double x, double ratio, double low, double high) {
    }

    /**
     * A ratio against x on a log x axis: the ratio as a line with markers, its interval as two
     * dashed lines (drawn where bounded; an interval on the log scale is not symmetric, so no error bars),
     * and a dotted line at 1 where the two sides cost the same.
     */
    public static String ratio(String title, String xTitle, String yTitle, List<RatioPoint> points) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYSeries ratio = new XYSeries("ratio");
        XYSeries low = new XYSeries("95% interval, low");
        XYSeries high = new XYSeries("95% interval, high");
        for (RatioPoint p : points) {
            ratio.add(p.x(), p.ratio());
            if (Double.isFinite(p.low()) && Double.isFinite(p.high())) {
                low.add(p.x(), p.low());
                high.add(p.x(), p.high());
            }
        }
        data.addSeries(ratio);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        renderer.setSeriesPaint(0, PALETTE[0]);
        if (!low.isEmpty()) {
            data.addSeries(low);
            data.addSeries(high);
            BasicStroke dashed = new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[]{6, 4}, 0);
            for (int i = 1; i <= 2; i++) {
                renderer.setSeriesPaint(i, PALETTE[0]);
                renderer.setSeriesStroke(i, dashed);
                renderer.setSeriesShapesVisible(i, false);
            }
        }
        NumberAxis y = (NumberAxis) axis(yTitle, false, true);
        XYPlot plot = new XYPlot(data, axis(xTitle, true, false), y, renderer);
        ValueMarker even = new ValueMarker(1, Color.GRAY, new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[]{2, 3}, 0));
        even.setLabel("1x: both cost the same");
        even.setLabelFont(BASE.deriveFont(12f));
        even.setLabelBackgroundColor(new Color(255, 255, 255, 0));
        even.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        even.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
        plot.addRangeMarker(even);
        return encode(chart(title, plot, true, RectangleEdge.BOTTOM));
    }

    /**
     * Lines of a figure over report runs: x is the run number (1 = oldest in the history), one
     * line per series; a series may miss runs (a benchmark added later).
     *
     * @param series per name, the run numbers and the values, two arrays of equal length
     */
    public static String trend(String title, String yTitle, Map<String, double[][]> series) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (Map.Entry<String, double[][]> s : series.entrySet()) {
            if (s.getValue()[0].length == 0) {
                continue;
            }
            XYSeries line = new XYSeries(seriesName(s.getKey()), false, true);
            for (int i = 0; i < s.getValue()[0].length; i++) {
                line.add(s.getValue()[0][i], s.getValue()[1][i]);
            }
            data.addSeries(line);
        }
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        NumberAxis x = new NumberAxis("run (1 = oldest in the history)");
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        style(x);
        XYPlot plot = new XYPlot(data, x, axis(yTitle, false, true), renderer);
        colour(renderer, data.getSeriesCount());
        // One entry per result can be many: a column to the right does not run off the chart as a row would.
        return encode(chart(title, plot, true, RectangleEdge.RIGHT));
    }

    private static String seriesName(String name) {
        return name.isEmpty() ? "mean" : name;
    }

    private static ValueAxis axis(String title, boolean log, boolean fromZero) {
        if (log) {
            // Ticks at 1, 2, ... 9 times the powers of ten, written as plain numbers: LogAxis puts
            // them at fractional exponents (31,622,776.602) or writes "10^3" as attributed text.
            LogarithmicAxis axis = new LogarithmicAxis(title + " (log scale)");
            axis.setStrictValuesFlag(false);
            axis.setNumberFormatOverride(new DecimalFormat(TICK_FORMAT));
            style(axis);
            return axis;
        }
        NumberAxis axis = new NumberAxis(title);
        axis.setAutoRangeIncludesZero(fromZero);
        style(axis);
        return axis;
    }

    private static void colour(XYLineAndShapeRenderer renderer, int series) {
        for (int i = 0; i < series; i++) {
            renderer.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
        }
    }

    /** Half-width of the interval, or 0 when there is none (one sample): drawn as no bar. */
    private static double errorBar(Estimate e) {
        double half = e.halfWidth();
        return Double.isFinite(half) ? half : 0;
    }

    private static void style(Axis axis) {
        // The grid lines mark the ticks; tick marks too were a third of a chart's elements.
        axis.setTickMarksVisible(false);
        axis.setMinorTickMarksVisible(false);
        axis.setLabelFont(BASE);
        axis.setTickLabelFont(BASE.deriveFont(12f));
    }

    private static JFreeChart chart(String title, Plot plot, boolean legend, RectangleEdge legendAt) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        Color grid = new Color(225, 225, 225);
        BasicStroke solid = new BasicStroke(0.5f);
        if (plot instanceof XYPlot xy) {
            xy.setDomainGridlinePaint(grid);
            xy.setRangeGridlinePaint(grid);
            xy.setDomainGridlineStroke(solid);
            xy.setRangeGridlineStroke(solid);
        } else if (plot instanceof CategoryPlot category) {
            category.setRangeGridlinePaint(grid);
            category.setRangeGridlineStroke(solid);
        }
        JFreeChart chart = new JFreeChart(title, BASE.deriveFont(Font.BOLD, 15f), plot, legend);
        chart.setBackgroundPaint(Color.WHITE);
        LegendTitle l = chart.getLegend();
        if (l != null) {
            l.setItemFont(BASE);
            l.setFrame(BlockBorder.NONE);
            l.setPosition(legendAt);
        }
        return chart;
    }

    /** The chart as an {@code <svg>} element with a view box (so the page can scale it) and ids unique within the page. */
    private static String encode(JFreeChart chart) {
        SVGGraphics2D g = canvas(WIDTH, HEIGHT);
        g.setDefsKeyPrefix("chart" + CHART_NUMBER.incrementAndGet() + "-");
        chart.draw(g, new Rectangle(0, 0, WIDTH, HEIGHT));
        return svgElement(g, WIDTH, HEIGHT);
    }

    /** A canvas that writes coordinates to a tenth of a pixel, finer than any screen shows (JFreeSVG's default writes up to 17 digits). */
    static SVGGraphics2D canvas(int width, int height) {
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        g.setGeomDoubleConverter(SvgCharts::tenth);
        // A shape-rendering attribute on every line, from JFreeChart's stroke hint, is bytes no reader sees.
        g.setCheckStrokeControlHint(false);
        return g;
    }

    private static String tenth(double value) {
        long tenths = Math.round(value * 10);
        return tenths % 10 == 0 ? Long.toString(tenths / 10) : (tenths < 0 && tenths > -10 ? "-" : "") + (tenths / 10) + "." + Math.abs(tenths % 10);
    }

    /** The drawing as an inline {@code <svg>} element: a view box, so CSS can scale it, and no id of its own (its figure has one). */
    static String svgElement(SVGGraphics2D g, int width, int height) {
        return g.getSVGElement(null, true, new ViewBox(0, 0, width, height), null, null);
    }
}
