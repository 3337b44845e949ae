package dev.unitsbench.model;

import dev.unitsbench.worker.WorkerMain;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Starts child JVMs that run {@link WorkerMain} on the parent's own JDK and class path, and makes
 * sure none of them outlives the parent.
 *
 * <p>Two mechanisms cover every way a parent can die. If it exits normally or is asked to stop
 * (SIGTERM, SIGINT), a shutdown hook destroys the children still running. If it is killed
 * outright (SIGKILL), no hook runs; each child then notices that its parent changed and halts
 * itself (see {@link WorkerMain}).
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

    /** A launcher for children on this JVM's JDK and class path, with {@link #LEAN_JVM_FLAGS}. */
    public static ChildJvmLauncher lean() {
        return withFlags(LEAN_JVM_FLAGS);
    }

    /** TEMPORARY (B2, until B5's branch is merged; take B5's version): lean() without an archive. */
    public static ChildJvmLauncher leanWithoutArchive() {
        return lean();
    }

    /**
     * A launcher for children on this JVM's JDK and class path with other JVM flags than the lean
     * ones: for benchmarks that measure what the flags buy (an empty list: the JVM's defaults).
     */
    public static ChildJvmLauncher withFlags(List<String> jvmFlags) {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return new ChildJvmLauncher(java, System.getProperty("java.class.path"), jvmFlags);
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
        command.add("-D" + WorkerMain.PARENT_PID_PROPERTY + "=" + ProcessHandle.current().pid());
        command.add("-cp");
        command.add(classPath);
        command.add(WorkerMain.class.getName());
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

    private static void destroyLiveChildren() {
        for (Process child : LIVE_CHILDREN) {
            child.destroyForcibly();
        }
    }
}
