package dev.unitsbench.reports.claims;

import dev.unitsbench.reports.format.Numbers;
import dev.unitsbench.reports.read.BenchmarkResult;
import dev.unitsbench.reports.stats.AnalyzedResult;
import dev.unitsbench.reports.stats.Difference;
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
 * {@code x}, with its interval on fork means (paired by round where the run allows), and the
 * value of {@code x} where it crosses 1, with an interval.
 *
 * <p>T1 under the emulated GIL is the case in point: a child JVM pays its start-up once, so at
 * small work per worker threads win, and at large work processes win because the GIL makes
 * threads take turns. The break-even is the work size where the two cost the same.
 *
 * <p>How it is found: the log ratio is interpolated linearly against log x between neighbouring
 * sizes. The break-even is where that line crosses 0, and its interval is every x in the
 * measured range where the interpolated log ratio's interval (the two sizes' intervals combined,
 * as independent estimates) still contains 0. So a size measured close to the crossing, whose
 * own interval includes 1, narrows the answer instead of breaking it. Every interval above 1:
 * the claimed-faster side wins at every size measured (the mirror for below); a line crossing
 * 0 more than once, or a size without a verdict, leaves it undetermined, saying why.
 *
 * @param spec     the catalog's break-even
 * @param points   one per value of {@code x} measured on both sides, ascending
 * @param kind     what the points say
 * @param crossing the interpolated {@code x} where the ratio is 1; NaN unless {@link Kind#CROSSES}
 * @param low      the lower end of the crossing's interval; NaN unless {@link Kind#CROSSES}
 * @param high     the upper end of the crossing's interval; NaN unless {@link Kind#CROSSES}
 * @param text     the finding in one sentence, for the claim's row
 */
public record BreakEven(Spec spec, List<Point> points, Kind kind, double crossing, double low, double high, String text) {

    /** Grid steps per measured range when the crossing's interval is found. */
    private static final int GRID = 4000;

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
     * @param difference the log of slower over faster (above 0: the claimed-faster side wins), on fork means
     * @param ratio      that ratio with its interval at the break-even's level
     * @param ineligible why this size cannot count (a side with too few forks, ...); null when it can
     */
    public record Point(double x, String xText, AnalyzedResult faster, AnalyzedResult slower, Difference difference,
                        RatioEstimate ratio, String ineligible) {

        /** +1 when the whole interval lies above 1, -1 when below, 0 when it includes 1 or cannot count. */
        public int sign() {
            if (ineligible != null || !ratio.bounded()) {
                return 0;
            }
            return ratio.low() > 1 ? 1 : ratio.high() < 1 ? -1 : 0;
        }
    }

    /** The break-even of {@code spec} in {@code results}, with ratio intervals at {@code level}. */
    public static BreakEven of(Spec spec, List<AnalyzedResult> results, double level, RunDesign design) {
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
                return new BreakEven(spec, List.of(), Kind.UNDETERMINED, Double.NaN, Double.NaN, Double.NaN, "undetermined: several results of one side at "
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
            Difference d = biggerIsBetter
                    ? Statistics.compare(f.result().primary().samples(), s.result().primary().samples(), design.forksInRounds())
                    : Statistics.compare(s.result().primary().samples(), f.result().primary().samples(), design.forksInRounds());
            double point = biggerIsBetter ? f.estimate().mean() / s.estimate().mean() : s.estimate().mean() / f.estimate().mean();
            String why = smoke ? VerdictRules.SMOKE_RUN : ineligible(f.result(), s.result());
            points.add(new Point(e.getKey(), f.result().params().get(spec.x()), f, s, d, d.ratio(level, point), why));
        }
        return decide(spec, points, level);
    }

    static BreakEven decide(Spec spec, List<Point> points, double level) {
        String fasterName = name(spec.fasterLabel(), spec.faster());
        String slowerName = name(spec.slowerLabel(), spec.slower());
        if (points.size() < 2) {
            return new BreakEven(spec, points, Kind.NOT_MEASURED, Double.NaN, Double.NaN, Double.NaN,
                    "not measured in this run (needs both sides at two values of " + spec.x() + " or more; found "
                            + points.size() + ")");
        }
        if (points.stream().allMatch(p -> p.sign() > 0)) {
            return new BreakEven(spec, points, Kind.FASTER_EVERYWHERE, Double.NaN, Double.NaN, Double.NaN,
                    fasterName + " win at every size measured (" + range(spec, points) + ")");
        }
        if (points.stream().allMatch(p -> p.sign() < 0)) {
            return new BreakEven(spec, points, Kind.SLOWER_EVERYWHERE, Double.NaN, Double.NaN, Double.NaN,
                    slowerName + " win at every size measured (" + range(spec, points) + ")");
        }
        Point unclear = points.stream().filter(p -> p.ineligible() != null || p.difference().scale() != Difference.Scale.LOG
                || !p.difference().defined()).findFirst().orElse(null);
        if (unclear != null) {
            return undetermined(spec, points, "at " + spec.x() + " = " + unclear.xText() + " " + whyUnclear(unclear));
        }
        List<Integer> crossings = new ArrayList<>();
        for (int i = 0; i + 1 < points.size(); i++) {
            if (points.get(i).difference().estimate() * points.get(i + 1).difference().estimate() < 0) {
                crossings.add(i);
            }
        }
        if (crossings.size() > 1) {
            return undetermined(spec, points, "the ratio crosses 1 " + crossings.size() + " times");
        }
        if (crossings.isEmpty()) {
            Point open = points.stream().filter(p -> p.sign() == 0).findFirst().orElseThrow();
            return undetermined(spec, points, "no crossing in the measured range, and at " + spec.x() + " = " + open.xText() + " "
                    + whyUnclear(open));
        }
        if (points.get(0).x() <= 0) {
            return undetermined(spec, points, spec.x() + " = " + points.get(0).xText() + " has no logarithm to interpolate on");
        }
        Point a = points.get(crossings.get(0));
        Point b = points.get(crossings.get(0) + 1);
        double ua = Math.log10(a.x());
        double ub = Math.log10(b.x());
        double ya = a.difference().estimate();
        double yb = b.difference().estimate();
        double crossing = Math.pow(10, ua + (0 - ya) * (ub - ua) / (yb - ya));
        double[] interval = interval(points, level, Math.log10(crossing));
        String above = yb > 0 ? fasterName : slowerName;
        String below = yb > 0 ? slowerName : fasterName;
        String first = points.get(0).xText();
        String last = points.get(points.size() - 1).xText();
        String lowText = interval[0] <= Math.log10(points.get(0).x()) ? "at or below " + first : approximately(Math.pow(10, interval[0]));
        String highText = interval[1] >= Math.log10(points.get(points.size() - 1).x()) ? "at or above " + last
                : approximately(Math.pow(10, interval[1]));
        return new BreakEven(spec, points, Kind.CROSSES, crossing, Math.pow(10, interval[0]), Math.pow(10, interval[1]),
                "break-even at about " + spec.x() + " = " + approximately(crossing) + " [" + lowText + " – " + highText + ", "
                        + Numbers.percent(level) + "] (the log ratio interpolated against log " + spec.x() + "): " + below
                        + " win below it, " + above + " above it");
    }

    /**
     * The crossing's interval, on log10 x: the connected stretch around {@code centre} where the
     * interpolated log ratio's interval contains 0 (two neighbouring sizes combined as
     * independent estimates, at the smaller of their degrees of freedom).
     */
    private static double[] interval(List<Point> points, double level, double centre) {
        double first = Math.log10(points.get(0).x());
        double last = Math.log10(points.get(points.size() - 1).x());
        double step = (last - first) / GRID;
        double low = centre;
        while (low - step >= first && containsZero(points, level, low - step)) {
            low -= step;
        }
        double high = centre;
        while (high + step <= last && containsZero(points, level, high + step)) {
            high += step;
        }
        return new double[] {low, high};
    }

    private static boolean containsZero(List<Point> points, double level, double u) {
        for (int i = 0; i + 1 < points.size(); i++) {
            double ua = Math.log10(points.get(i).x());
            double ub = Math.log10(points.get(i + 1).x());
            if (u < ua || u > ub) {
                continue;
            }
            Difference a = points.get(i).difference();
            Difference b = points.get(i + 1).difference();
            double w = (u - ua) / (ub - ua);
            double y = (1 - w) * a.estimate() + w * b.estimate();
            double se = Math.sqrt((1 - w) * (1 - w) * a.se() * a.se() + w * w * b.se() * b.se());
            double t = Statistics.tQuantile(level, Math.min(a.df(), b.df()));
            return Math.abs(y) <= t * se;
        }
        return false;
    }

    private static BreakEven undetermined(Spec spec, List<Point> points, String why) {
        return new BreakEven(spec, points, Kind.UNDETERMINED, Double.NaN, Double.NaN, Double.NaN, "undetermined: " + why);
    }

    private static String whyUnclear(Point p) {
        if (p.ineligible() != null) {
            return "no verdict can be drawn (" + p.ineligible() + ")";
        }
        if (!p.difference().defined()) {
            return "there are too few forks for an interval";
        }
        return p.difference().scale() == Difference.Scale.LOG ? "the ratio's interval includes 1"
                : "a side has fork means of zero or below, which have no ratio";
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
