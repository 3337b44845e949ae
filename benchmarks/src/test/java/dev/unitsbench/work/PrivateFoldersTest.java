package dev.unitsbench.work;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;

class PrivateFoldersTest {

    @Test
    void aPrivateFolderIsOwnerOnlyAndDeletedWithEverythingInIt() throws Exception {
        Path folder = PrivateFolders.create("private-folders-test-");
        try {
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)));
            Files.writeString(Files.createDirectories(folder.resolve("a/b")).resolve("c.txt"), "c");
            Files.writeString(folder.resolve("d.txt"), "d");
        } finally {
            PrivateFolders.delete(folder);
        }
        assertFalse(Files.exists(folder));
        PrivateFolders.delete(folder); // gone already: nothing to do
        PrivateFolders.delete(null);
    }
}
