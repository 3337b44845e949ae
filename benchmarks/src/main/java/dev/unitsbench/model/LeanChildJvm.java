package dev.unitsbench.model;

import dev.unitsbench.work.Noop;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The suite's PROCESS child, prepared once: its launcher ({@link ChildJvmLauncher#LEAN_JVM_FLAGS}
 * on the thin class path) and the start-up archive that launcher uses, if any.
 *
 * <p>{@code SuiteRunner} {@linkplain #prepare() prepares} one before the run, hands it to every
 * JMH fork through {@link #forkOptions()} (system properties on the fork's command line), and
 * closes it after the run, which removes the archive. A fork finds it with {@link #handedDown}, so
 * every child of every fork starts with the same flags and archive, and no fork trains its own.
 * A JVM nobody prepared one for (a plain {@code java -jar benchmarks.jar}, a test) prepares its own
 * on the first {@link #ofThisJvm()}.
 *
 * <p>Packing the class path and training the archive take about a second: outside every timed
 * region, since benchmarks obtain their launcher in a {@code @Setup}.
 */
public final class LeanChildJvm implements AutoCloseable {

    /** The thin jar packed by the JVM that started this one (same class path, same JDK). */
    static final String CLASS_PATH_PROPERTY = "unitsbench.childClassPath";

    /** The start-up archive trained by the JVM that started this one; absent: children run without one. */
    static final String ARCHIVE_FILE_PROPERTY = "unitsbench.childArchiveFile";

    /** This JVM's, made on the first {@link #ofThisJvm()}; guarded by the class. */
    private static LeanChildJvm ofThisJvm;

    private final ChildJvmLauncher launcher;
    private final String classPath;
    private final StartupArchive archive;
    private final boolean ownsArchive;

    private LeanChildJvm(ChildJvmLauncher launcher, String classPath, StartupArchive archive, boolean ownsArchive) {
        this.launcher = launcher;
        this.classPath = classPath;
        this.archive = archive;
        this.ownsArchive = ownsArchive;
    }

    /**
     * Packs the thin class path and, unless {@code -D}{@value ChildJvmLauncher#ARCHIVE_PROPERTY}
     * {@code =false}, trains the best archive this JDK builds ({@link StartupArchive.Kind#bestSupportedHere}).
     * If the archive cannot be built, the children start without it and a warning says so on
     * standard error.
     */
    public static LeanChildJvm prepare() {
        LeanChildJvm prepared = prepareLauncher();
        ChildMemoryGuard.measureOnce(prepared.launcher); // what one child costs, for the memory guard
        return prepared;
    }

    private static LeanChildJvm prepareLauncher() {
        String classPath = ChildJvmLauncher.childClassPath();
        if (!ChildJvmLauncher.archiveWanted()) {
            return withoutArchive(classPath);
        }
        try {
            StartupArchive archive = StartupArchive.build(StartupArchive.Kind.bestSupportedHere(),
                    ChildJvmLauncher.LEAN_JVM_FLAGS, new Noop().toArgs(), classPath);
            return new LeanChildJvm(archive.launcher(), classPath, archive, true);
        } catch (IOException | RuntimeException e) {
            System.err.println("child JVMs: no start-up archive, lean children start without one: " + e.getMessage());
            return withoutArchive(classPath);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return withoutArchive(classPath);
        }
    }

    private static LeanChildJvm withoutArchive(String classPath) {
        return new LeanChildJvm(ChildJvmLauncher.withFlags(ChildJvmLauncher.LEAN_JVM_FLAGS, classPath), classPath, null, false);
    }

    /**
     * The lean child that the JVM which started this one handed down in its {@link #forkOptions()},
     * read through {@code properties} (this JVM's: {@code System::getProperty}); empty when none
     * was handed down or its files are gone. Its {@link #close()} leaves the files to their maker.
     */
    static Optional<LeanChildJvm> handedDown(UnaryOperator<String> properties) {
        String classPath = properties.apply(CLASS_PATH_PROPERTY);
        if (classPath == null || !Files.isRegularFile(Path.of(classPath))) {
            return Optional.empty();
        }
        String archiveFile = properties.apply(ARCHIVE_FILE_PROPERTY);
        if (archiveFile == null) {
            return Optional.of(withoutArchive(classPath));
        }
        if (!Files.isRegularFile(Path.of(archiveFile))) {
            return Optional.empty();
        }
        StartupArchive archive = StartupArchive.adopt(Path.of(archiveFile), ChildJvmLauncher.LEAN_JVM_FLAGS, classPath);
        return Optional.of(new LeanChildJvm(archive.launcher(), classPath, archive, false));
    }

    /**
     * This JVM's lean child: the one handed down by the JVM that started it, or else one prepared
     * now and closed when this JVM exits. {@link ChildJvmLauncher#lean()} is its launcher.
     */
    public static synchronized LeanChildJvm ofThisJvm() {
        if (ofThisJvm == null) {
            ofThisJvm = handedDown(System::getProperty).orElseGet(() -> {
                LeanChildJvm prepared = prepare();
                Runtime.getRuntime().addShutdownHook(new Thread(prepared::close, "delete-child-archive"));
                return prepared;
            });
        }
        return ofThisJvm;
    }

    /** The launcher of the lean children. */
    public ChildJvmLauncher launcher() {
        return launcher;
    }

    /** The archive the children use, if they use one. */
    public Optional<StartupArchive> archive() {
        return Optional.ofNullable(archive);
    }

    /**
     * The JVM options that hand this lean child to a JVM this one starts (a JMH fork): its thin
     * jar and its archive, as system properties {@link #handedDown} reads, and what one child was
     * measured to cost ({@link ChildMemoryGuard}). Valid until {@link #close()}.
     */
    public List<String> forkOptions() {
        List<String> options = new ArrayList<>();
        options.add("-D" + CLASS_PATH_PROPERTY + "=" + classPath);
        if (archive != null) {
            options.add("-D" + ARCHIVE_FILE_PROPERTY + "=" + archive.file());
        }
        options.addAll(ChildMemoryGuard.forkOptions());
        return options;
    }

    /** Removes the archive if this object trained it; one handed down is left to its maker. */
    @Override
    public void close() {
        if (archive != null && ownsArchive) {
            try {
                archive.close();
            } catch (IOException e) {
                System.err.println("child JVMs: could not remove the start-up archive " + archive.file() + ": " + e.getMessage());
            }
        }
    }
}
