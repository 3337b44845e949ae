package dev.unitsbench.sync;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A {@link SharedTally} in shared memory: a file of {@code 1 + keys} longs (the counter, then the
 * map's entries) that every unit maps into its address space. The pages are the same physical
 * pages in every process, so an atomic instruction on them ({@code lock xadd} on x86, through a
 * {@code VarHandle}'s {@code getAndAdd}) is atomic across processes too.
 *
 * <p>{@link SharedTally.Kind#MAPPED_UNLOCKED} reads and writes back the same longs with opaque
 * access: every load and store happens, but two processes can load the same value, and one of
 * the two increments is lost.
 */
public final class MappedTally implements SharedTally {

    /** Views a byte buffer as longs at byte offsets; on a direct buffer it supports atomic modes. */
    private static final VarHandle LONGS = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.nativeOrder());

    private final int keys;
    private final boolean atomic;
    private final MappedByteBuffer memory;

    /** Maps {@code file}, creating it (zeroed) if needed. */
    public MappedTally(Path file, int keys, boolean atomic) throws IOException {
        SharedTally.checkKeys(keys);
        this.keys = keys;
        this.atomic = atomic;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            // The mapping outlives the channel; it goes when the buffer is collected or the process ends.
            memory = channel.map(FileChannel.MapMode.READ_WRITE, 0, (long) Long.BYTES * (1 + keys));
        }
    }

    @Override
    public void update(int key) {
        add(0);
        add(Long.BYTES * (1 + key));
    }

    private void add(int offset) {
        if (atomic) {
            LONGS.getAndAdd(memory, offset, 1L);
        } else {
            long seen = (long) LONGS.getOpaque(memory, offset);
            LONGS.setOpaque(memory, offset, seen + 1);
        }
    }

    @Override
    public long counter() {
        return (long) LONGS.getVolatile(memory, 0);
    }

    @Override
    public long mapTotal() {
        long total = 0;
        for (int key = 0; key < keys; key++) {
            total += (long) LONGS.getVolatile(memory, Long.BYTES * (1 + key));
        }
        return total;
    }

    @Override
    public void reset() {
        for (int slot = 0; slot <= keys; slot++) {
            LONGS.setVolatile(memory, Long.BYTES * slot, 0L);
        }
    }

    @Override
    public void close() {
        // A mapping cannot be unmapped on demand; dropping the buffer is all there is.
    }
}
