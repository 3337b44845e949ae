package dev.unitsbench.work;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
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

    @Test
    void whatUsedAFolderIsClosedFirstAndTheFolderGoesEvenIfClosingFails() throws Exception {
        Path folder = PrivateFolders.create("private-folders-test-");
        List<String> events = new ArrayList<>();
        PrivateFolders.closeThenDelete(() -> events.add("closed while the folder exists: " + Files.exists(folder)), folder);
        assertEquals(List.of("closed while the folder exists: true"), events);
        assertFalse(Files.exists(folder));

        Path another = PrivateFolders.create("private-folders-test-");
        IOException failed = assertThrows(IOException.class, () -> PrivateFolders.closeThenDelete(() -> {
            throw new IOException("cannot close");
        }, another));
        assertEquals("cannot close", failed.getMessage());
        assertFalse(Files.exists(another));

        Path unused = PrivateFolders.create("private-folders-test-");
        PrivateFolders.closeThenDelete(null, unused); // never opened: only the folder to delete
        assertFalse(Files.exists(unused));
    }
}
