package dev.unitsbench.spawn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unitsbench.work.PrivateFolders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The JVM_BARE child: one class file in its own folder, no flags, and it runs. */
@Timeout(60)
class BareJvmTest {

    @Test
    void runsAnEmptyMainFromAFolderThatHoldsOnlyThatClassWithNoFlags() throws Exception {
        Path folder = PrivateFolders.create("bare-jvm-test-");
        try {
            List<String> command = BareJvm.command(folder);
            assertEquals(List.of("-cp", folder.toString(), EmptyMain.class.getName()), command.subList(1, 4));
            assertEquals(4, command.size(), "no flags: " + command);
            try (Stream<Path> files = Files.walk(folder)) {
                assertEquals(List.of(folder.resolve("dev/unitsbench/spawn/EmptyMain.class")),
                        files.filter(Files::isRegularFile).toList());
            }
            Process child = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            byte[] output = child.getInputStream().readAllBytes();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            assertEquals(0, child.exitValue(), new String(output));
            assertEquals(0, output.length, "the empty main printed: " + new String(output));
        } finally {
            PrivateFolders.delete(folder);
        }
    }
}
