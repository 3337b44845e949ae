package dev.unitsbench.model;

import dev.unitsbench.work.PrivateFolders;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An archive of the classes a child JVM loads at start-up, written once by a training run of one
 * child, so that later children map those classes from a file instead of loading, verifying and
 * linking them again. The archive lives in a private temporary folder; {@link #close()} removes it.
 *
 * <p>Two kinds, by what the running JDK can build in one step:
 * <ul>
 *   <li>{@link Kind#AOT_CACHE}, JDK 25+: the AOT cache of JEP 483, written in one training run
 *       with {@code -XX:AOTCacheOutput} (JEP 514). It holds the classes already loaded and linked.</li>
 *   <li>{@link Kind#CDS_ARCHIVE}, any JDK this suite runs on: a dynamic application class-data
 *       sharing archive (JEP 350), {@code -XX:ArchiveClassesAtExit}, on top of the JDK's own one.</li>
 * </ul>
 *
 * <p>Children that use the archive are started with the strict form of the flag
 * ({@code -XX:AOTMode=on}, {@code -Xshare:on}): an archive the JVM cannot use makes the child fail
 * loudly, rather than start without it and be measured as if it had used it.
 */
public final class StartupArchive implements AutoCloseable {

    /** How long a training run may take; it takes about a second (AOT cache) on 2 cores. */
    private static final long TRAINING_TIMEOUT_SECONDS = 120;

    /** The kinds of archive, with their flags. */
    public enum Kind {
        AOT_CACHE("app.aot") {
            @Override
            List<String> trainingFlags(Path file) {
                // The training JVM starts a second JVM at its exit to assemble the cache.
                return List.of("-XX:AOTCacheOutput=" + file, "-Xlog:aot=error", "-Xlog:cds=error");
            }

            @Override
            List<String> useFlags(Path file) {
                return List.of("-XX:AOTCache=" + file, "-XX:AOTMode=on");
            }

            @Override
            public boolean supportedHere() {
                return Runtime.version().feature() >= 25;
            }
        },
        CDS_ARCHIVE("app.jsa") {
            @Override
            List<String> trainingFlags(Path file) {
                return List.of("-XX:ArchiveClassesAtExit=" + file, "-Xlog:cds=error");
            }

            @Override
            List<String> useFlags(Path file) {
                return List.of("-XX:SharedArchiveFile=" + file, "-Xshare:on");
            }

            @Override
            public boolean supportedHere() {
                return true;
            }
        };

        private final String fileName;

        Kind(String fileName) {
            this.fileName = fileName;
        }

        abstract List<String> trainingFlags(Path file);

        abstract List<String> useFlags(Path file);

        /** Whether the running JDK (the children run the same one) can build this kind. */
        public abstract boolean supportedHere();

        /** The AOT cache where the JDK builds it in one step (25+), a CDS archive otherwise. */
        public static Kind bestSupportedHere() {
            return AOT_CACHE.supportedHere() ? AOT_CACHE : CDS_ARCHIVE;
        }
    }

    private final Kind kind;
    private final Path folder;
    private final List<String> jvmFlags;

    private final String classPath;

    private StartupArchive(Kind kind, Path folder, List<String> jvmFlags, String classPath) {
        this.kind = kind;
        this.folder = folder;
        this.jvmFlags = List.copyOf(jvmFlags);
        this.classPath = classPath;
    }

    private static ChildJvmLauncher launcher(String classPath, List<String> flags) {
        return new ChildJvmLauncher(ChildJvmLauncher.javaBinary(), classPath, flags);
    }

    /**
     * Trains one child JVM with {@code jvmFlags} on {@code trainingWorkload} and keeps the archive
     * it writes. Children that use it must run with the same flags; {@code -Xshare:...} is dropped
     * from them, since the archive flags say how to share.
     *
     * The children run on the thin class path of the lean child handed down to this JVM
     * ({@link LeanChildJvm#handedDown()}).
     *
     * @throws IllegalStateException if the training fails
     */
    public static StartupArchive build(Kind kind, List<String> jvmFlags, List<String> trainingWorkload)
            throws IOException, InterruptedException {
        return build(kind, jvmFlags, trainingWorkload, ChildJvmLauncher.childClassPath());
    }

    /**
     * As {@link #build(Kind, List, List)}, for children on another class path.
     *
     * @throws IllegalStateException if the class path holds a directory (both kinds archive
     *     classes from JAR files only), or if the training fails
     */
    static StartupArchive build(Kind kind, List<String> jvmFlags, List<String> trainingWorkload, String classPath)
            throws IOException, InterruptedException {
        if (!kind.supportedHere()) {
            throw new IllegalStateException(kind + " needs JDK 25 or newer; this is JDK " + Runtime.version());
        }
        requireJarsOnly(classPath);
        List<String> flags = jvmFlags.stream().filter(f -> !f.startsWith("-Xshare:")).toList();
        Path folder = PrivateFolders.create("unitsbench-startup-archive-");
        StartupArchive archive = new StartupArchive(kind, folder, flags, classPath);
        try {
            Path file = archive.file();
            List<String> training = new ArrayList<>(flags);
            training.addAll(kind.trainingFlags(file));
            ChildMemoryGuard.check(kind == Kind.AOT_CACHE ? 2 : 1);
            runToTheEnd(launcher(classPath, training), trainingWorkload, "training run for " + kind);
            if (!Files.isRegularFile(file) || Files.size(file) == 0) {
                throw new IllegalStateException("the training run for " + kind + " wrote no archive at " + file);
            }
            return archive;
        } catch (IOException | InterruptedException | RuntimeException e) {
            archive.close();
            throw e;
        }
    }

    /**
     * An archive another JVM built (a JMH fork adopting its host's, see
     * {@link LeanChildJvm#forkOptions()}), for children with the same flags and class path.
     * Its {@link #close()} is left to the JVM that built it.
     */
    static StartupArchive adopt(Path file, List<String> jvmFlags, String classPath) {
        Kind kind = null;
        for (Kind k : Kind.values()) {
            if (file.getFileName().toString().equals(k.fileName)) {
                kind = k;
            }
        }
        if (kind == null) {
            throw new IllegalArgumentException("not a start-up archive of this suite: " + file);
        }
        List<String> flags = jvmFlags.stream().filter(f -> !f.startsWith("-Xshare:")).toList();
        return new StartupArchive(kind, file.getParent(), flags, classPath);
    }

    private static void requireJarsOnly(String classPath) {
        for (String entry : classPath.split(java.io.File.pathSeparator)) {
            if (Files.isDirectory(Path.of(entry))) {
                throw new IllegalStateException("class-data sharing and the AOT cache archive classes from JAR files"
                        + " only, and the class path holds the directory " + entry + ": run from benchmarks.jar");
            }
        }
    }

    private static void runToTheEnd(ChildJvmLauncher launcher, List<String> workload, String what)
            throws IOException, InterruptedException {
        Process child = launcher.startMerged(workload); // its output, notes of the JDK included, is read here
        try {
            String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!child.waitFor(TRAINING_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException(what + " did not end in " + TRAINING_TIMEOUT_SECONDS + " s");
            }
            if (child.exitValue() != 0) {
                throw new IllegalStateException(what + " exited with status " + child.exitValue() + ": " + output.strip());
            }
        } finally {
            child.destroyForcibly();
        }
    }

    public Kind kind() {
        return kind;
    }

    /** The archive file. */
    public Path file() {
        return folder.resolve(kind.fileName);
    }

    /** The training flags plus the strict flags that make a child use the archive. */
    public List<String> jvmFlags() {
        List<String> flags = new ArrayList<>(jvmFlags);
        flags.addAll(kind.useFlags(file()));
        return flags;
    }

    /** A launcher whose children use the archive. */
    public ChildJvmLauncher launcher() {
        return launcher(classPath, jvmFlags());
    }

    /** Removes the archive and its folder. */
    @Override
    public void close() throws IOException {
        PrivateFolders.delete(folder);
    }
}
