package dev.unitsbench.model;

import dev.unitsbench.work.Sleep;
import java.nio.file.Path;

/**
 * A parent JVM for {@link ProcessSemanticsTest}'s daemon test: starts a daemon child (a
 * {@link ChildJvm}, which the launcher's shutdown hook terminates when this JVM exits) and a
 * non-daemon child (a plain {@code java} process, {@link SleepingMain}, that nothing tracks),
 * prints both pids on one line, and returns from {@code main}: a normal exit, without joining.
 */
public final class ParentThatExits {

    private ParentThatExits() {
    }

    public static void main(String[] args) throws Exception {
        ChildJvm daemon = ChildJvm.start(ChildJvmLauncher.leanWithoutArchive(), Sleep.of(60_000));
        Process nonDaemon = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SleepingMain.class.getName(), args[0])
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        System.out.println(daemon.pid() + " " + nonDaemon.pid());
        System.out.flush();
        Thread.sleep(500); // both children are well started before the parent exits
    }
}
