package dev.unitsbench.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Children never outlive their parent. A real parent JVM ({@link ParentOfSleepers}) starts three
 * sleeping child JVMs through the PROCESS model; the test kills that parent and checks that the
 * children are gone soon after.
 */
class OrphanedChildrenTest {

    private static final int CHILDREN = 3;

    @Test
    void aParentKilledWithSigkillLeavesNoChildBehindAfterTwoSeconds() throws Exception {
        Process parent = startParent();
        try {
            List<ProcessHandle> children = awaitChildren(parent);
            parent.destroyForcibly(); // SIGKILL: no shutdown hook runs in the parent
            parent.waitFor();
            List<ProcessHandle> left = ChildProcesses.awaitGone(children, 2_000);
            assertEquals(List.of(), left, "children still running 2 s after their parent was killed");
        } finally {
            parent.destroyForcibly();
        }
    }

    @Test
    void aParentStoppedWithSigtermDestroysItsChildren() throws Exception {
        Process parent = startParent();
        try {
            List<ProcessHandle> children = awaitChildren(parent);
            parent.destroy(); // SIGTERM: the parent's shutdown hook destroys the children
            parent.waitFor();
            List<ProcessHandle> left = ChildProcesses.awaitGone(children, 2_000);
            assertEquals(List.of(), left, "children still running 2 s after their parent was stopped");
        } finally {
            parent.destroyForcibly();
        }
    }

    private static Process startParent() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        // The parent adopts this JVM's lean child (thin jar, archive): a parent killed with SIGKILL
        // runs no hook, and would leave its own behind in the temp folder.
        List<String> command = new ArrayList<>(List.of(java.toString()));
        command.addAll(LeanChildJvm.handedDown().forkOptions());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"),
                ParentOfSleepers.class.getName(), Integer.toString(CHILDREN)));
        return new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    private static List<ProcessHandle> awaitChildren(Process parent) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        List<ProcessHandle> children;
        while ((children = parent.children().filter(ChildProcesses::isRunning).toList()).size() < CHILDREN) {
            assertTrue(parent.isAlive(), "the parent JVM died before starting its children");
            assertTrue(System.nanoTime() < deadline, "the parent did not start " + CHILDREN + " children in 30 s");
            Thread.sleep(20);
        }
        return children;
    }
}
