package dev.unitsbench.model;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A lock that lives in shared memory, as the tutorial's {@code multiprocessing.Lock} does (a POSIX
 * semaphore in a shared mapping): one 64-bit word of a memory-mapped file, 0 when free, the
 * holder's pid when taken, changed only by an atomic compare-and-set. Every process that maps the
 * file sees the same word. The kernel knows nothing of this lock: a holder that dies leaves the
 * word as it was.
 */
final class SharedMemoryLock {

    /** Atomic access to a long of a direct buffer (aligned: offset 0 of a page-aligned mapping). */
    private static final VarHandle WORD = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.nativeOrder());

    private static final long FREE = 0;

    private final MappedByteBuffer memory;

    private SharedMemoryLock(MappedByteBuffer memory) {
        this.memory = memory;
    }

    /** Maps the lock's word from {@code file}, creating the file (lock free) if missing. */
    static SharedMemoryLock map(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            return new SharedMemoryLock(channel.map(FileChannel.MapMode.READ_WRITE, 0, Long.BYTES));
        }
    }

    /** Takes the lock if it is free; returns whether it did. */
    boolean tryLock() {
        return WORD.compareAndSet(memory, 0, FREE, ProcessHandle.current().pid());
    }

    /** Tries to take the lock until {@code timeoutMillis} have passed; returns whether it did. */
    boolean tryLock(long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        while (!tryLock()) {
            if (System.nanoTime() >= deadline) {
                return false;
            }
            Thread.sleep(1);
        }
        return true;
    }

    /** Releases the lock this process holds. */
    void unlock() {
        if (!WORD.compareAndSet(memory, 0, ProcessHandle.current().pid(), FREE)) {
            throw new IllegalMonitorStateException("this process does not hold the lock");
        }
    }

    /** The pid of the holder, or 0 if the lock is free. */
    long holder() {
        return (long) WORD.getVolatile(memory, 0);
    }
}
