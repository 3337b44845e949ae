package dev.unitsbench.reports.charts;

/**
 * A drawn chart.
 *
 * @param id      unique within a report; the HTML anchor of its figure (and, for the forest plot, its file name)
 * @param title   what the chart shows, in words
 * @param label   a few words that tell it from the other charts of its claim or family, for links
 * @param caption how to read it (what a bar, a line, an error bar is)
 * @param svg     the SVG document, starting at its {@code <svg>} element
 */
public record ChartImage(String id, String title, String label, String caption, String svg) {
}
