package dev.unitsbench.child;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unitsbench.work.CommonWorkloads;
import dev.unitsbench.work.CpuLoop;
import dev.unitsbench.work.Sleep;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The child JVM's main, run as a real child JVM. */
@Timeout(60)
class ChildMainTest {

    @Test
    void printsTheResultLineAndExitsZero() throws Exception {
        Process child = start(CpuLoop.free(1000).toArgs().toArray(String[]::new));
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, child.waitFor());
        OptionalLong result = ChildProtocol.parseResult(out);
        assertEquals(CpuLoop.free(1000).run(), result.orElseThrow());
    }

    @Test
    void badArgumentsExitWithTheirOwnStatusAndSayWhy() throws Exception {
        Process child = start(CommonWorkloads.class.getName(), "dance");
        String err = new String(child.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(ChildProtocol.EXIT_BAD_ARGUMENTS, child.waitFor());
        assertTrue(err.contains("unknown workload 'dance'"), err);
    }

    @Test
    void aChildWhoseNamedParentIsNotItsParentHalts() throws Exception {
        // As if the parent had died before the child's main ran: the child must stop on its own.
        Process child = start(List.of("-D" + ChildMain.PARENT_PID_PROPERTY + "=1"), Sleep.of(60000).toArgs().toArray(String[]::new));
        assertEquals(ChildProtocol.EXIT_ORPHANED, child.waitFor());
    }

    private static Process start(String... workload) throws Exception {
        return start(List.of(), workload);
    }

    private static Process start(List<String> flags, String... workload) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(flags);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(ChildMain.class.getName());
        command.addAll(List.of(workload));
        return new ProcessBuilder(command).start();
    }
}
