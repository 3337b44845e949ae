package dev.unitsbench.pool;

import dev.unitsbench.model.BenchmarkJvmFlags;
import dev.unitsbench.model.ChildJvmLauncher;
import java.util.List;

/**
 * The JVM flags of the pool family's worker JVMs (claims Q9 and Q5: the same conditions as the threads).
 *
 * <p>The thread models of these benchmarks run in the benchmark's own JVM: its GC (G1 by default
 * on a machine with 2 CPUs and 2 GiB or more) and its heap (a quarter of the RAM by default). A
 * worker JVM started with the suite's lean child flags would scan the same logs under the serial
 * GC in a 64 MiB heap: a different collector, collecting far more often. So by default the
 * workers get the benchmark JVM's own collector and heap bounds, read from the running JVM
 * ({@link #SAME_AS_BENCHMARK}, {@link BenchmarkJvmFlags}); the lean flags stay one
 * {@code -p workerJvm=LEAN} away, to see what they change. (The other way round, running the benchmark JVM with the workers' lean flags,
 * would measure the threads in a JVM that no Java programmer runs a server in.)
 */
public enum WorkerJvmFlags {

    /**
     * The benchmark JVM's garbage collector ({@code -XX:+Use<GC>GC}) and heap bounds
     * ({@code -Xms}/{@code -Xmx} equal to its InitialHeapSize and MaxHeapSize), plus the lean
     * flags that change no behaviour of the work ({@code -XX:-UsePerfData}, {@code -Xshare:auto}).
     */
    SAME_AS_BENCHMARK {
        @Override
        List<String> flags() {
            return BenchmarkJvmFlags.gcAndHeapOfThisJvm();
        }
    },

    /** The suite's lean child flags ({@link ChildJvmLauncher#LEAN_JVM_FLAGS}): serial GC, 8-64 MiB heap. */
    LEAN {
        @Override
        List<String> flags() {
            return ChildJvmLauncher.LEAN_JVM_FLAGS;
        }
    };

    /** The worker JVMs' flags. */
    abstract List<String> flags();

    /** A launcher of worker JVMs with these flags, on this JVM's JDK and class path. */
    ChildJvmLauncher launcher() {
        return ChildJvmLauncher.withFlags(flags());
    }
}
