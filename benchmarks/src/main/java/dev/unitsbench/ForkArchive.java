package dev.unitsbench;

import dev.unitsbench.work.PrivateFolders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A class-data archive shared by every JMH fork of a run: the first fork writes it when it exits
 * ({@code -XX:+AutoCreateSharedArchive}, JDK 19+), every later fork maps JMH's and the suite's
 * classes from it instead of loading them from the jar.
 *
 * <p>Why: a full run starts about 500 forks, and a fork that loads its classes from the archive
 * starts about 0.05 s sooner (10 forks of a short benchmark: 5.5-5.7 s against 6.1 s), half a
 * minute of the run. What a benchmark measures is unchanged: its iterations run long after class
 * loading, and the two sides of every comparison run with the same archive. Children that
 * benchmarks start (child JVMs, worker JVMs) get their own flags and never this archive. The
 * archive's log is off: the writing fork would otherwise print a line per class it skips.
 */
final class ForkArchive implements AutoCloseable {

    private final Path folder;

    private ForkArchive(Path folder) {
        this.folder = folder;
    }

    /** An empty private folder for the archive, removed by {@link #close()}. */
    static ForkArchive create() {
        try {
            return new ForkArchive(PrivateFolders.create("unitsbench-fork-archive-"));
        } catch (IOException e) {
            throw new UncheckedIOException("could not create a temp folder for the forks' class-data archive", e);
        }
    }

    Path file() {
        return folder.resolve("forks.jsa");
    }

    /** The flags that give a fork the archive: prepended to every fork's command line. */
    List<String> forkOptions() {
        return List.of("-XX:SharedArchiveFile=" + file(), "-XX:+AutoCreateSharedArchive", "-Xlog:cds=off");
    }

    @Override
    public void close() throws IOException {
        PrivateFolders.delete(folder);
    }
}
