package dev.unitsbench.work;

import java.util.List;

/**
 * Rebuilds the workloads of one family from their command-line words, in a child JVM.
 *
 * <p>This is the registry a child JVM uses: each family that runs work in child JVMs has one
 * factory, and a workload's {@linkplain Workload#toArgs() words} start with its factory's class
 * name ({@link Workloads#words}). The child loads that one class by name, so it loads only the
 * family it runs, and no shared package has to know every family.
 *
 * <p>An implementation is a public class with a public no-argument constructor.
 */
public interface WorkloadFactory {

    /**
     * Rebuilds a workload.
     *
     * @param words the workload's kind (e.g. {@code "cpu"}), then its parameters
     * @param processGil the one emulated GIL of this process, for a workload that names one
     * @throws IllegalArgumentException if the words name no kind of this factory or have the wrong shape
     * @throws NumberFormatException if a number is malformed (reported as a bad argument)
     */
    Workload create(List<String> words, EmulatedGil processGil);
}
