package dev.unitsbench.ipc;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A plain file as a one-way channel, the tutorial's "a file is slow but unbounded": the writer
 * appends frames with ordinary writes; the reader keeps its own position and reads whatever has
 * been appended beyond it.
 *
 * <p>The reader learns of new data by polling: a read at the end of the file returns nothing, and
 * it tries again after an {@link Idle} pause. Polling is what a file offers: it has no end-of-data
 * signal a reader could block on (a read at its end returns at once), and change notification
 * (inotify, the JDK's WatchService) delivers events through a background thread with a delay and
 * merges them, which is slower than a short poll for a stream of messages.
 *
 * <p>Unbounded is true, so the files are rotated to stay small: a round (a benchmark iteration)
 * ends with a frame that both sides recognise ({@link Frame#endsRound}); after it the writer
 * continues in the next file ({@code name.1}, {@code name.2}, ...) and the reader, having read
 * everything of the old one, deletes it and follows.
 */
final class FileLane {

    private FileLane() {
    }

    private static Path file(Path folder, String name, int round) {
        return folder.resolve(name + "." + round);
    }

    private static FileChannel open(Path file, StandardOpenOption mode) throws IOException {
        // Either side may open a round's file first: both create it if it is not there yet
        // (explicitly: FileChannel.open ignores CREATE for a file opened only to read).
        try {
            Files.createFile(file);
        } catch (FileAlreadyExistsException e) {
            // The other side was first.
        }
        return FileChannel.open(file, mode);
    }

    /** The writing end of the lane {@code name} in {@code folder}. */
    static final class Writer implements ByteSink {
        private final Path folder;
        private final String name;
        private int round;
        private FileChannel channel;

        Writer(Path folder, String name) throws IOException {
            this.folder = folder;
            this.name = name;
            this.channel = open(file(folder, name, round), StandardOpenOption.WRITE);
        }

        @Override
        public void write(ByteBuffer from) throws IOException {
            ChannelEnd.writeAll(channel, from);
        }

        @Override
        public void nextRound() throws IOException {
            channel.close();
            round++;
            channel = open(file(folder, name, round), StandardOpenOption.WRITE);
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }

    /** The reading end of the lane {@code name} in {@code folder}. */
    static final class Reader implements ByteSource {
        private final Path folder;
        private final String name;
        private final Idle idle;
        private int round;
        private FileChannel channel;

        Reader(Path folder, String name, Idle idle) throws IOException {
            this.folder = folder;
            this.name = name;
            this.idle = idle;
            this.channel = open(file(folder, name, round), StandardOpenOption.READ);
        }

        @Override
        public int read(ByteBuffer into) throws IOException {
            int attempt = 0;
            long since = System.nanoTime();
            while (true) {
                int n = channel.read(into);
                if (n > 0) {
                    return n;
                }
                idle.pause(attempt++, since);
            }
        }

        @Override
        public void nextRound() throws IOException {
            channel.close();
            Files.deleteIfExists(file(folder, name, round));
            round++;
            channel = open(file(folder, name, round), StandardOpenOption.READ);
        }

        @Override
        public void close() throws IOException {
            channel.close();
            Files.deleteIfExists(file(folder, name, round));
        }
    }
}
