package dev.unitsbench.model;

import dev.unitsbench.work.Noop;
import dev.unitsbench.work.PrivateFolders;
import java.io.IOException;
import java.io.UncheckedIOException;
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
 * <p><b>Prepared by one object, handed down to the JVMs that use it.</b> {@link #prepare()} packs
 * the thin jar and trains the archive; its {@link #close()} removes them. {@code SuiteRunner}
 * prepares one before the run and hands it to every JMH fork through {@link #forkOptions()}
 * (system properties on the fork's command line), so every child of every fork starts with the
 * same flags and archive, and no fork trains its own. In a JVM, {@link #handedDown()} reads what
 * was handed down and builds nothing; {@link ChildJvmLauncher#lean()} is its launcher.
 *
 * <p><b>A JVM nobody handed one to</b> (a plain {@code java -jar benchmarks.jar}, the tests) takes
 * the explicit step {@link #prepareUnlessHandedDown()} before it starts a child: the trial set-ups
 * of the benchmarks that start children call it, and so does the tests' fixture. Packing the class
 * path and training the archive take about a second, outside every timed region.
 */
public final class LeanChildJvm implements AutoCloseable {

    /** The thin jar packed by the JVM that prepared this lean child (same class path, same JDK). */
    static final String CLASS_PATH_PROPERTY = "unitsbench.childClassPath";

    /** The start-up archive trained by the JVM that prepared this lean child; absent: children run without one. */
    static final String ARCHIVE_FILE_PROPERTY = "unitsbench.childArchiveFile";

    private final ChildJvmLauncher launcher;
    private final String classPath;
    private final StartupArchive archive;
    /** The folder of the thin jar, if this object packed it (and removes it); null if handed down. */
    private final Path classPathFolder;

    private LeanChildJvm(ChildJvmLauncher launcher, String classPath, StartupArchive archive, Path classPathFolder) {
        this.launcher = launcher;
        this.classPath = classPath;
        this.archive = archive;
        this.classPathFolder = classPathFolder;
    }

    /**
     * Packs the thin class path ({@link ChildClassPath}) into a private folder and, unless
     * {@code -D}{@value ChildJvmLauncher#ARCHIVE_PROPERTY}{@code =false}, trains the best archive
     * this JDK builds ({@link StartupArchive.Kind#bestSupportedHere}); then measures one child for
     * the memory guard ({@link ChildMemoryGuard}). If the archive cannot be built, the children
     * start without it and a warning says so on standard error. {@link #close()} removes both.
     */
    public static LeanChildJvm prepare() {
        Path folder;
        String classPath;
        try {
            folder = PrivateFolders.create("unitsbench-child-classpath-");
            classPath = ChildClassPath.pack(System.getProperty("java.class.path"), folder.resolve("child.jar")).toString();
        } catch (IOException e) {
            throw new UncheckedIOException("could not pack the child JVMs' class path", e);
        }
        LeanChildJvm prepared = withArchiveIfWanted(classPath, folder);
        ChildMemoryGuard.measureOnce(prepared.launcher); // what one child costs, for the memory guard
        return prepared;
    }

    private static LeanChildJvm withArchiveIfWanted(String classPath, Path folder) {
        if (!ChildJvmLauncher.archiveWanted()) {
            return withoutArchive(classPath, folder);
        }
        try {
            StartupArchive archive = StartupArchive.build(StartupArchive.Kind.bestSupportedHere(),
                    ChildJvmLauncher.LEAN_JVM_FLAGS, new Noop().toArgs(), classPath);
            return new LeanChildJvm(archive.launcher(), classPath, archive, folder);
        } catch (IOException | RuntimeException e) {
            System.err.println("child JVMs: no start-up archive, lean children start without one: " + e.getMessage());
            return withoutArchive(classPath, folder);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return withoutArchive(classPath, folder);
        }
    }

    private static LeanChildJvm withoutArchive(String classPath, Path folder) {
        return new LeanChildJvm(ChildJvmLauncher.withFlags(ChildJvmLauncher.LEAN_JVM_FLAGS, classPath), classPath, null, folder);
    }

    /**
     * The lean child handed down to this JVM, by the JVM that started it ({@link #forkOptions()} on
     * its command line) or by {@link #prepareUnlessHandedDown()} in this JVM. Builds nothing.
     *
     * @throws IllegalStateException if none was handed down, or its files are gone
     */
    public static LeanChildJvm handedDown() {
        return handedDown(System::getProperty).orElseThrow(() -> new IllegalStateException(
                "no lean child JVM was handed down to this JVM: run the suite through its runner (mvn verify -Pbench),"
                        + " or call LeanChildJvm.prepareUnlessHandedDown() in a set-up before starting a child"));
    }

    /**
     * The lean child that {@code properties} hand down (this JVM's: {@code System::getProperty});
     * empty when none was handed down or its files are gone. Its {@link #close()} leaves the files
     * to their maker.
     */
    static Optional<LeanChildJvm> handedDown(UnaryOperator<String> properties) {
        String classPath = properties.apply(CLASS_PATH_PROPERTY);
        if (classPath == null || !Files.isRegularFile(Path.of(classPath))) {
            return Optional.empty();
        }
        String archiveFile = properties.apply(ARCHIVE_FILE_PROPERTY);
        if (archiveFile == null) {
            return Optional.of(withoutArchive(classPath, null));
        }
        if (!Files.isRegularFile(Path.of(archiveFile))) {
            return Optional.empty();
        }
        StartupArchive archive = StartupArchive.adopt(Path.of(archiveFile), ChildJvmLauncher.LEAN_JVM_FLAGS, classPath);
        return Optional.of(new LeanChildJvm(archive.launcher(), classPath, archive, null));
    }

    /**
     * The set-up step of a JVM that may have been handed no lean child: returns the one handed
     * down, or else {@linkplain #prepare() prepares} one, hands it down to this JVM (the system
     * properties a fork's command line would carry) and keeps it until this JVM exits, when a
     * shutdown hook removes its files. Call it in a trial set-up, never in a timed region.
     */
    public static synchronized LeanChildJvm prepareUnlessHandedDown() {
        Optional<LeanChildJvm> handed = handedDown(System::getProperty);
        if (handed.isPresent()) {
            return handed.get();
        }
        LeanChildJvm prepared = prepare();
        Runtime.getRuntime().addShutdownHook(new Thread(prepared::close, "delete-lean-child-jvm"));
        System.setProperty(CLASS_PATH_PROPERTY, prepared.classPath);
        prepared.archive().ifPresentOrElse(a -> System.setProperty(ARCHIVE_FILE_PROPERTY, a.file().toString()),
                () -> System.clearProperty(ARCHIVE_FILE_PROPERTY));
        return prepared;
    }

    /** The launcher of the lean children. */
    public ChildJvmLauncher launcher() {
        return launcher;
    }

    /** The thin jar the children run on. */
    public String classPath() {
        return classPath;
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

    /** Removes the thin jar and the archive if this object made them; those handed down are left to their maker. */
    @Override
    public void close() {
        if (classPathFolder == null) {
            return;
        }
        try (StartupArchive trained = archive) { // removes the archive's folder, then the jar's
            PrivateFolders.delete(classPathFolder);
        } catch (IOException e) {
            System.err.println("child JVMs: could not remove the lean child's files: " + e.getMessage());
        }
    }
}
