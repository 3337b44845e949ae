package dev.unitsbench.reports.claims;

import dev.unitsbench.reports.error.UserError;

import java.util.Locale;

/**
 * What a "check" comparison expects of the per-iteration values of one metric, written in the
 * catalog as {@code "SCOPE OP NUMBER"}: {@code "every == 0"} (every measured iteration is
 * zero), {@code "any > 0"} (at least one iteration), {@code "total > 0"} (the sum over
 * iterations), {@code "mean <= 1.5"} (their mean). OP is one of {@code == != < <= > >=}.
 *
 * <p>Per-iteration values, not JMH's summary score: for an {@code @AuxCounters(EVENTS)}
 * counter JMH's score is the sum over iterations, which says nothing about "every iteration".
 */
public record Expectation(Scope scope, String op, double value) {

    public enum Scope { EVERY, ANY, TOTAL, MEAN }

    public static Expectation parse(String text, String where) {
        String[] words = text.trim().split("\\s+");
        if (words.length != 3) {
            throw bad(text, where);
        }
        Scope scope;
        try {
            scope = Scope.valueOf(words[0].toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw bad(text, where);
        }
        if (!java.util.List.of("==", "!=", "<", "<=", ">", ">=").contains(words[1])) {
            throw bad(text, where);
        }
        try {
            return new Expectation(scope, words[1], Double.parseDouble(words[2]));
        } catch (NumberFormatException e) {
            throw bad(text, where);
        }
    }

    private static UserError bad(String text, String where) {
        return new UserError(where + " has \"expect\": \"" + text + "\", which is not SCOPE OP NUMBER: write e.g. \"every == 0\" or \"total > 0\" "
                + "(SCOPE every, any, total or mean; OP == != < <= > >=).");
    }

    /** True when the values (one per measured iteration) meet the expectation; false for no values. */
    public boolean test(double[] values) {
        if (values.length == 0) {
            return false;
        }
        return switch (scope) {
            case EVERY -> {
                for (double v : values) {
                    if (!compare(v)) {
                        yield false;
                    }
                }
                yield true;
            }
            case ANY -> {
                for (double v : values) {
                    if (compare(v)) {
                        yield true;
                    }
                }
                yield false;
            }
            case TOTAL -> compare(sum(values));
            case MEAN -> compare(sum(values) / values.length);
        };
    }

    private boolean compare(double v) {
        return switch (op) {
            case "==" -> v == value;
            case "!=" -> v != value;
            case "<" -> v < value;
            case "<=" -> v <= value;
            case ">" -> v > value;
            default -> v >= value;
        };
    }

    static double sum(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s;
    }

    /** In words, e.g. "zero in every iteration" is written "every iteration == 0". */
    public String describe() {
        String number = value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
        return switch (scope) {
            case EVERY -> "every iteration " + op + " " + number;
            case ANY -> "at least one iteration " + op + " " + number;
            case TOTAL -> "total over the iterations " + op + " " + number;
            case MEAN -> "mean per iteration " + op + " " + number;
        };
    }
}
