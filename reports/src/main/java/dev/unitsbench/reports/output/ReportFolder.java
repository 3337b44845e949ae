package dev.unitsbench.reports.output;

import dev.unitsbench.reports.error.UserError;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The output folder, replaced whole or not at all: files are written into a fresh folder
 * beside the target, and only when all are written does it take the target's place. A failed
 * run leaves the previous report as it was.
 */
public final class ReportFolder {

    private final Path target;
    private final Path staging;

    private ReportFolder(Path target, Path staging) {
        this.target = target;
        this.staging = staging;
    }

    /** Checks that {@code target} can be written and creates the staging folder beside it. */
    public static ReportFolder prepare(Path target) {
        Path absolute = target.toAbsolutePath().normalize();
        if (Files.exists(absolute) && !Files.isDirectory(absolute)) {
            throw new UserError("output folder " + target + " exists and is not a folder: pass another --out, or remove that file.");
        }
        if (Files.isDirectory(absolute) && !looksLikeAReport(absolute)) {
            throw new UserError("output folder " + target + " holds files but no " + HtmlPage.FILE
                    + ", so it is not an earlier report and will not be replaced: pass an --out that is new or an earlier report folder.");
        }
        Path parent = absolute.getParent();
        if (parent == null) {
            throw new UserError("output folder " + target + " is the file system root: pass an --out below it.");
        }
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new UserError("output folder " + target + " cannot be created (" + describe(e)
                    + "): pass an --out in a folder you can write to.");
        }
        if (!Files.isWritable(parent)) {
            throw new UserError("output folder " + target + " cannot be written: " + parent
                    + " is not writable; pass an --out in a folder you can write to.");
        }
        try {
            Path staging = Files.createTempDirectory(parent, "." + absolute.getFileName() + ".new-");
            return new ReportFolder(absolute, staging);
        } catch (IOException e) {
            throw new UserError("output folder " + target + " cannot be written (" + describe(e)
                    + "): pass an --out in a folder you can write to.");
        }
    }

    /** The whole folder is replaced, so it must be empty or an earlier report, never, say, the working folder. */
    private static boolean looksLikeAReport(Path folder) {
        try (java.util.stream.Stream<Path> entries = Files.list(folder)) {
            return Files.isRegularFile(folder.resolve(HtmlPage.FILE)) || entries.findAny().isEmpty();
        } catch (IOException e) {
            throw new UserError("output folder " + folder + " cannot be read (" + describe(e) + "): pass an --out you can read and write.");
        }
    }

    /** Where to write the new report's files. */
    public Path staging() {
        return staging;
    }

    public Path target() {
        return target;
    }

    /** Puts the staged report in place of the old one, which is then deleted. */
    public void commit() {
        Path old = null;
        try {
            if (Files.exists(target)) {
                old = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".old-");
                Files.delete(old);
                move(target, old);
            }
            move(staging, target);
        } catch (IOException e) {
            if (old != null && !Files.exists(target)) {
                try {
                    move(old, target);
                    old = null;
                } catch (IOException ignored) {
                    // Reported below; the old report is still at 'old'.
                }
            }
            abandon();
            throw new UserError("could not put the report in place at " + target + " (" + describe(e)
                    + "): check that no other program holds files in it, and run again.");
        }
        if (old != null) {
            deleteTree(old);
        }
    }

    /** Deletes the staging folder; the target is left as it was. */
    public void abandon() {
        deleteTree(staging);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static String describe(IOException e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException ignored) {
            // A leftover hidden folder beside the report is harmless.
        }
    }
}
