package dev.unitsbench.sync;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tutorial's ticket file, {@code {"count": N}}: the only thing that buyers share.
 *
 * <p>The count is written with a fixed width ({@code {"count": 0000000005}}), in place, by one
 * positional write. The tutorial rewrites a whole JSON file; a reader racing such a rewrite can
 * find the file empty and crash, which would hide the race this file exists to show. Here every
 * read finds a well-formed count, and a buyer that reads too early simply reads a stale one.
 */
public final class TicketOffice {

    private static final String FORMAT = "{\"count\": %010d}\n";
    private static final int LENGTH = String.format(FORMAT, 0).length();
    private static final Pattern COUNT = Pattern.compile("\\{\"count\": (\\d{10})}\n");

    private TicketOffice() {
    }

    /** Opens (or replaces) the office with {@code tickets} tickets left. */
    public static void open(Path file, int tickets) throws IOException {
        if (tickets < 0) {
            throw new IllegalArgumentException("tickets must be >= 0, got " + tickets);
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            write(channel, tickets);
        }
    }

    /** The tickets left, as the file says now. */
    public static int count(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return read(channel);
        }
    }

    /** Reads the count through an open channel, from position 0. */
    static int read(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(LENGTH);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, buffer.position()) < 0) {
                break;
            }
        }
        String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII);
        Matcher m = COUNT.matcher(text);
        if (!m.matches()) {
            throw new IOException("not a ticket file: '" + text + "'");
        }
        return Integer.parseInt(m.group(1));
    }

    /** Writes the count through an open channel, in place at position 0. */
    static void write(FileChannel channel, int count) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(String.format(FORMAT, count).getBytes(StandardCharsets.US_ASCII));
        while (buffer.hasRemaining()) {
            channel.write(buffer, buffer.position());
        }
    }
}
