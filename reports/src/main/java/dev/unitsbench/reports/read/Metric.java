package dev.unitsbench.reports.read;

/**
 * One metric of a benchmark: the primary score, or a secondary one (an {@code @AuxCounters}
 * field, a profiler's output).
 *
 * @param score      JMH's own summary, kept to show beside ours as a cross-check
 * @param scoreError JMH's half-width of its 99.9% interval; NaN when JMH wrote "NaN"
 * @param unit       e.g. {@code ms/op}, {@code ops/s}, {@code #}
 * @param samples    the raw data the statistics are computed from; null when JMH wrote none
 */
public record Metric(double score, double scoreError, String unit, Samples samples) {
}
