package dev.unitsbench.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unitsbench.work.Noop;
import dev.unitsbench.child.ChildMain;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The lean child: a thin class path, the lean flags, and by default the best start-up archive. */
@Timeout(180)
class ChildJvmLauncherTest {

    @Test
    void theThinClassPathKeepsTheChildsPackagesWithoutJmhAndTheFirstCopyWins(@TempDir Path dir) throws Exception {
        Path first = dir.resolve("first");
        Path second = dir.resolve("second");
        write(first.resolve("dev/unitsbench/work/A.class"), "first");
        write(first.resolve("dev/unitsbench/cpu/jmh_generated/B_jmhTest.class"), "harness");
        write(first.resolve("org/openjdk/jmh/C.class"), "jmh");
        write(first.resolve("META-INF/BenchmarkList"), "list");
        write(second.resolve("dev/unitsbench/work/A.class"), "second");
        write(second.resolve("org/HdrHistogram/Histogram.class"), "histogram");

        Path jar = ChildClassPath.pack(first + File.pathSeparator + second, dir.resolve("child.jar"));

        assertEquals(Set.of("dev/unitsbench/work/A.class", "org/HdrHistogram/Histogram.class"), ChildClassPath.entries(jar));
        try (var zip = new java.util.zip.ZipFile(jar.toFile())) {
            assertEquals("first", new String(zip.getInputStream(zip.getEntry("dev/unitsbench/work/A.class")).readAllBytes()));
        }
    }

    @Test
    void leanChildrenRunOnTheThinJarNotOnThisJvmsClassPath() {
        ChildJvmLauncher launcher = ChildJvmLauncher.leanWithoutArchive();
        assertTrue(launcher.classPath().endsWith("child.jar"), launcher.classPath());
        assertFalse(launcher.classPath().contains(File.pathSeparator), "one jar: " + launcher.classPath());
        assertEquals(ChildJvmLauncher.LEAN_JVM_FLAGS, launcher.jvmFlags());
        List<String> command = launcher.command(new Noop().toArgs());
        assertEquals(ChildMain.class.getName(), command.get(command.indexOf(launcher.classPath()) + 1));
    }

    @Test
    void theLeanLauncherUsesTheBestArchiveByDefaultAndItsChildrenRun() throws Exception {
        assertTrue(ChildJvmLauncher.archiveWanted(), "the archive is on unless -D"
                + ChildJvmLauncher.ARCHIVE_PROPERTY + "=false");
        ChildJvmLauncher lean = ChildJvmLauncher.lean();
        String expected = StartupArchive.Kind.bestSupportedHere() == StartupArchive.Kind.AOT_CACHE
                ? "-XX:AOTCache=" : "-XX:SharedArchiveFile=";
        assertTrue(lean.jvmFlags().stream().anyMatch(f -> f.startsWith(expected)), "flags: " + lean.jvmFlags());
        assertEquals(lean.command(new Noop().toArgs()), ChildJvmLauncher.lean().command(new Noop().toArgs()), "the same child every time");
        try (ChildJvm child = ChildJvm.start(lean, new Noop())) {
            assertEquals(0, child.join(Duration.ofSeconds(60)));
        }
    }

    /**
     * A no-op child spins no class at start-up: no lambda, no method-handle form, no
     * string-concatenation bootstrap. Each costs milliseconds of every PROCESS figure.
     */
    @Test
    void aNoopChildSpinsNoClassOnItsStartPath() throws Exception {
        List<String> command = new java.util.ArrayList<>(ChildJvmLauncher.leanWithoutArchive().command(new Noop().toArgs()));
        command.add(1, "-Xlog:class+load=info");
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        child.getOutputStream().close();
        String output = new String(child.getInputStream().readAllBytes());
        assertEquals(0, child.waitFor());
        assertTrue(output.contains("result 0"), output);
        List<String> spun = output.lines()
                .filter(line -> line.contains("__JVM_LookupDefineClass__") || line.contains("$$Lambda")
                        || line.contains("java.lang.invoke.StringConcatFactory"))
                .toList();
        assertEquals(List.of(), spun, "classes spun on a no-op child's start path");
    }

    @Test
    void thePropertyFalseTurnsTheArchiveOff() {
        String before = System.getProperty(ChildJvmLauncher.ARCHIVE_PROPERTY);
        try {
            System.setProperty(ChildJvmLauncher.ARCHIVE_PROPERTY, "false");
            assertFalse(ChildJvmLauncher.archiveWanted());
            System.setProperty(ChildJvmLauncher.ARCHIVE_PROPERTY, "true");
            assertTrue(ChildJvmLauncher.archiveWanted());
        } finally {
            if (before == null) {
                System.clearProperty(ChildJvmLauncher.ARCHIVE_PROPERTY);
            } else {
                System.setProperty(ChildJvmLauncher.ARCHIVE_PROPERTY, before);
            }
        }
    }

    private static void write(Path file, String text) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
