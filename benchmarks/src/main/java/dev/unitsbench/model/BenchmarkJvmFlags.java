package dev.unitsbench.model;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * This JVM's garbage collector and heap bounds as the flags of a child JVM, for a family whose
 * child JVMs must run under the same conditions as the threads they are compared with: a pool's
 * workers scan logs, a pre-forked server's children echo lines, while the thread
 * models do the same work in this JVM, with its collector and heap.
 *
 * <p>Read from the running JVM (HotSpot's {@code Use...GC}, {@code InitialHeapSize} and
 * {@code MaxHeapSize}), so it follows whatever the benchmark JVM was started with: JMH's default
 * (G1, a heap of a quarter of the RAM on a machine with 2 CPUs and 2 GiB or more) or a
 * {@code -jvmArgs} of the caller's.
 */
public final class BenchmarkJvmFlags {

    /** The collectors HotSpot selects with a {@code -XX:+Use...GC} flag, in the order they are looked for. */
    static final List<String> GC_FLAGS = List.of("UseSerialGC", "UseParallelGC", "UseG1GC", "UseZGC", "UseShenandoahGC", "UseEpsilonGC");

    private BenchmarkJvmFlags() {
    }

    /**
     * This JVM's collector ({@code -XX:+Use<GC>GC}) and heap bounds ({@code -Xms}/{@code -Xmx} equal
     * to its InitialHeapSize and MaxHeapSize, in KiB), followed by {@code extraFlags}.
     */
    public static List<String> gcAndHeap(List<String> extraFlags) {
        HotSpotDiagnosticMXBean hotSpot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        List<String> flags = new ArrayList<>();
        for (String gc : GC_FLAGS) {
            if (isOn(hotSpot, gc)) {
                flags.add("-XX:+" + gc);
                break;
            }
        }
        flags.add("-Xms" + kib(hotSpot, "InitialHeapSize"));
        flags.add("-Xmx" + kib(hotSpot, "MaxHeapSize"));
        flags.addAll(extraFlags);
        return List.copyOf(flags);
    }

    /**
     * {@link #gcAndHeap} with the lean flags that change nothing the work does: no perf-data file
     * per child, class-data sharing with the JDK's archive.
     */
    public static List<String> gcAndHeapOfThisJvm() {
        return gcAndHeap(List.of("-XX:-UsePerfData", "-Xshare:auto"));
    }

    private static boolean isOn(HotSpotDiagnosticMXBean hotSpot, String flag) {
        try {
            return Boolean.parseBoolean(hotSpot.getVMOption(flag).getValue());
        } catch (IllegalArgumentException e) {
            return false; // a collector this JVM was built without
        }
    }

    /** A heap size as a flag value in KiB, which every size HotSpot picks is a multiple of. */
    private static String kib(HotSpotDiagnosticMXBean hotSpot, String option) {
        return Long.parseLong(hotSpot.getVMOption(option).getValue()) / 1024 + "k";
    }
}
