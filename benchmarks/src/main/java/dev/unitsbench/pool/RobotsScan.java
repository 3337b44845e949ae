package dev.unitsbench.pool;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;

/**
 * The tutorial's {@code find_robots(filename)} (claim Q9): gunzip one web-server log, split each
 * line at whitespace, and collect the host (field 0) of every request whose path (field 6) is
 * exactly {@code /robots.txt}. Every execution model runs this same method on each file.
 *
 * <p>The host set also has a text form, for a worker JVM to send it back over a pipe: the hosts
 * in sorted order, separated by single spaces (a host never contains one).
 */
public final class RobotsScan {

    /** The path the tutorial looks for. */
    public static final String ROBOTS = "/robots.txt";

    private static final int HOST_FIELD = 0;
    private static final int PATH_FIELD = 6;

    private RobotsScan() {
    }

    /** The hosts that fetched {@code /robots.txt} in one gzip log. */
    public static Set<String> findRobots(Path file) throws IOException {
        Set<String> robots = new TreeSet<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file), 1 << 16), StandardCharsets.US_ASCII), 1 << 16)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (ROBOTS.equals(field(line, PATH_FIELD))) {
                    robots.add(field(line, HOST_FIELD));
                }
            }
        }
        return robots;
    }

    /**
     * Field {@code index} of a line split at runs of whitespace, as Python's {@code str.split()}
     * does; {@code null} if the line has fewer fields (Python would raise; a short line here is
     * simply not a robots.txt request).
     */
    static String field(String line, int index) {
        int n = line.length();
        int i = 0;
        for (int f = 0; ; f++) {
            while (i < n && Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            if (i == n) {
                return null;
            }
            int start = i;
            while (i < n && !Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            if (f == index) {
                return line.substring(start, i);
            }
        }
    }

    /** The text form of a host set: sorted, space-separated; empty for no host. */
    public static String toText(Collection<String> hosts) {
        return String.join(" ", new TreeSet<>(hosts));
    }

    /** Parses {@link #toText}'s form. */
    public static Set<String> fromText(String text) {
        Set<String> hosts = new TreeSet<>();
        if (!text.isBlank()) {
            hosts.addAll(Arrays.asList(text.strip().split(" ")));
        }
        return hosts;
    }
}
