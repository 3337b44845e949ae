package dev.unitsbench.reports.crosscheck;

import dev.unitsbench.reports.stats.Estimate;

import java.util.Locale;

/** Converts time estimates to seconds, the unit of the CPython cross-check, so the two read side by side. */
public final class Seconds {

    private Seconds() {
    }

    /** Seconds per one of {@code unit} ("ms/op", "us/op", "s", ...); NaN when it is not a time unit. */
    public static double factor(String unit) {
        String u = unit.endsWith("/op") ? unit.substring(0, unit.length() - 3) : unit;
        return switch (u.toLowerCase(Locale.ROOT)) {
            case "ns" -> 1e-9;
            case "us", "µs" -> 1e-6;
            case "ms" -> 1e-3;
            case "s" -> 1;
            case "min" -> 60;
            default -> Double.NaN;
        };
    }

    /** The estimate in seconds, or null when its unit is not a time. */
    public static Estimate of(Estimate e) {
        double f = factor(e.unit());
        if (Double.isNaN(f)) {
            return null;
        }
        return new Estimate(e.mean() * f, e.low() * f, e.high() * f, e.sd() * f, e.n(), e.level(), "s", e.iterations());
    }
}
