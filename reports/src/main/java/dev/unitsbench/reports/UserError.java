package dev.unitsbench.reports;

/**
 * A problem the person running the reporter can fix: bad input file, bad option, an output
 * folder that cannot be written. {@link Main} prints its message as one line on stderr and
 * exits with {@link Main#EXIT_BAD_INPUT}; the message says what is wrong and what to do.
 */
public final class UserError extends RuntimeException {
    public UserError(String message) {
        super(message);
    }

    public UserError(String message, Throwable cause) {
        super(message, cause);
    }
}
