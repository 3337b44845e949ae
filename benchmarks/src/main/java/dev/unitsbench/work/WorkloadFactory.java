package dev.unitsbench.work;

/**
 * Rebuilds the workloads of one family from their command-line words, in a child JVM.
 *
 * <p>This is the registry a child JVM uses: each family that runs work in child JVMs has one
 * factory, and a workload's {@linkplain Workload#toArgs() words} start with its factory's class
 * name ({@link Workloads#words}), then its kind. The child loads that one class by name, so it
 * loads only the family it runs, and no shared package has to know every family.
 *
 * <p>A factory with several kinds lists them once, as an enum: {@link Workloads#kind} finds the
 * constant a word names ({@code TALLY_UNIT} is {@code tally-unit}) or fails naming them all,
 * and a {@code switch} over the enum must cover every kind to compile. A factory reads its
 * parameters from {@link WorkloadParams}, which fails when there are too few or too many. (An
 * enum and a switch rather than a map of lambdas: a child's start path spins no classes, see
 * {@code ChildMain}.)
 *
 * <p>An implementation is a public class with a public no-argument constructor.
 */
public interface WorkloadFactory {

    /**
     * Rebuilds a workload.
     *
     * @param kind the workload's kind (e.g. {@code "cpu"})
     * @param params its parameters, to be read exactly
     * @throws IllegalArgumentException if {@code kind} is none of this factory's or a parameter is
     *     malformed (a malformed number, as {@link NumberFormatException}, is reported as a bad argument)
     */
    Workload create(String kind, WorkloadParams params);
}
