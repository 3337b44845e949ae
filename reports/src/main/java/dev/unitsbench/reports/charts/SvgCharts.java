package dev.unitsbench.reports.charts;

import dev.unitsbench.reports.stats.AnalyzedResult;
import dev.unitsbench.reports.stats.Estimate;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Draws the two kinds of chart of the report with XChart and encodes them as SVG: bars of
 * mean per category (per execution model, usually) with confidence-interval error bars, and
 * lines of mean against a numeric param (worker count, usually), on log axes when the values
 * span more than {@value #LOG_SPAN} times.
 */
public final class SvgCharts {

    /** Ratio of largest to smallest value above which an axis becomes logarithmic. */
    static final double LOG_SPAN = 20;

    private static final int WIDTH = 820;
    private static final int HEIGHT = 440;
    /** Colour-blind-safe palette (Okabe-Ito), so a series is told apart without colour vision. */
    private static final Color[] PALETTE = {
            new Color(0, 114, 178), new Color(230, 159, 0), new Color(0, 158, 115), new Color(204, 121, 167),
            new Color(86, 180, 233), new Color(213, 94, 0), new Color(240, 228, 66), new Color(0, 0, 0)};

    /** A distinct marker per line, so lines stay apart in black and white. */
    private static final org.knowm.xchart.style.markers.Marker[] MARKERS = {
            SeriesMarkers.CIRCLE, SeriesMarkers.SQUARE, SeriesMarkers.DIAMOND, SeriesMarkers.TRIANGLE_UP,
            SeriesMarkers.TRIANGLE_DOWN, SeriesMarkers.CROSS, SeriesMarkers.PLUS, SeriesMarkers.OVAL};

    /** Numbers every chart drawn by this JVM, to make its SVG ids unique within a page. */
    private static final java.util.concurrent.atomic.AtomicLong CHART_NUMBER = new java.util.concurrent.atomic.AtomicLong();

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
        Set<String> categories = new LinkedHashSet<>();
        Map<String, Map<String, Estimate>> bySeries = new LinkedHashMap<>();
        for (Bar bar : bars) {
            categories.add(bar.category());
            bySeries.computeIfAbsent(bar.series(), s -> new LinkedHashMap<>()).put(bar.category(), bar.estimate());
        }
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT)
                .title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        style(chart.getStyler());
        chart.getStyler().setLegendVisible(bySeries.size() > 1);
        chart.getStyler().setOverlapped(false);
        chart.getStyler().setYAxisMin(0.0);
        List<String> xs = new ArrayList<>(categories);
        for (Map.Entry<String, Map<String, Estimate>> series : bySeries.entrySet()) {
            List<Double> ys = new ArrayList<>();
            List<Double> errors = new ArrayList<>();
            for (String category : xs) {
                Estimate r = series.getValue().get(category);
                ys.add(r == null ? 0.0 : r.mean());
                errors.add(r == null ? 0.0 : errorBar(r));
            }
            chart.addSeries(series.getKey().isEmpty() ? "mean" : series.getKey(), xs, ys, errors);
        }
        return encode(chart);
    }

    public static String lines(String title, String xTitle, String yTitle, List<Point> points) {
        Map<String, TreeMap<Double, AnalyzedResult>> bySeries = new LinkedHashMap<>();
        double minX = Double.POSITIVE_INFINITY, maxX = 0, minY = Double.POSITIVE_INFINITY, maxY = 0;
        for (Point p : points) {
            bySeries.computeIfAbsent(p.series(), s -> new TreeMap<>()).put(p.x(), p.result());
            minX = Math.min(minX, p.x());
            maxX = Math.max(maxX, p.x());
            minY = Math.min(minY, p.result().estimate().mean() - errorBar(p.result()));
            maxY = Math.max(maxY, p.result().estimate().mean() + errorBar(p.result()));
        }
        boolean logX = minX > 0 && maxX / minX > LOG_SPAN;
        boolean logY = minY > 0 && maxY / minY > LOG_SPAN;
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle(xTitle + (logX ? " (log scale)" : ""))
                .yAxisTitle(yTitle + (logY ? " (log scale)" : "")).build();
        style(chart.getStyler());
        chart.getStyler().setXAxisLogarithmic(logX);
        chart.getStyler().setYAxisLogarithmic(logY);
        chart.getStyler().setLegendVisible(true);
        if (!logY) {
            chart.getStyler().setYAxisMin(0.0);
        }
        int i = 0;
        for (Map.Entry<String, TreeMap<Double, AnalyzedResult>> series : bySeries.entrySet()) {
            double[] x = new double[series.getValue().size()];
            double[] y = new double[x.length];
            double[] e = new double[x.length];
            int k = 0;
            for (Map.Entry<Double, AnalyzedResult> p : series.getValue().entrySet()) {
                x[k] = p.getKey();
                y[k] = p.getValue().estimate().mean();
                e[k++] = errorBar(p.getValue());
            }
            XYSeries s = chart.addSeries(series.getKey().isEmpty() ? "mean" : series.getKey(), x, y, e);
            s.setMarker(MARKERS[i++ % MARKERS.length]);
        }
        return encode(chart);
    }

    /** One ratio at one value of x; {@code low} and {@code high} are NaN when its interval is unbounded. */
    public record RatioPoint(double x, double ratio, double low, double high) {
    }

    /**
     * A ratio against x on a log x axis: the ratio as a line with markers, its interval as two
     * dashed lines (drawn where bounded; Fieller's interval is not symmetric, so no error bars),
     * and a horizontal line at 1 where the two sides cost the same.
     */
    public static String ratio(String title, String xTitle, String yTitle, List<RatioPoint> points) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle(xTitle + " (log scale)").yAxisTitle(yTitle).build();
        style(chart.getStyler());
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setLegendVisible(true);
        chart.getStyler().setYAxisMin(0.0);
        double[] x = points.stream().mapToDouble(RatioPoint::x).toArray();
        double[] y = points.stream().mapToDouble(RatioPoint::ratio).toArray();
        XYSeries ratio = chart.addSeries("ratio", x, y);
        ratio.setMarker(MARKERS[0]);
        List<RatioPoint> bounded = points.stream().filter(p -> Double.isFinite(p.low()) && Double.isFinite(p.high())).toList();
        if (!bounded.isEmpty()) {
            double[] bx = bounded.stream().mapToDouble(RatioPoint::x).toArray();
            XYSeries low = chart.addSeries("95% interval, low", bx, bounded.stream().mapToDouble(RatioPoint::low).toArray());
            XYSeries high = chart.addSeries("95% interval, high", bx, bounded.stream().mapToDouble(RatioPoint::high).toArray());
            for (XYSeries band : List.of(low, high)) {
                band.setMarker(SeriesMarkers.NONE);
                band.setLineStyle(org.knowm.xchart.style.lines.SeriesLines.DASH_DASH);
                band.setLineColor(PALETTE[0]);
            }
        }
        XYSeries even = chart.addSeries("1x: both cost the same", new double[]{x[0], x[x.length - 1]}, new double[]{1, 1});
        even.setMarker(SeriesMarkers.NONE);
        even.setLineColor(Color.GRAY);
        even.setLineStyle(org.knowm.xchart.style.lines.SeriesLines.DOT_DOT);
        return encode(chart);
    }

    /**
     * Lines of a figure over report runs: x is the run number (1 = oldest in the history), one
     * line per series; a series may miss runs (a benchmark added later).
     *
     * @param series per name, the run numbers and the values, two arrays of equal length
     */
    public static String trend(String title, String yTitle, Map<String, double[][]> series) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle("run (1 = oldest in the history)").yAxisTitle(yTitle).build();
        style(chart.getStyler());
        chart.getStyler().setLegendVisible(true);
        chart.getStyler().setXAxisDecimalPattern("0");
        // One entry per result can be many: a column to the right does not run off the chart as a row would.
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Vertical);
        chart.getStyler().setYAxisMin(0.0);
        int i = 0;
        for (Map.Entry<String, double[][]> s : series.entrySet()) {
            if (s.getValue()[0].length == 0) {
                continue;
            }
            XYSeries line = chart.addSeries(s.getKey().isEmpty() ? "mean" : s.getKey(), s.getValue()[0], s.getValue()[1]);
            line.setMarker(MARKERS[i++ % MARKERS.length]);
        }
        return encode(chart);
    }

    /** Half-width of the interval, or 0 when there is none (one sample): drawn as no bar. */
    private static double errorBar(AnalyzedResult r) {
        return errorBar(r.estimate());
    }

    private static double errorBar(Estimate e) {
        double half = e.halfWidth();
        return Double.isFinite(half) ? half : 0;
    }

    private static void style(AxesChartStyler styler) {
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setPlotBorderVisible(false);
        styler.setPlotGridLinesColor(new Color(225, 225, 225));
        styler.setSeriesColors(PALETTE);
        styler.setErrorBarsColorSeriesColor(false);
        styler.setErrorBarsColor(Color.BLACK);
        styler.setLegendPosition(Styler.LegendPosition.OutsideS);
        styler.setLegendLayout(Styler.LegendLayout.Horizontal);
        styler.setLegendBorderColor(Color.WHITE);
        styler.setChartTitleBoxVisible(false);
        Font base = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
        styler.setBaseFont(base);
        styler.setChartTitleFont(base.deriveFont(Font.BOLD, 15f));
        styler.setAxisTitleFont(base);
        styler.setAxisTickLabelsFont(base.deriveFont(12f));
        styler.setLegendFont(base);
    }

    /** The chart as SVG text, cut to start at the {@code <svg>} element so it can be inlined in HTML. */
    private static String encode(Chart<?, ?> chart) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String svg = out.toString(StandardCharsets.UTF_8);
        int start = svg.indexOf("<svg");
        svg = start < 0 ? svg : svg.substring(start);
        // Clip-path ids are hash codes; many charts inlined in one page must not share one.
        svg = svg.replaceAll("\\bclip(\\d+)", "chart" + CHART_NUMBER.incrementAndGet() + "-clip$1");
        return truncatePathCoordinates(svg);
    }

    /** A coordinate in a path's {@code d} attribute with more than one decimal. */
    private static final Pattern LONG_DECIMAL = Pattern.compile("(-?\\d+\\.\\d)\\d+");

    private static final Pattern PATH_DATA = Pattern.compile(" d=\"([^\"]*)\"");

    /**
     * XChart draws every label as glyph outlines, written with up to 14 decimals: a chart's SVG ran
     * to 600 KB, and a full run's page to 21 MB. A tenth of a pixel is finer than any screen
     * shows, so path coordinates are cut to one decimal (truncated, not rounded: at most 0.1 px
     * off), which halves the size.
     */
    static String truncatePathCoordinates(String svg) {
        return PATH_DATA.matcher(svg).replaceAll(path -> Matcher.quoteReplacement(
                " d=\"" + LONG_DECIMAL.matcher(path.group(1)).replaceAll("$1") + "\""));
    }
}
