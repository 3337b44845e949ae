package dev.unitsbench.reports.format;

import dev.unitsbench.reports.stats.Estimate;
import dev.unitsbench.reports.stats.RatioEstimate;

import java.util.Locale;

/**
 * How numbers read in the report: about four significant digits, a dot as decimal mark,
 * thousands grouped, every mean with its unit, interval and sample count.
 */
public final class Numbers {

    private Numbers() {
    }

    /**
     * An input file as the page names it, so that a report names no folder of the machine it
     * was made on: relative to the working folder and normalised when it lies in that folder or
     * in its parent ({@code ../benchmarks/target/jmh-result.json} from the reports module, as
     * {@code mvn verify -Pbench} runs it, not {@code /home/.../reports/../benchmarks/...});
     * elsewhere by its file name alone.
     */
    public static String inputName(java.nio.file.Path file) {
        java.nio.file.Path absolute = file.toAbsolutePath().normalize();
        java.nio.file.Path cwd = java.nio.file.Path.of("").toAbsolutePath().normalize();
        java.nio.file.Path parent = cwd.getParent() == null ? cwd : cwd.getParent();
        if (!absolute.startsWith(parent) || absolute.equals(parent)) {
            return String.valueOf(absolute.getFileName());
        }
        return cwd.relativize(absolute).toString();
    }

    public static String format(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "∞" : "-∞";
        }
        double abs = Math.abs(value);
        if (abs >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (abs >= 100) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        if (abs >= 10) {
            return String.format(Locale.ROOT, "%.2f", value);
        }
        if (abs >= 1 || abs == 0) {
            return String.format(Locale.ROOT, "%.3f", value);
        }
        return String.format(Locale.ROOT, "%.3g", value);
    }

    /** e.g. {@code 1,234 ms/op}. */
    public static String mean(Estimate e) {
        return format(e.mean()) + " " + e.unit();
    }

    /** e.g. {@code 95% CI 1,200 – 1,268, 3 forks x 5 iterations}, or {@code 1 fork: no interval, 2 iterations}. */
    public static String interval(Estimate e) {
        if (!e.hasInterval()) {
            return e.n() <= 1 ? "1 fork: no interval, " + e.iterations() + (e.iterations() == 1 ? " iteration" : " iterations")
                    : e.n() + " forks, no interval";
        }
        return percent(e.level()) + " CI " + format(e.low()) + " – " + format(e.high()) + ", " + replicates(e);
    }

    /** e.g. {@code 3 forks, 15 iterations}. */
    public static String replicates(Estimate e) {
        return e.n() + (e.n() == 1 ? " fork, " : " forks, ") + e.iterations() + (e.iterations() == 1 ? " iteration" : " iterations");
    }

    /** e.g. {@code 3.30x}. */
    public static String times(double ratio) {
        return format(ratio) + "x";
    }

    /** e.g. {@code 2.90x – 3.71x}, or "unbounded" when the denominator's interval reaches zero. */
    public static String ratioInterval(RatioEstimate r) {
        if (!r.bounded()) {
            return "unbounded (too noisy)";
        }
        return times(r.low()) + " – " + times(r.high());
    }

    public static String percent(double fraction) {
        double p = fraction * 100;
        return (p == Math.rint(p) ? String.valueOf((long) p) : format(p)) + "%";
    }

    /** A p-value: exact to three significant digits, or "< 0.0001". */
    public static String pValue(double p) {
        if (Double.isNaN(p)) {
            return "undefined";
        }
        if (p < 1e-4) {
            return "< 0.0001";
        }
        return String.format(Locale.ROOT, "%.3g", p);
    }

    /** A signed percentage change, e.g. {@code +12.5%}. */
    public static String signedPercent(double percent) {
        return (percent > 0 ? "+" : "") + format(percent) + "%";
    }
}
