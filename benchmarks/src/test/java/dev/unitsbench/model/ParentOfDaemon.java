package dev.unitsbench.model;

import dev.unitsbench.work.Sleep;

/**
 * A parent JVM for {@link ProcessSemanticsTest}: starts one child JVM through {@link ChildJvm}
 * that sleeps for a minute, prints the child's pid, and waits to be killed.
 */
public final class ParentOfDaemon {

    private ParentOfDaemon() {
    }

    public static void main(String[] args) throws Exception {
        ChildJvm child = ChildJvm.start(ChildJvmLauncher.leanWithoutArchive(), Sleep.of(60_000));
        System.out.println(child.pid());
        System.out.flush();
        Thread.sleep(120_000);
    }
}
