package dev.unitsbench.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Refuses to start more child JVMs at once than the machine's available memory holds, so that
 * a large worker count fails early with a clear message instead of swapping the machine to death
 * or waking the OOM killer.
 */
public final class ChildMemoryGuard {

    /** System property that overrides {@link #DEFAULT_FOOTPRINT_MIB}, in MiB. */
    public static final String FOOTPRINT_PROPERTY = "bench.childFootprintMiB";

    /**
     * Expected resident memory of one lean child JVM running a workload. A sleeping child started
     * with {@link ChildJvmLauncher#LEAN_JVM_FLAGS} had 41 MiB of VmRSS (/proc/PID/status) on JDK 25
     * (Temurin, Linux x86_64, 2026-11-23); rounded up for headroom.
     */
    public static final long DEFAULT_FOOTPRINT_MIB = 48;

    private static final Path MEMINFO = Path.of("/proc/meminfo");

    private ChildMemoryGuard() {
    }

    /**
     * Checks that {@code children} child JVMs fit in the memory available now.
     *
     * @throws InsufficientMemoryException if they don't, saying how many fit and what to change
     */
    public static void check(int children) {
        OptionalLong available = memAvailableBytes();
        if (available.isEmpty()) {
            return; // Not Linux: nothing to compare against; the OS will have to cope.
        }
        check(children, footprintMiB(), available.getAsLong());
    }

    static void check(int children, long footprintMiB, long availableBytes) {
        long availableMiB = availableBytes >> 20;
        long neededMiB = children * footprintMiB;
        if (neededMiB > availableMiB) {
            long fit = availableMiB / footprintMiB;
            throw new InsufficientMemoryException(children + " child JVMs need about " + neededMiB + " MiB ("
                    + footprintMiB + " MiB each) but only " + availableMiB + " MiB is available (MemAvailable): at most "
                    + fit + " fit. Run fewer workers (JMH: -p workers=" + fit + ") or, if " + footprintMiB
                    + " MiB is wrong for your JVM, set -D" + FOOTPRINT_PROPERTY + "=<MiB>.");
        }
    }

    /**
     * For a run that holds many small units in one process (a million virtual threads or asyncio
     * tasks): "needs X GB, Y GB available" when {@code neededBytes} exceed the memory available now;
     * empty when they fit or the available memory is unknown.
     */
    public static Optional<String> shortfall(long neededBytes) {
        OptionalLong available = memAvailableBytes();
        if (available.isEmpty() || neededBytes <= available.getAsLong()) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "needs %.1f GB, %.1f GB available",
                neededBytes / 1e9, available.getAsLong() / 1e9));
    }

    static long footprintMiB() {
        String value = System.getProperty(FOOTPRINT_PROPERTY, "");
        if (value.isBlank()) {
            return DEFAULT_FOOTPRINT_MIB;
        }
        try {
            long mib = Long.parseLong(value.strip());
            if (mib > 0) {
                return mib;
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new IllegalArgumentException("-D" + FOOTPRINT_PROPERTY + " must be a positive number of MiB, got '" + value + "'");
    }

    /** Linux's estimate of the memory that new processes can use without swapping, if known. */
    static OptionalLong memAvailableBytes() {
        try {
            List<String> lines = Files.readAllLines(MEMINFO);
            for (String line : lines) {
                if (line.startsWith("MemAvailable:")) {
                    String[] parts = line.substring("MemAvailable:".length()).trim().split("\\s+");
                    return OptionalLong.of(Long.parseLong(parts[0]) * 1024); // the kernel reports kB
                }
            }
        } catch (IOException | RuntimeException e) {
            // No /proc/meminfo, or a format we do not know.
        }
        return OptionalLong.empty();
    }
}
