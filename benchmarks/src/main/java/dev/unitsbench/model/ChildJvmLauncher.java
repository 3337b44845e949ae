package dev.unitsbench.model;

import dev.unitsbench.child.ChildMain;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Starts child JVMs that run {@link ChildMain} on the parent's own JDK, and makes sure none of
 * them outlives the parent.
 *
 * <p><b>A child at the JVM's floor.</b> Every PROCESS figure includes a child's start-up, so the
 * suite's own overhead on top of a bare JVM would tilt every comparison against processes. A
 * {@linkplain #lean() lean} child therefore runs
 * <ul>
 *   <li>on a thin class path: one small jar of the classes a child can load ({@link ChildClassPath}),
 *       not the shaded {@code benchmarks.jar};</li>
 *   <li>with {@link #LEAN_JVM_FLAGS};</li>
 *   <li>on the best start-up archive the JDK offers ({@link StartupArchive.Kind#bestSupportedHere}:
 *       the AOT cache on JDK 25+, AppCDS before), trained on a no-op child. {@code -D}{@value #ARCHIVE_PROPERTY}{@code =false}
 *       turns it off (JMH forks inherit the property); {@link #leanWithoutArchive()} gives the
 *       child without it, for the spawn family's side-by-side.</li>
 * </ul>
 * The start path of {@link ChildMain} itself is kept free of lambdas, reflection and logging.
 * Each child is still a new JVM per unit: the archive only saves loading and linking classes.
 *
 * <p><b>Prepared once, outside every timed region.</b> The thin jar and the archive belong to a
 * {@link LeanChildJvm}, which {@code SuiteRunner} prepares once and hands down to every JMH fork.
 * The static methods here read the one handed down to this JVM ({@link LeanChildJvm#handedDown()})
 * and build nothing; in a JVM that was handed none, a set-up takes the explicit step
 * {@link LeanChildJvm#prepareUnlessHandedDown()} first.
 *
 * <p>Two mechanisms cover every way a parent can die. If it exits normally or is asked to stop
 * (SIGTERM, SIGINT), a shutdown hook destroys the children still running. If it is killed
 * outright (SIGKILL), no hook runs; each child then notices that its parent changed and halts
 * itself (see {@link ChildMain}).
 */
public final class ChildJvmLauncher {

    /**
     * Flags of a child JVM that starts fast and stays small; the workloads allocate almost nothing.
     * The JIT is left alone: CPU-bound copies need C2 as much as threads do.
     */
    public static final List<String> LEAN_JVM_FLAGS = List.of(
            "-XX:+UseSerialGC",   // one GC thread and no concurrent-GC machinery to start
            "-Xms8m",             // a small initial heap to map and zero
            "-Xmx64m",            // and a small ceiling: a few KiB of work per copy
            "-XX:-UsePerfData",   // no hsperfdata file in /tmp per child
            "-Xshare:auto");      // class-data sharing with the JDK's default archive (the default, said out loud)

    /** System property that turns the lean children's start-up archive off ({@code false}); on by default. */
    public static final String ARCHIVE_PROPERTY = "bench.childArchive";

    private static final Set<Process> LIVE_CHILDREN = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ChildJvmLauncher::destroyLiveChildren, "destroy-child-jvms"));
    }

    private final Path javaBinary;
    private final String classPath;
    private final List<String> jvmFlags;

    ChildJvmLauncher(Path javaBinary, String classPath, List<String> jvmFlags) {
        this.javaBinary = javaBinary;
        this.classPath = classPath;
        this.jvmFlags = List.copyOf(jvmFlags);
    }

    /**
     * The suite's PROCESS child: this JVM's JDK, the thin class path, {@link #LEAN_JVM_FLAGS}, and
     * the best start-up archive the JDK offers unless {@value #ARCHIVE_PROPERTY} is {@code false}:
     * the launcher of the lean child handed down to this JVM ({@link LeanChildJvm#handedDown()}).
     *
     * @throws IllegalStateException if no lean child was handed down to this JVM
     */
    public static ChildJvmLauncher lean() {
        return LeanChildJvm.handedDown().launcher();
    }

    /** As {@link #lean()}, without a start-up archive (the JDK's default CDS archive still applies). */
    public static ChildJvmLauncher leanWithoutArchive() {
        return withFlags(LEAN_JVM_FLAGS);
    }

    /**
     * A launcher for children on this JVM's JDK and the thin class path with other JVM flags than
     * the lean ones, and no archive of the suite's: for benchmarks that measure what the flags buy
     * (an empty list: the JVM's defaults). The thin class path is the handed-down lean child's.
     */
    public static ChildJvmLauncher withFlags(List<String> jvmFlags) {
        return withFlags(jvmFlags, childClassPath());
    }

    static ChildJvmLauncher withFlags(List<String> jvmFlags, String classPath) {
        return new ChildJvmLauncher(javaBinary(), classPath, jvmFlags);
    }

    /** The {@code java} of this JVM's JDK, which every child runs. */
    static Path javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /** The thin class path of every child ({@link ChildClassPath}): the handed-down lean child's. */
    static String childClassPath() {
        return LeanChildJvm.handedDown().classPath();
    }

    static boolean archiveWanted() {
        return !"false".equalsIgnoreCase(System.getProperty(ARCHIVE_PROPERTY, "true").strip());
    }

    /** The JVM flags of this launcher's children. */
    public List<String> jvmFlags() {
        return jvmFlags;
    }

    /** The class path the children run on. */
    public String classPath() {
        return classPath;
    }

    /** The full command line of a child that runs the workload given by {@code workloadArgs}. */
    public List<String> command(List<String> workloadArgs) {
        List<String> command = new ArrayList<>();
        command.add(javaBinary.toString());
        command.addAll(jvmFlags);
        command.add("-D" + ChildMain.PARENT_PID_PROPERTY + "=" + ProcessHandle.current().pid());
        command.add("-cp");
        command.add(classPath);
        command.add(ChildMain.class.getName());
        command.addAll(workloadArgs);
        return command;
    }

    /**
     * Starts a child. Its standard input is closed at once (a child reads nothing), its standard
     * output is a pipe for the result line, its standard error goes to ours.
     */
    public Process start(List<String> workloadArgs) throws IOException {
        Process child = startWithInput(workloadArgs);
        child.getOutputStream().close();
        return child;
    }

    /**
     * Starts a child whose standard input stays open, a pipe from the parent, for a workload that
     * reads it (such as the switching family's echo); otherwise as {@link #start}.
     */
    public Process startWithInput(List<String> workloadArgs) throws IOException {
        Process child = new ProcessBuilder(command(workloadArgs))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        LIVE_CHILDREN.add(child);
        child.onExit().thenRun(() -> LIVE_CHILDREN.remove(child));
        return child;
    }

    /**
     * Starts a child whose standard error is merged into its standard output, for a run whose
     * whole output the parent reads (a training run: the JDK's notes on it stay out of the log).
     */
    Process startMerged(List<String> workloadArgs) throws IOException {
        Process child = new ProcessBuilder(command(workloadArgs)).redirectErrorStream(true).start();
        LIVE_CHILDREN.add(child);
        child.onExit().thenRun(() -> LIVE_CHILDREN.remove(child));
        child.getOutputStream().close();
        return child;
    }

    private static void destroyLiveChildren() {
        for (Process child : LIVE_CHILDREN) {
            child.destroyForcibly();
        }
    }
}
