package dev.unitsbench.pinning;

/**
 * How many carrier threads the default virtual-thread scheduler runs: the system property
 * {@code jdk.virtualThreadScheduler.parallelism} when set, else {@code availableProcessors()},
 * as {@code java.lang.VirtualThread} decides it. A pinned virtual thread holds one of them.
 */
final class Carriers {

    static final String PARALLELISM = "jdk.virtualThreadScheduler.parallelism";

    private Carriers() {
    }

    static int count() {
        String set = System.getProperty(PARALLELISM);
        if (set == null || set.isBlank()) {
            return Runtime.getRuntime().availableProcessors();
        }
        try {
            return Math.max(1, Integer.parseInt(set.strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(PARALLELISM + " must be a whole number, got '" + set + "'", e);
        }
    }
}
