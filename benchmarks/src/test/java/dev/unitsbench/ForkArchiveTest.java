package dev.unitsbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;

class ForkArchiveTest {

    @Test
    void theArchiveLivesInAnOwnerOnlyFolderThatClosingRemoves() throws Exception {
        ForkArchive archive = ForkArchive.create();
        Path folder = archive.file().getParent();
        assertTrue(Files.isDirectory(folder));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)));
        assertEquals(List.of("-XX:SharedArchiveFile=" + archive.file(), "-XX:+AutoCreateSharedArchive", "-Xlog:cds=off"),
                archive.forkOptions());
        Files.writeString(archive.file(), "written by the first fork");
        archive.close();
        assertFalse(Files.exists(folder));
    }
}
