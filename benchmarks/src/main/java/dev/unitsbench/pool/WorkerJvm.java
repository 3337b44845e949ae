package dev.unitsbench.pool;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import dev.unitsbench.model.ChildJvmLauncher;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * The JVM flags of the pool family's worker JVMs (claims Q9 and Q5, issue 11.7: same conditions).
 *
 * <p>The thread models of these benchmarks run in the benchmark's own JVM: its GC (G1 by default
 * on a machine with 2 CPUs and 2 GiB or more) and its heap (a quarter of the RAM by default). A
 * worker JVM started with the suite's lean child flags would scan the same logs under the serial
 * GC in a 64 MiB heap: a different collector, collecting far more often. So by default the
 * workers get the benchmark JVM's own collector and heap bounds, read from the running JVM
 * ({@link #SAME_AS_BENCHMARK}); the lean flags stay one {@code -p workerJvm=LEAN} away, to see what
 * they change. (The other way round, running the benchmark JVM with the workers' lean flags,
 * would measure the threads in a JVM that no Java programmer runs a server in.)
 */
public enum WorkerJvm {

    /**
     * The benchmark JVM's garbage collector ({@code -XX:+Use<GC>GC}) and heap bounds
     * ({@code -Xms}/{@code -Xmx} equal to its InitialHeapSize and MaxHeapSize), plus the lean
     * flags that change no behaviour of the work ({@code -XX:-UsePerfData}, {@code -Xshare:auto}).
     */
    SAME_AS_BENCHMARK {
        @Override
        List<String> flags() {
            return sameGcAndHeapAsThisJvm();
        }
    },

    /** The suite's lean child flags ({@link ChildJvmLauncher#LEAN_JVM_FLAGS}): serial GC, 8-64 MiB heap. */
    LEAN {
        @Override
        List<String> flags() {
            return ChildJvmLauncher.LEAN_JVM_FLAGS;
        }
    };

    /** The collectors HotSpot selects with a {@code -XX:+Use...GC} flag, in the order they are looked for. */
    static final List<String> GC_FLAGS = List.of("UseSerialGC", "UseParallelGC", "UseG1GC", "UseZGC", "UseShenandoahGC", "UseEpsilonGC");

    /** The worker JVMs' flags. */
    abstract List<String> flags();

    /** A launcher of worker JVMs with these flags, on this JVM's JDK and class path. */
    ChildJvmLauncher launcher() {
        return ChildJvmLauncher.withFlags(flags());
    }

    /** This JVM's collector and heap bounds as command-line flags, with the behaviour-neutral lean flags. */
    static List<String> sameGcAndHeapAsThisJvm() {
        HotSpotDiagnosticMXBean hotSpot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        List<String> flags = new ArrayList<>();
        for (String gc : GC_FLAGS) {
            if (isOn(hotSpot, gc)) {
                flags.add("-XX:+" + gc);
                break;
            }
        }
        flags.add("-Xms" + heapFlag(hotSpot.getVMOption("InitialHeapSize")));
        flags.add("-Xmx" + heapFlag(hotSpot.getVMOption("MaxHeapSize")));
        flags.add("-XX:-UsePerfData");
        flags.add("-Xshare:auto");
        return List.copyOf(flags);
    }

    private static boolean isOn(HotSpotDiagnosticMXBean hotSpot, String flag) {
        try {
            return Boolean.parseBoolean(hotSpot.getVMOption(flag).getValue());
        } catch (IllegalArgumentException e) {
            return false; // a collector this JVM was built without
        }
    }

    /** A heap size in bytes as a flag value: in KiB, which every size HotSpot picks is a multiple of. */
    static String heapFlag(VMOption bytes) {
        return Long.parseLong(bytes.getValue()) / 1024 + "k";
    }
}
