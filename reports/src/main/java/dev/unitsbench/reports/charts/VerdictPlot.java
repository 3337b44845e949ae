package dev.unitsbench.reports.charts;

import dev.unitsbench.reports.claims.Claim;
import dev.unitsbench.reports.claims.ClaimOutcome;
import dev.unitsbench.reports.claims.ClaimedEffect;
import dev.unitsbench.reports.claims.ComparisonOutcome;
import dev.unitsbench.reports.claims.Verdict;
import dev.unitsbench.reports.stats.RatioEstimate;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGHints;
import org.jfree.svg.SVGUtils;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The forest plot at the top of the page: every two-sided comparison the claims evaluate, one
 * row each, grouped by claim. A row shows the speed-up of the claimed-better side (the ratio
 * and the interval on fork means that the verdict uses, taken from the outcome, not
 * recomputed) on a log axis, the 1x line, the tutorial's claimed range as a band where the
 * catalog gives one, and the verdict by colour (Okabe-Ito), marker shape and word, so that it
 * reads in grey too. Each label links to its claim's details.
 *
 * <p>No chart type of JFreeChart (nor XChart) is a forest plot with a band per row and linked
 * labels, so it is drawn with Java2D onto the same {@link SVGGraphics2D} the other charts use.
 */
public final class VerdictPlot {

    /** The chart's id in the page and its file name in {@code charts/}. */
    public static final String ID = "verdicts";

    private static final int WIDTH = 1150;
    private static final int LABEL_X = 8;
    private static final int PLOT_X0 = 500;
    private static final int PLOT_X1 = 880;
    private static final int TEXT_X = 892;
    private static final int TOP = 66;
    private static final int ROW = 18;
    private static final int GROUP = 22;
    private static final int BOTTOM = 40;
    private static final Font FONT = SvgCharts.BASE.deriveFont(12f);
    private static final Font BOLD = FONT.deriveFont(Font.BOLD);
    private static final Color GRID = new Color(225, 225, 225);
    /** The band of the claimed range: Okabe-Ito orange, light, so that it reads as a light grey on paper. */
    private static final Color BAND = new Color(230, 159, 0, 70);

    private VerdictPlot() {
    }

    /** One comparison's row. */
    record Row(String claimId, String claimTitle, String label, RatioEstimate ratio, Verdict verdict, ClaimedEffect claimed) {
    }

    /** The rows of the plot in page order: every comparison with a ratio, claims in catalog order. */
    static List<Row> rows(List<ClaimOutcome> claims) {
        List<Row> rows = new ArrayList<>();
        for (ClaimOutcome c : claims) {
            for (ComparisonOutcome cmp : c.comparisons()) {
                if (cmp.kind() == ComparisonOutcome.Kind.COMPARISON && cmp.hasFigures()) {
                    String label = cmp.label() + (cmp.pairing().isEmpty() ? "" : " (" + cmp.pairing() + ")")
                            + (cmp.evidence() ? "" : " [" + cmp.role().catalogName() + "]");
                    rows.add(new Row(c.claim().id(), c.claim().title(), label, cmp.speedup(), cmp.verdict(), claimed(c.claim(), cmp.label())));
                }
            }
        }
        return rows;
    }

    private static ClaimedEffect claimed(Claim claim, String label) {
        return claim.comparisons().stream().filter(s -> s.label().equals(label)).map(Claim.ComparisonSpec::claimed)
                .filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }

    /** The plot, or null when no comparison has a ratio (nothing measured, or only checks). */
    public static ChartImage draw(List<ClaimOutcome> claims) {
        List<Row> rows = rows(claims);
        if (rows.isEmpty()) {
            return null;
        }
        List<String> groups = rows.stream().map(Row::claimId).distinct().toList();
        int height = TOP + groups.size() * GROUP + rows.size() * ROW + BOTTOM;
        Axis axis = Axis.of(rows);
        SVGGraphics2D g = SvgCharts.canvas(WIDTH, height);
        g.setDefsKeyPrefix(ID + "-");
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, height);
        List<String> links = new ArrayList<>();

        g.setColor(Color.BLACK);
        g.setFont(SvgCharts.BASE.deriveFont(Font.BOLD, 15f));
        g.drawString("Every comparison: how many times better the claimed-better side is (95% interval, log scale)", LABEL_X, 18);
        g.setFont(FONT);
        g.setColor(Color.DARK_GRAY);
        g.drawString("\u2190 the other side is better", PLOT_X0, TOP - 10);
        drawRight(g, "the claimed side is better \u2192", PLOT_X1, TOP - 10);
        g.drawString("ratio [interval], verdict", TEXT_X, TOP - 10);
        drawLegend(g, 34);

        int plotBottom = height - BOTTOM;
        for (double tick : axis.ticks()) {
            double x = axis.x(tick);
            g.setColor(tick == 1 ? Color.DARK_GRAY : GRID);
            g.setStroke(new BasicStroke(tick == 1 ? 1.5f : 1f));
            g.draw(new Line2D.Double(x, TOP - 4, x, plotBottom));
            g.setColor(Color.BLACK);
            drawCentred(g, times(tick), x, plotBottom + 16);
        }
        g.setColor(Color.DARK_GRAY);
        drawCentred(g, "ratio of the two sides' fork means (1x: no difference)", (PLOT_X0 + PLOT_X1) / 2.0, plotBottom + 32);

        double y = TOP;
        String group = null;
        for (Row row : rows) {
            if (!row.claimId().equals(group)) {
                group = row.claimId();
                y += GROUP;
                g.setFont(BOLD);
                g.setColor(Color.BLACK);
                link(g, links, group, fit(g, group + ": " + row.claimTitle(), LABEL_X, y - 4));
            }
            y += ROW;
            double mid = y - ROW / 2.0;
            g.setFont(FONT);
            g.setColor(Color.BLACK);
            link(g, links, row.claimId(), fit(g, row.claimId() + " \u00b7 " + row.label(), LABEL_X + 14, mid + 4));
            drawRow(g, axis, row, mid);
        }
        String svg = SvgCharts.svgElement(g, WIDTH, height);
        return new ChartImage(ID, "Every comparison at a glance", "all verdicts", caption(), withLinks(svg, links));
    }

    private static String caption() {
        return "One row per comparison, grouped by claim (each label links to the claim's details). The point is the ratio of the two sides'"
                + " means in the claimed direction (above 1x: as the tutorial claims), the line the interval the row's verdict is decided by,"
                + " the same numbers the verdict uses; an arrow marks an interval beyond the axis, a dotted line one without bounds."
                + " The shaded band is the effect size the tutorial claims, where it states one. Checks and test findings have no ratio"
                + " and are in the table above.";
    }

    private static void drawRow(SVGGraphics2D g, Axis axis, Row row, double mid) {
        if (row.claimed() != null) {
            double from = axis.x(Math.max(row.claimed().min(), axis.low()));
            double to = axis.x(Math.min(row.claimed().max(), axis.high()));
            g.setColor(BAND);
            g.fill(new Rectangle2D.Double(from, mid - ROW / 2.0 + 2, Math.max(to - from, 2), ROW - 4));
        }
        Style style = Style.of(row.verdict());
        RatioEstimate r = row.ratio();
        g.setColor(style.colour());
        if (r.bounded()) {
            g.setStroke(new BasicStroke(1.6f));
            double from = axis.x(r.low());
            double to = axis.x(r.high());
            g.draw(new Line2D.Double(from, mid, to, mid));
            if (r.low() < axis.low()) {
                arrow(g, PLOT_X0, mid, -1);
            }
            if (r.high() > axis.high()) {
                arrow(g, PLOT_X1, mid, 1);
            }
        } else {
            g.setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[]{2, 3}, 0));
            g.draw(new Line2D.Double(PLOT_X0, mid, PLOT_X1, mid));
        }
        g.setStroke(new BasicStroke(1.4f));
        Shape marker = style.marker(axis.x(r.ratio()), mid);
        if (style.filled()) {
            g.fill(marker);
        } else {
            g.setColor(Color.WHITE);
            g.fill(marker);
            g.setColor(style.colour());
        }
        g.draw(marker);
        g.setFont(FONT);
        String interval = r.bounded() ? " [" + times(r.low()) + " \u2013 " + times(r.high()) + "]" : " [no bounds]";
        g.drawString(times(r.ratio()) + interval + ", " + row.verdict().label(), TEXT_X, (float) mid + 4);
    }

    private static void drawLegend(SVGGraphics2D g, int y) {
        double x = LABEL_X + 6;
        g.setFont(FONT);
        for (Verdict v : List.of(Verdict.HOLDS, Verdict.REVERSED, Verdict.LEVEL, Verdict.NO_SIGNIFICANT_DIFFERENCE, Verdict.INCONCLUSIVE)) {
            Style style = Style.of(v);
            Shape marker = style.marker(x, y - 4);
            g.setColor(style.filled() ? style.colour() : Color.WHITE);
            g.fill(marker);
            g.setColor(style.colour());
            g.setStroke(new BasicStroke(1.4f));
            g.draw(marker);
            g.drawString(v.label(), (float) x + 9, y);
            x += g.getFontMetrics().stringWidth(v.label()) + 34;
        }
        g.setColor(BAND);
        g.fill(new Rectangle2D.Double(x, y - 11, 22, 12));
        g.setColor(Color.DARK_GRAY);
        g.drawString("claimed range", (float) x + 28, y);
    }

    /** Marks an interval that runs beyond the axis with a small arrow head at the edge. */
    private static void arrow(SVGGraphics2D g, double x, double y, int direction) {
        Path2D head = new Path2D.Double();
        head.moveTo(x, y);
        head.lineTo(x - direction * 7, y - 4);
        head.lineTo(x - direction * 7, y + 4);
        head.closePath();
        g.fill(head);
    }

    /** Draws text that links to a claim: an id the SVG is later rewritten at (see {@link #withLinks}). */
    private static void link(SVGGraphics2D g, List<String> links, String claimId, Runnable draw) {
        g.setRenderingHint(SVGHints.KEY_ELEMENT_ID, ID + "-link-" + links.size());
        links.add(claimId);
        draw.run();
    }

    private static final Pattern LINKED = Pattern.compile("<g id='" + ID + "-link-(\\d+)'.*?</g>");

    /**
     * Wraps each linked label in {@code <a href="#claim-ID">}. JFreeSVG writes a string drawn
     * with an element id as {@code <g id='...'><text ...>escaped text</text></g>}, so the first
     * {@code </g>} after the id closes it.
     */
    static String withLinks(String svg, List<String> links) {
        Matcher m = LINKED.matcher(svg);
        // A claim id comes from the catalog, which a user may write (--catalog): escaped like any text of the SVG.
        return m.replaceAll(r -> Matcher.quoteReplacement("<a href='#claim-" + SVGUtils.escapeForXML(links.get(Integer.parseInt(r.group(1))))
                + "'>" + r.group() + "</a>"));
    }

    /** Draws {@code text} at (x, y), cut with an ellipsis where it would run into the plot. */
    private static Runnable fit(SVGGraphics2D g, String text, double x, double y) {
        FontMetrics metrics = g.getFontMetrics(g.getFont());
        double room = PLOT_X0 - 12 - x;
        String shown = text;
        if (metrics.stringWidth(shown) > room) {
            while (shown.length() > 1 && metrics.stringWidth(shown + "\u2026") > room) {
                shown = shown.substring(0, shown.length() - 1);
            }
            shown = shown.strip() + "\u2026";
        }
        String drawn = shown;
        return () -> g.drawString(drawn, (float) x, (float) y);
    }

    private static void drawCentred(SVGGraphics2D g, String text, double x, double y) {
        g.drawString(text, (float) (x - g.getFontMetrics().stringWidth(text) / 2.0), (float) y);
    }

    private static void drawRight(SVGGraphics2D g, String text, double x, double y) {
        g.drawString(text, (float) (x - g.getFontMetrics().stringWidth(text)), (float) y);
    }

    private static final DecimalFormat TIMES = new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ROOT));

    /** A ratio as the page writes it: 3 significant digits at most, then "x". */
    static String times(double ratio) {
        double rounded = ratio >= 100 ? Math.round(ratio) : ratio >= 10 ? Math.round(ratio * 10) / 10.0 : Math.round(ratio * 100) / 100.0;
        synchronized (TIMES) {
            return TIMES.format(rounded) + "x";
        }
    }

    /** The log axis: from a little below the smallest value shown to a little above the largest, 1x always in. */
    record Axis(double low, double high) {

        static Axis of(List<Row> rows) {
            double low = 1;
            double high = 1;
            for (Row row : rows) {
                List<Double> values = new ArrayList<>(List.of(row.ratio().ratio()));
                if (row.ratio().bounded()) {
                    values.add(row.ratio().low());
                    values.add(row.ratio().high());
                }
                if (row.claimed() != null) {
                    values.add(row.claimed().min());
                    values.add(row.claimed().max());
                }
                for (double v : values) {
                    if (v > 0 && Double.isFinite(v)) {
                        low = Math.min(low, v);
                        high = Math.max(high, v);
                    }
                }
            }
            // Ratios far off the scale (a denominator near zero) would squash every other row.
            return new Axis(Math.max(low / 1.3, 1e-4), Math.min(high * 1.3, 1e5));
        }

        double x(double value) {
            double v = Math.min(Math.max(value, low), high);
            return PLOT_X0 + (Math.log(v) - Math.log(low)) / (Math.log(high) - Math.log(low)) * (PLOT_X1 - PLOT_X0);
        }

        /** 1, 2 and 5 times the powers of ten inside the axis; only the powers of ten when that makes more than 12. */
        List<Double> ticks() {
            List<Double> all = new ArrayList<>();
            List<Double> decades = new ArrayList<>();
            for (int e = (int) Math.floor(Math.log10(low)); e <= Math.ceil(Math.log10(high)); e++) {
                for (int m : new int[]{1, 2, 5}) {
                    double t = m * Math.pow(10, e);
                    if (t >= low && t <= high) {
                        all.add(t);
                        if (m == 1) {
                            decades.add(t);
                        }
                    }
                }
            }
            return all.size() > 12 ? decades : all;
        }
    }

    /** How a verdict is drawn: colour (Okabe-Ito) and marker shape, so that it reads without colour too. */
    record Style(Color colour, char shape, boolean filled) {

        static Style of(Verdict v) {
            return switch (v) {
                case HOLDS -> new Style(new Color(0, 114, 178), 'o', true);
                case REVERSED -> new Style(new Color(213, 94, 0), 's', true);
                case LEVEL -> new Style(new Color(0, 158, 115), 'd', true);
                case NO_SIGNIFICANT_DIFFERENCE, DIFFERENCE_OF_UNCLEAR_SIZE -> new Style(new Color(90, 90, 90), 'd', false);
                default -> new Style(new Color(150, 150, 150), 'o', false);
            };
        }

        Shape marker(double x, double y) {
            double r = 4.5;
            return switch (shape) {
                case 's' -> new Rectangle2D.Double(x - r, y - r, 2 * r, 2 * r);
                case 'd' -> {
                    Path2D d = new Path2D.Double();
                    d.moveTo(x, y - r - 1);
                    d.lineTo(x + r + 1, y);
                    d.lineTo(x, y + r + 1);
                    d.lineTo(x - r - 1, y);
                    d.closePath();
                    yield d;
                }
                default -> new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r);
            };
        }
    }
}
