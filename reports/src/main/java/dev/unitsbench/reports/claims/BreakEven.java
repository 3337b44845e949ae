package dev.unitsbench.reports.claims;

import dev.unitsbench.reports.read.BenchmarkResult;
import dev.unitsbench.reports.stats.AnalyzedResult;
import dev.unitsbench.reports.stats.RatioEstimate;
import dev.unitsbench.reports.stats.Statistics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where one side of a claim starts to win as the work grows: the ratio slower/faster (for a
 * time, how many times longer the claimed-slower side takes) at each value of a numeric param
 * {@code x}, with its Fieller interval on fork means, and the value of {@code x} where it
 * crosses 1.
 *
 * <p>T1 under the emulated GIL is the case in point: a child JVM pays its start-up once, so at
 * small work per worker threads win, and at large work processes win because the GIL makes
 * threads take turns. The break-even is the work size where the two cost the same.
 *
 * <p>How it is decided, from the points sorted by {@code x}:
 * <ul>
 *   <li>every interval lies above 1: the claimed-faster side wins at every size measured;
 *       every interval below 1: the claimed-slower side does;</li>
 *   <li>the ratio crosses 1 exactly once, between two neighbouring sizes whose intervals both
 *       exclude 1 (one above, one below): the crossing, interpolated linearly in the ratio
 *       against log x between those two sizes;</li>
 *   <li>otherwise undetermined, saying why: an interval around the crossing includes 1 (or a
 *       side cannot carry a verdict, see {@link Eligibility}), some size shows no significant
 *       difference, or the ratio crosses 1 more than once.</li>
 * </ul>
 *
 * @param spec     the catalog's break-even
 * @param points   one per value of {@code x} measured on both sides, ascending
 * @param kind     what the points say
 * @param crossing the interpolated {@code x} where the ratio is 1; NaN unless {@link Kind#CROSSES}
 * @param text     the finding in one sentence, for the claim's row
 */
public record BreakEven(Spec spec, List<Point> points, Kind kind, double crossing, String text) {

    public enum Kind { CROSSES, FASTER_EVERYWHERE, SLOWER_EVERYWHERE, UNDETERMINED, NOT_MEASURED }

    /**
     * The catalog's {@code "breakEven"} of a claim.
     *
     * @param common      the benchmarks and fixed params of both sides
     * @param x           the numeric param swept, e.g. {@code iterations}
     * @param faster      the params of the side claimed to win at large {@code x} (e.g. model=PROCESS)
     * @param slower      the params of the other side (e.g. model=PLATFORM_THREAD)
     * @param fasterLabel the faster side in words, e.g. "processes"; defaults to its param values
     * @param slowerLabel the slower side in words
     */
    public record Spec(Selector common, String x, Map<String, String> faster, Map<String, String> slower,
                       String fasterLabel, String slowerLabel) {
    }

    /**
     * One size.
     *
     * @param ratio      slower over faster (above 1: the claimed-faster side wins), on fork means
     * @param ineligible why this size cannot count (a side with too few forks, ...); null when it can
     */
    public record Point(double x, String xText, AnalyzedResult faster, AnalyzedResult slower, RatioEstimate ratio,
                        String ineligible) {

        /** +1 when the whole interval lies above 1, -1 when below, 0 when it includes 1 or cannot count. */
        public int sign() {
            if (ineligible != null || !ratio.bounded()) {
                return 0;
            }
            return ratio.low() > 1 ? 1 : ratio.high() < 1 ? -1 : 0;
        }
    }

    /** The break-even of {@code spec} in {@code results}, with ratio intervals at {@code level}. */
    public static BreakEven of(Spec spec, List<AnalyzedResult> results, double level) {
        Selector faster = spec.common().narrowedBy(new Selector(List.of(), spec.faster()));
        Selector slower = spec.common().narrowedBy(new Selector(List.of(), spec.slower()));
        TreeMap<Double, AnalyzedResult[]> bySize = new TreeMap<>();
        for (AnalyzedResult r : results) {
            String value = r.result().params().get(spec.x());
            if (value == null || !isNumber(value)) {
                continue;
            }
            int side = faster.matches(r.result()) ? 0 : slower.matches(r.result()) ? 1 : -1;
            if (side < 0) {
                continue;
            }
            AnalyzedResult[] pair = bySize.computeIfAbsent(Double.parseDouble(value), k -> new AnalyzedResult[2]);
            if (pair[side] != null) {
                return new BreakEven(spec, List.of(), Kind.UNDETERMINED, Double.NaN, "undetermined: several results of one side at "
                        + spec.x() + " = " + value + " (" + pair[side].result().paramsText() + ", " + r.result().paramsText()
                        + "); the catalog's breakEven must fix every other param");
            }
            pair[side] = r;
        }
        boolean smoke = ClaimEvaluator.isSmokeRun(results);
        List<Point> points = new ArrayList<>();
        for (Map.Entry<Double, AnalyzedResult[]> e : bySize.entrySet()) {
            AnalyzedResult f = e.getValue()[0];
            AnalyzedResult s = e.getValue()[1];
            if (f == null || s == null) {
                continue;
            }
            boolean biggerIsBetter = f.result().mode().biggerIsBetter();
            RatioEstimate ratio = biggerIsBetter
                    ? Statistics.ratio(f.result().primary().samples(), s.result().primary().samples(), level)
                    : Statistics.ratio(s.result().primary().samples(), f.result().primary().samples(), level);
            String why = smoke ? VerdictRules.SMOKE_RUN : ineligible(f.result(), s.result());
            points.add(new Point(e.getKey(), f.result().params().get(spec.x()), f, s, ratio, why));
        }
        return decide(spec, points);
    }

    static BreakEven decide(Spec spec, List<Point> points) {
        String fasterName = name(spec.fasterLabel(), spec.faster());
        String slowerName = name(spec.slowerLabel(), spec.slower());
        if (points.size() < 2) {
            return new BreakEven(spec, points, Kind.NOT_MEASURED, Double.NaN,
                    "not measured in this run (needs both sides at two values of " + spec.x() + " or more; found "
                            + points.size() + ")");
        }
        if (points.stream().allMatch(p -> p.sign() > 0)) {
            return new BreakEven(spec, points, Kind.FASTER_EVERYWHERE, Double.NaN,
                    fasterName + " win at every size measured (" + range(spec, points) + ")");
        }
        if (points.stream().allMatch(p -> p.sign() < 0)) {
            return new BreakEven(spec, points, Kind.SLOWER_EVERYWHERE, Double.NaN,
                    slowerName + " win at every size measured (" + range(spec, points) + ")");
        }
        List<Integer> crossings = new ArrayList<>();
        for (int i = 0; i + 1 < points.size(); i++) {
            if ((points.get(i).ratio().ratio() - 1) * (points.get(i + 1).ratio().ratio() - 1) < 0) {
                crossings.add(i);
            }
        }
        if (crossings.size() > 1) {
            return undetermined(spec, points, "the ratio crosses 1 " + crossings.size() + " times");
        }
        if (crossings.isEmpty()) {
            Point unclear = points.stream().filter(p -> p.sign() == 0).findFirst().orElseThrow();
            return undetermined(spec, points, "no crossing, and at " + spec.x() + " = " + unclear.xText() + " " + whyUnclear(unclear));
        }
        Point a = points.get(crossings.get(0));
        Point b = points.get(crossings.get(0) + 1);
        if (a.sign() == 0 || b.sign() == 0) {
            Point unclear = a.sign() == 0 ? a : b;
            return undetermined(spec, points, "the ratio crosses 1 between " + spec.x() + " = " + a.xText() + " and " + b.xText()
                    + ", but at " + unclear.xText() + " " + whyUnclear(unclear));
        }
        if (a.x() <= 0) {
            return undetermined(spec, points, "the ratio crosses 1 between " + spec.x() + " = " + a.xText() + " and " + b.xText()
                    + ", which has no logarithm to interpolate on");
        }
        double la = Math.log10(a.x());
        double lb = Math.log10(b.x());
        double ra = a.ratio().ratio();
        double rb = b.ratio().ratio();
        double crossing = Math.pow(10, la + (1 - ra) * (lb - la) / (rb - ra));
        String above = rb > 1 ? fasterName : slowerName;
        String below = rb > 1 ? slowerName : fasterName;
        return new BreakEven(spec, points, Kind.CROSSES, crossing,
                "break-even at about " + spec.x() + " = " + approximately(crossing) + " (between " + a.xText() + " and " + b.xText()
                        + ", interpolated on log " + spec.x() + "): " + below + " win below it, " + above + " above it");
    }

    private static BreakEven undetermined(Spec spec, List<Point> points, String why) {
        return new BreakEven(spec, points, Kind.UNDETERMINED, Double.NaN, "undetermined: " + why);
    }

    private static String whyUnclear(Point p) {
        if (p.ineligible() != null) {
            return "no verdict can be drawn (" + p.ineligible() + ")";
        }
        return p.ratio().bounded() ? "the ratio's interval includes 1" : "the ratio's interval is unbounded (too noisy)";
    }

    private static String range(Spec spec, List<Point> points) {
        return spec.x() + " " + points.get(0).xText() + " to " + points.get(points.size() - 1).xText();
    }

    private static String name(String label, Map<String, String> params) {
        if (label != null && !label.isBlank()) {
            return label;
        }
        return String.join(", ", params.values());
    }

    /** Why a pair cannot count, naming each side at fault; null when both are eligible. */
    private static String ineligible(BenchmarkResult f, BenchmarkResult s) {
        String fw = Eligibility.whyNot(f);
        String sw = Eligibility.whyNot(s);
        if (fw == null && sw == null) {
            return null;
        }
        return fw == null ? "one side has " + sw : sw == null ? "one side has " + fw : "both sides: " + fw + "; " + sw;
    }

    /** Two significant digits, in powers of ten for large values: {@code 3.2e8}. */
    static String approximately(double x) {
        if (x >= 1e5) {
            int exponent = (int) Math.floor(Math.log10(x));
            double mantissa = x / Math.pow(10, exponent);
            if (Math.round(mantissa * 10) >= 100) {
                mantissa /= 10;
                exponent++;
            }
            return String.format(Locale.ROOT, "%.1fe%d", mantissa, exponent);
        }
        return x >= 100 ? String.format(Locale.ROOT, "%,.0f", x) : String.format(Locale.ROOT, "%.2g", x);
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
