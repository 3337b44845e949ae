package dev.unitsbench.child;

import java.util.OptionalLong;

/**
 * The plain-text protocol between a parent and the child JVM it starts, shared by both sides.
 *
 * <ul>
 *   <li>Parent to child: the workload as command-line words ({@code Workload.toArgs()}); standard
 *       input is closed at once.</li>
 *   <li>Child to parent: one line on standard output, {@code result <long>}, then exit status 0.
 *       A failure is told on standard error, with a non-zero exit status.</li>
 * </ul>
 *
 * <p>No Java serialization is involved: a child trusts nothing but a few words and numbers.
 */
public final class ChildProtocol {

    /** Prefix of the one line a child prints when its workload finished. */
    public static final String RESULT_PREFIX = "result ";

    /** Exit status of a child whose workload threw. */
    public static final int EXIT_WORKLOAD_FAILED = 1;

    /** Exit status of a child whose command line named no valid workload. */
    public static final int EXIT_BAD_ARGUMENTS = 2;

    /** Exit status of a child that stopped because its parent is gone. */
    public static final int EXIT_ORPHANED = 3;

    private ChildProtocol() {
    }

    public static String resultLine(long result) {
        return RESULT_PREFIX.concat(Long.toString(result)); // no '+': no invokedynamic on a child's start path
    }

    /** The result carried by a child's output, if it holds a well-formed result line. */
    public static OptionalLong parseResult(String output) {
        for (String line : output.split("\n")) {
            if (line.startsWith(RESULT_PREFIX)) {
                try {
                    return OptionalLong.of(Long.parseLong(line.substring(RESULT_PREFIX.length()).strip()));
                } catch (NumberFormatException e) {
                    return OptionalLong.empty();
                }
            }
        }
        return OptionalLong.empty();
    }
}
