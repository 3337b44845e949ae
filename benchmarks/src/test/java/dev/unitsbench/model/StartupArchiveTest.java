package dev.unitsbench.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.unitsbench.work.Noop;
import dev.unitsbench.child.ChildMain;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Archives are built by a training child, used by later children (strictly: a child that cannot
 * use its archive fails), and removed with their folder. Tests run from target/classes, and both
 * kinds archive classes from JAR files only, so the tests pack the main classes into a jar first.
 */
@Timeout(180)
class StartupArchiveTest {

    @Test
    void aCdsArchiveIsBuiltUsedAndRemoved(@TempDir Path dir) throws Exception {
        buildUseRemove(StartupArchive.Kind.CDS_ARCHIVE, dir);
    }

    @Test
    void anAotCacheIsBuiltUsedAndRemovedOnJdk25AndNewer(@TempDir Path dir) throws Exception {
        assumeTrue(StartupArchive.Kind.AOT_CACHE.supportedHere(), "the one-step AOT cache needs JDK 25+");
        buildUseRemove(StartupArchive.Kind.AOT_CACHE, dir);
    }

    @Test
    void theBestKindIsTheAotCacheFrom25AndCdsBefore() {
        StartupArchive.Kind expected = Runtime.version().feature() >= 25
                ? StartupArchive.Kind.AOT_CACHE : StartupArchive.Kind.CDS_ARCHIVE;
        assertEquals(expected, StartupArchive.Kind.bestSupportedHere());
    }

    @Test
    void aClassPathWithADirectoryIsRefusedWithAReason() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> StartupArchive.build(
                StartupArchive.Kind.CDS_ARCHIVE, ChildJvmLauncher.LEAN_JVM_FLAGS, new Noop().toArgs(), classesDirectory().toString()));
        assertTrue(e.getMessage().contains("JAR files only"), e.getMessage());
    }

    private static void buildUseRemove(StartupArchive.Kind kind, Path dir) throws Exception {
        String jar = packMainClasses(dir.resolve("worker.jar")).toString();
        StartupArchive archive = StartupArchive.build(kind, ChildJvmLauncher.LEAN_JVM_FLAGS, new Noop().toArgs(), jar);
        try {
            assertTrue(Files.size(archive.file()) > 0, "empty archive");
            assertFalse(archive.jvmFlags().contains("-Xshare:auto"), "the archive flags say how to share");
            try (ChildJvm child = ChildJvm.start(archive.launcher(), new Noop())) {
                assertEquals(0, child.join(Duration.ofSeconds(60)), "a child on the archive ran its workload");
            }
        } finally {
            archive.close();
        }
        assertFalse(Files.exists(archive.file().getParent()), "the archive's folder is left behind");
    }

    /** The folder of the main classes: where ChildMain was loaded from. */
    private static Path classesDirectory() throws Exception {
        return Path.of(ChildMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static Path packMainClasses(Path jar) throws Exception {
        Path classes = classesDirectory();
        try (OutputStream file = Files.newOutputStream(jar);
             JarOutputStream out = new JarOutputStream(file);
             Stream<Path> files = Files.walk(classes)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(p).toString().replace('\\', '/')));
                Files.copy(p, out);
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not pack " + classes + " into " + jar, e);
        }
        return jar;
    }

}
