package dev.unitsbench.ipc;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Shared memory between two processes: a single-producer, single-consumer ring buffer of bytes in
 * a memory-mapped file, the JVM's counterpart of the tutorial's {@code multiprocessing.Array} used
 * as a channel. Both processes map the same file; the kernel backs both mappings with the same
 * page-cache pages, so a byte stored by one is seen by the other without a system call.
 *
 * <p>Layout of one ring (a file holds {@link #RINGS} of them, one per direction):
 * <pre>
 *   [0, 8)              head: bytes consumed so far (written by the reader only)
 *   [64, 72)            tail: bytes published so far (written by the writer only)
 *   [128, 128 + CAP)    the data, byte i of the stream at 128 + i mod CAP
 * </pre>
 * head and tail sit on separate cache lines and only ever grow. The writer copies bytes in, then
 * publishes the new tail with a release store; the reader loads the tail with an acquire load, so
 * it sees the bytes before the tail that covers them, copies them out, and releases the head. These
 * are {@link VarHandle} accesses on the mapped buffer (the {@code MemorySegment} API would do the
 * same, but it is final only from JDK 22 and the build targets 21). Neither side can wake the other:
 * a side that finds the ring empty (or full) waits by {@link Idle} (spin, yield, park, bounded).
 */
final class MappedRing implements ByteSource, ByteSink {

    /** Bytes of data per ring: a power of two, and a 1 MiB message fits in one go. */
    static final int CAPACITY = 1 << 20;

    /** Rings per file: one per direction. */
    static final int RINGS = 2;

    private static final int HEAD = 0;
    private static final int TAIL = 64;
    private static final int DATA = 128;
    private static final int RING_BYTES = DATA + CAPACITY;

    /** The size of the shared file. */
    static final long FILE_BYTES = (long) RINGS * RING_BYTES;

    private static final VarHandle LONG = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.nativeOrder());

    private final ByteBuffer ring;
    private final Idle idle;

    private MappedRing(ByteBuffer ring, Idle idle) {
        this.ring = ring;
        this.idle = idle;
    }

    /**
     * Maps {@code file} (creating it, zero-filled, if needed) and returns ring {@code index} of it.
     * Ring 0 carries parent to peer, ring 1 peer to parent.
     */
    static MappedRing map(Path file, int index, Idle idle) throws IOException {
        MappedByteBuffer map;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            // The mapping stays valid after the channel is closed.
            map = channel.map(FileChannel.MapMode.READ_WRITE, 0, FILE_BYTES);
        }
        return new MappedRing(map.slice(index * RING_BYTES, RING_BYTES), idle);
    }

    @Override
    public void write(ByteBuffer from) throws IOException {
        long tail = (long) LONG.get(ring, TAIL);
        int attempt = 0;
        long since = System.nanoTime();
        while (from.hasRemaining()) {
            long head = (long) LONG.getAcquire(ring, HEAD);
            int free = (int) (CAPACITY - (tail - head));
            if (free == 0) {
                idle.pause(attempt++, since);
                continue;
            }
            int at = (int) (tail & (CAPACITY - 1));
            int n = Math.min(Math.min(free, from.remaining()), CAPACITY - at);
            ring.put(DATA + at, from, from.position(), n);
            from.position(from.position() + n);
            tail += n;
            LONG.setRelease(ring, TAIL, tail);
            attempt = 0;
            since = System.nanoTime();
        }
    }

    @Override
    public int read(ByteBuffer into) throws IOException {
        long head = (long) LONG.get(ring, HEAD);
        long tail;
        int attempt = 0;
        long since = System.nanoTime();
        while ((tail = (long) LONG.getAcquire(ring, TAIL)) == head) {
            idle.pause(attempt++, since);
        }
        int at = (int) (head & (CAPACITY - 1));
        int n = (int) Math.min(Math.min(tail - head, into.remaining()), CAPACITY - at);
        into.put(into.position(), ring, DATA + at, n);
        into.position(into.position() + n);
        LONG.setRelease(ring, HEAD, head + n);
        return n;
    }

    @Override
    public void nextRound() {
        // A ring is reused from round to round: nothing to move on to.
    }

    @Override
    public void close() {
        // The mapping goes with the buffer; the file is removed with the private folder.
    }
}
