package dev.unitsbench.model;

import dev.unitsbench.work.Sleep;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * Refuses to start more child JVMs at once than the memory this run may use holds, so that a
 * large worker count fails early with a clear message instead of swapping the machine to death
 * or waking the OOM killer.
 *
 * <p><b>What one child costs, measured at the start of the run.</b> Preparing the lean child
 * ({@link LeanChildJvm#prepare()}, before the run) starts one lean child that sleeps for
 * {@value #PROBE_SLEEP_MILLIS} ms and samples its {@code /proc/PID/smaps_rollup} while it runs:
 * <ul>
 *   <li>its <em>private</em> memory: {@code Anonymous} (heap, metaspace, thread stacks, JIT code,
 *       the archive pages it wrote to) plus its page tables ({@code VmPTE}). Every child pays it,
 *       so it is counted once per child, times {@value #MARGIN_FACTOR} plus {@value #MARGIN_MIB}
 *       MiB of margin for a workload that allocates more than a sleep;</li>
 *   <li>its <em>shared</em> memory: the file-backed rest of its {@code Rss} (libjvm, the JDK's and
 *       the suite's class-data archives, the thin jar). The page cache holds those pages once
 *       however many children map them, so they are counted once.</li>
 * </ul>
 * The JVM that measured hands the figures to the JMH forks it starts ({@link #forkOptions()}).
 * {@code -D}{@value #FOOTPRINT_PROPERTY}{@code =MiB} replaces the measurement by a fixed figure
 * per child; where nothing was measured (not Linux, or a JVM that neither prepared a lean child
 * nor was handed a measurement), {@link #FALLBACK_FOOTPRINT_MIB} stands in.
 *
 * <p><b>What the run may use:</b> the least of {@code MemAvailable} ({@code /proc/meminfo}), the
 * room left under this process's cgroup limit (v2 {@code memory.max}, v1
 * {@code memory.limit_in_bytes}: a container's {@code MemAvailable} shows the host's memory) and
 * {@code -D}{@value #LIMIT_PROPERTY}{@code =MiB}, which mimics a smaller machine (a 16 GB hosted
 * runner: 15360).
 */
public final class ChildMemoryGuard {

    /** System property: a fixed estimate of one child, in MiB, instead of the measured one. */
    public static final String FOOTPRINT_PROPERTY = "bench.childFootprintMiB";

    /** System property: a cap, in MiB, on the memory the guard believes this run may use. */
    public static final String LIMIT_PROPERTY = "bench.memoryLimitMiB";

    /** Set on JMH forks by {@link #forkOptions()}: "privateKiB,sharedKiB" of the measured child. */
    static final String MEASURED_PROPERTY = "unitsbench.childFootprintMeasured";

    /** One child's estimate where none can be measured (no /proc): a lean child's resident size, rounded up. */
    public static final long FALLBACK_FOOTPRINT_MIB = 48;

    /** The measured private memory of a child is multiplied by this... */
    static final double MARGIN_FACTOR = 1.25;

    /** ...and this many MiB are added, for workloads that allocate more than the probe's sleep. */
    static final long MARGIN_MIB = 4;

    /** How long the probe child sleeps while it is sampled. */
    static final long PROBE_SLEEP_MILLIS = 1000;

    /** How much longer than its sleep the probe child may take (a slow start) before it is stopped. */
    private static final long PROBE_GRACE_MILLIS = 30_000;

    private static final long SAMPLE_MILLIS = 50;
    private static final Path MEMINFO = Path.of("/proc/meminfo");
    private static final Path CGROUP_ROOT = Path.of("/sys/fs/cgroup");
    private static final long NO_LIMIT = Long.MAX_VALUE;

    /**
     * What one child costs: {@code perChildKiB} for each child (margin included), and
     * {@code sharedKiB} once for all of them; {@code source} says where the figures come from.
     */
    public record Footprint(long perChildKiB, long sharedKiB, String source) {

        /** The memory {@code children} children need together, in KiB. */
        long neededKiB(int children) {
            return sharedKiB + children * perChildKiB;
        }

        /** The most children that fit in {@code availableKiB}. */
        long fitting(long availableKiB) {
            return Math.max(0, (availableKiB - sharedKiB) / perChildKiB);
        }

        /** From a measured child's private and shared memory, with the margin added to the private part. */
        static Footprint measured(long privateKiB, long sharedKiB) {
            long perChild = (long) Math.ceil(privateKiB * MARGIN_FACTOR) + (MARGIN_MIB << 10);
            return new Footprint(perChild, sharedKiB, String.format(Locale.ROOT,
                    "a lean child measured at the start of the run: %d MiB private, x%.2f + %d MiB margin, %d MiB shared once",
                    privateKiB >> 10, MARGIN_FACTOR, MARGIN_MIB, sharedKiB >> 10));
        }

        static Footprint fixed(long mib, String why) {
            return new Footprint(mib << 10, 0, mib + " MiB per child (" + why + ")");
        }
    }

    /** The memory this run may use and what limits it. */
    record Budget(long availableKiB, String source) {
    }

    /** The measured footprint of this JVM's lean child; guarded by the class. */
    private static Footprint measured;

    private ChildMemoryGuard() {
    }

    /**
     * Checks that {@code children} child JVMs fit in the memory this run may use now.
     *
     * @throws InsufficientMemoryException if they don't, saying how many fit and what to change
     */
    public static void check(int children) {
        Optional<Budget> budget = budget();
        if (budget.isEmpty()) {
            return; // Not Linux and no cap: nothing to compare against; the OS will have to cope.
        }
        check(children, footprint(), budget.get());
    }

    /**
     * The most child JVMs that fit at once in the memory this run may use now, or
     * {@link Integer#MAX_VALUE} when that memory is unknown.
     */
    public static int fittingChildren() {
        return budget().map(b -> (int) Math.min(Integer.MAX_VALUE, footprint().fitting(b.availableKiB())))
                .orElse(Integer.MAX_VALUE);
    }

    static void check(int children, Footprint footprint, Budget budget) {
        long neededKiB = footprint.neededKiB(children);
        if (neededKiB > budget.availableKiB()) {
            long fit = footprint.fitting(budget.availableKiB());
            throw new InsufficientMemoryException(children + " child JVMs need about " + (neededKiB >> 10) + " MiB ("
                    + footprint.source() + ") but only " + (budget.availableKiB() >> 10) + " MiB is available ("
                    + budget.source() + "): at most " + fit + " fit. Run fewer workers (JMH: -p workers=" + fit
                    + "), give the run more memory, or, if the estimate is wrong for your JVM, set -D"
                    + FOOTPRINT_PROPERTY + "=<MiB per child>.");
        }
    }

    /**
     * For a run that holds many small units in one process (a million virtual threads or asyncio
     * tasks): "needs X GB, Y GB available" when {@code neededBytes} exceed the memory this run may
     * use now; empty when they fit or that memory is unknown.
     */
    public static Optional<String> shortfall(long neededBytes) {
        Optional<Budget> budget = budget();
        if (budget.isEmpty() || neededBytes <= budget.get().availableKiB() << 10) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "needs %.1f GB, %.1f GB available",
                neededBytes / 1e9, (budget.get().availableKiB() << 10) / 1e9));
    }

    /**
     * Measures {@code launcher}'s child once in this JVM, unless a fixed figure was asked for or
     * the JVM that started this one handed its measurement on. Call it outside any timed region.
     */
    static synchronized void measureOnce(ChildJvmLauncher launcher) {
        if (measured != null || !System.getProperty(FOOTPRINT_PROPERTY, "").isBlank()
                || System.getProperty(MEASURED_PROPERTY) != null) {
            return;
        }
        measured = measure(launcher).orElse(null);
    }

    /** JVM options that hand this JVM's measurement to the JMH forks it starts (none if it has none). */
    public static synchronized List<String> forkOptions() {
        if (measured == null) {
            return List.of();
        }
        return List.of("-D" + MEASURED_PROPERTY + "=" + measured.perChildKiB() + "," + measured.sharedKiB());
    }

    /** What one child costs in this JVM: the fixed figure asked for, the handed or measured one, or the fallback. */
    static Footprint footprint() {
        String fixed = System.getProperty(FOOTPRINT_PROPERTY, "");
        if (!fixed.isBlank()) {
            return Footprint.fixed(positiveMiB(FOOTPRINT_PROPERTY, fixed), "-D" + FOOTPRINT_PROPERTY);
        }
        String handed = System.getProperty(MEASURED_PROPERTY);
        if (handed != null) {
            String[] kib = handed.split(",");
            return new Footprint(Long.parseLong(kib[0]), Long.parseLong(kib[1]), String.format(Locale.ROOT,
                    "a lean child measured at the start of the run: %d MiB each with margin, %d MiB shared once",
                    Long.parseLong(kib[0]) >> 10, Long.parseLong(kib[1]) >> 10));
        }
        synchronized (ChildMemoryGuard.class) {
            return measured != null ? measured
                    : Footprint.fixed(FALLBACK_FOOTPRINT_MIB, "no lean child measured in this JVM: the fixed estimate");
        }
    }

    /**
     * Starts one child of {@code launcher} that sleeps {@value #PROBE_SLEEP_MILLIS} ms and keeps
     * the largest private and shared memory seen while it runs; empty where /proc cannot tell.
     */
    static Optional<Footprint> measure(ChildJvmLauncher launcher) {
        Process child;
        try {
            child = launcher.start(Sleep.of(PROBE_SLEEP_MILLIS).toArgs());
        } catch (IOException e) {
            System.err.println("child JVMs: could not start a child to measure its memory: " + e.getMessage());
            return Optional.empty();
        }
        long privateKiB = 0;
        long sharedKiB = 0;
        try (InputStream out = child.getInputStream()) {
            Path proc = Path.of("/proc", Long.toString(child.pid()));
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(PROBE_SLEEP_MILLIS + PROBE_GRACE_MILLIS);
            while (!child.waitFor(SAMPLE_MILLIS, TimeUnit.MILLISECONDS) && System.nanoTime() < deadline) {
                try {
                    MemorySample sample = MemorySample.parse(Files.readString(proc.resolve("smaps_rollup")),
                            Files.readString(proc.resolve("status")));
                    privateKiB = Math.max(privateKiB, sample.privateKiB());
                    sharedKiB = Math.max(sharedKiB, sample.sharedKiB());
                } catch (IOException | RuntimeException e) {
                    // Not Linux, or the child exited between the check and the read.
                }
            }
            if (!child.isAlive()) {
                out.transferTo(OutputStream.nullOutputStream()); // the result line, not needed
            }
        } catch (IOException e) {
            // Reading the result line failed: the samples are what counts.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            child.destroyForcibly();
        }
        return privateKiB > 0 ? Optional.of(Footprint.measured(privateKiB, sharedKiB)) : Optional.empty();
    }

    /** One reading of a process's memory, in KiB. */
    record MemorySample(long privateKiB, long sharedKiB) {

        /** From the text of /proc/PID/smaps_rollup and /proc/PID/status. */
        static MemorySample parse(String smapsRollup, String status) {
            long rss = kib(smapsRollup, "Rss:");
            long anonymous = kib(smapsRollup, "Anonymous:");
            long pageTables = kib(status, "VmPTE:");
            return new MemorySample(anonymous + pageTables, Math.max(0, rss - anonymous));
        }
    }

    /** The memory this run may use: the least of MemAvailable, the cgroup's room and the cap; empty if none is known. */
    static Optional<Budget> budget() {
        long cap = System.getProperty(LIMIT_PROPERTY, "").isBlank() ? NO_LIMIT
                : positiveMiB(LIMIT_PROPERTY, System.getProperty(LIMIT_PROPERTY)) << 10;
        return budget(memAvailableBytes(), cgroupRoomBytes(), cap);
    }

    static Optional<Budget> budget(OptionalLong memAvailableBytes, OptionalLong cgroupRoomBytes, long capKiB) {
        long best = NO_LIMIT;
        String source = null;
        if (memAvailableBytes.isPresent()) {
            best = memAvailableBytes.getAsLong() >> 10;
            source = "MemAvailable";
        }
        if (cgroupRoomBytes.isPresent() && (cgroupRoomBytes.getAsLong() >> 10) < best) {
            best = cgroupRoomBytes.getAsLong() >> 10;
            source = "the room left under this cgroup's memory limit";
        }
        if (capKiB < best) {
            best = capKiB;
            source = "-D" + LIMIT_PROPERTY + "=" + (capKiB >> 10);
        }
        return source == null ? Optional.empty() : Optional.of(new Budget(best, source));
    }

    static long positiveMiB(String property, String value) {
        try {
            long mib = Long.parseLong(value.strip());
            if (mib > 0) {
                return mib;
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new IllegalArgumentException("-D" + property + " must be a positive number of MiB, got '" + value + "'");
    }

    /** Linux's estimate of the memory that new processes can use without swapping, if known. */
    static OptionalLong memAvailableBytes() {
        try {
            long kib = kib(Files.readString(MEMINFO), "MemAvailable:");
            return kib > 0 ? OptionalLong.of(kib << 10) : OptionalLong.empty();
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty(); // No /proc/meminfo, or a format we do not know.
        }
    }

    /** The memory left under this process's cgroup limit (v2 or v1), if it has one. */
    static OptionalLong cgroupRoomBytes() {
        try {
            return cgroupRoom(Files.readString(Path.of("/proc/self/cgroup")), CGROUP_ROOT);
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /**
     * The room under the limit of the cgroup that {@code procSelfCgroup} names, read below
     * {@code root}: v2's {@code memory.max} minus {@code memory.current}, else v1's
     * {@code memory.limit_in_bytes} minus {@code memory.usage_in_bytes}. Looks in the process's
     * own cgroup folder first, then at the root of the mount (a container sees its own cgroup there).
     */
    static OptionalLong cgroupRoom(String procSelfCgroup, Path root) {
        for (String line : procSelfCgroup.lines().toList()) {
            String[] parts = line.split(":", 3);
            if (parts.length < 3) {
                continue;
            }
            String path = parts[2].startsWith("/") ? parts[2].substring(1) : parts[2];
            if (parts[0].equals("0") && parts[1].isEmpty()) {
                OptionalLong room = room(List.of(root.resolve(path), root), "memory.max", "memory.current");
                if (room.isPresent()) {
                    return room;
                }
            } else if (List.of(parts[1].split(",")).contains("memory")) {
                Path v1 = root.resolve("memory");
                OptionalLong room = room(List.of(v1.resolve(path), v1), "memory.limit_in_bytes", "memory.usage_in_bytes");
                if (room.isPresent()) {
                    return room;
                }
            }
        }
        return OptionalLong.empty();
    }

    private static OptionalLong room(List<Path> folders, String limitFile, String usageFile) {
        for (Path folder : folders) {
            try {
                String limit = Files.readString(folder.resolve(limitFile)).strip();
                long usage = Long.parseLong(Files.readString(folder.resolve(usageFile)).strip());
                // "max" (v2) or a page-rounded Long.MAX_VALUE (v1) means no limit.
                if (limit.equals("max") || Long.parseLong(limit) >= (1L << 60)) {
                    return OptionalLong.empty();
                }
                return OptionalLong.of(Math.max(0, Long.parseLong(limit) - usage));
            } catch (IOException | RuntimeException e) {
                // Not there, or not readable: try the next folder.
            }
        }
        return OptionalLong.empty();
    }

    /** The number of kB after {@code key} at the start of a line of {@code text}, 0 if absent. */
    static long kib(String text, String key) {
        for (String line : text.lines().toList()) {
            if (line.startsWith(key)) {
                return Long.parseLong(line.substring(key.length()).strip().split("\\s+")[0]);
            }
        }
        return 0;
    }
}
