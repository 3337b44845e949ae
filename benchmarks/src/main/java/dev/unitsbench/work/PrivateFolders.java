package dev.unitsbench.work;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The temp folders of this suite: created readable by their owner only, and removed with
 * everything in them. Benchmarks keep their files, sockets and logs in one for a trial.
 */
public final class PrivateFolders {

    private PrivateFolders() {
    }

    /** A new temp folder that only this user can enter (rwx------ on POSIX systems). */
    public static Path create(String prefix) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return Files.createTempDirectory(prefix, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        return Files.createTempDirectory(prefix);
    }

    /** Deletes {@code folder} and everything in it; nothing when it is null or already gone. */
    public static void delete(Path folder) throws IOException {
        if (folder == null || !Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /**
     * Closes {@code user}, what kept its files in {@code folder} (nothing if it is null), then
     * deletes the folder as {@link #delete} does, even if closing failed.
     */
    public static void closeThenDelete(AutoCloseable user, Path folder) throws Exception {
        try {
            if (user != null) {
                user.close();
            }
        } finally {
            delete(folder);
        }
    }
}
