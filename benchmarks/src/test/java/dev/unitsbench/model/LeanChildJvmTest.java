package dev.unitsbench.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unitsbench.work.Noop;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The lean child is prepared once, by an object its maker owns: the JVMs it is handed to start
 * their children with exactly the same command, and closing it removes the archive it trained.
 */
@Timeout(180)
class LeanChildJvmTest {

    @Test
    void aForkHandedTheOptionsStartsTheSameChildAndOnlyTheMakerRemovesTheArchive() throws Exception {
        Path file;
        try (LeanChildJvm prepared = LeanChildJvm.prepare()) {
            assertTrue(prepared.archive().isPresent(), "the archive is on by default");
            file = prepared.archive().get().file();
            assertTrue(Files.isRegularFile(file), file.toString());
            List<String> options = prepared.forkOptions();
            assertEquals(options, prepared.forkOptions(), "handing the child down builds nothing more");

            Map<String, String> fork = properties(options);
            try (LeanChildJvm handed = LeanChildJvm.handedDown(fork::get).orElseThrow()) {
                List<String> workload = new Noop().toArgs();
                assertEquals(prepared.launcher().command(workload), handed.launcher().command(workload));
                try (ChildJvm child = ChildJvm.start(handed.launcher(), new Noop())) {
                    assertEquals(0, child.join(Duration.ofSeconds(60)));
                }
            }
            assertTrue(Files.isRegularFile(file), "a fork's close leaves its maker's archive");
        }
        assertFalse(Files.exists(file), "the maker's close removes the archive");
    }

    @Test
    void withoutAnArchiveTheForkIsHandedTheClassPathAlone() {
        try (LeanChildJvm prepared = LeanChildJvm.prepare()) {
            Map<String, String> fork = properties(prepared.forkOptions());
            fork.remove(LeanChildJvm.ARCHIVE_FILE_PROPERTY);
            LeanChildJvm handed = LeanChildJvm.handedDown(fork::get).orElseThrow();
            assertEquals(ChildJvmLauncher.LEAN_JVM_FLAGS, handed.launcher().jvmFlags());
            assertTrue(handed.archive().isEmpty());
        }
    }

    @Test
    void aJvmHandedNothingHasNothingHandedDown() {
        assertTrue(LeanChildJvm.handedDown(name -> null).isEmpty());
    }

    @Test
    void theLeanLauncherIsTheHandedDownChildsAndReadingItBuildsNothing() {
        LeanChildJvm handed = LeanChildJvm.handedDown();
        List<String> workload = new Noop().toArgs();
        assertEquals(handed.launcher().command(workload), ChildJvmLauncher.lean().command(workload));
        assertEquals(handed.classPath(), ChildJvmLauncher.leanWithoutArchive().classPath());
        assertEquals(handed.launcher().command(workload), LeanChildJvm.prepareUnlessHandedDown().launcher().command(workload),
                "a JVM handed one down prepares no other");
    }

    @Test
    void aPreparedChildRemovesItsJarAndArchiveWhenClosed() {
        Path jar;
        Path archive;
        try (LeanChildJvm prepared = LeanChildJvm.prepare()) {
            jar = Path.of(prepared.classPath());
            archive = prepared.archive().orElseThrow().file();
            assertTrue(Files.isRegularFile(jar), jar.toString());
            assertTrue(Files.isRegularFile(archive), archive.toString());
        }
        assertFalse(Files.exists(jar), "the thin jar is removed with its folder");
        assertFalse(Files.exists(archive), "the archive is removed");
        assertFalse(Files.exists(jar.getParent()), "the jar's private folder is removed");
    }

    /** The system properties a JVM started with {@code options} sees. */
    private static Map<String, String> properties(List<String> options) {
        Map<String, String> properties = new HashMap<>();
        for (String option : options) {
            assertTrue(option.startsWith("-D") && option.contains("="), option);
            int eq = option.indexOf('=');
            properties.put(option.substring(2, eq), option.substring(eq + 1));
        }
        return properties;
    }
}
