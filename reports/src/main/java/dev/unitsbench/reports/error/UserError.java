package dev.unitsbench.reports.error;

/**
 * A problem the person running the reporter can fix: bad input file, bad option, an output
 * folder that cannot be written. Any stage may throw it; {@code Main} prints its message as
 * one line on stderr and exits with {@code Main.EXIT_BAD_INPUT}. The message says what is
 * wrong and what to do.
 *
 * <p>It lives in a package of its own that imports nothing of the reporter, so that every
 * stage can throw it without an arrow back up to {@code Main}'s package.
 */
public final class UserError extends RuntimeException {
    public UserError(String message) {
        super(message);
    }

    public UserError(String message, Throwable cause) {
        super(message, cause);
    }
}
