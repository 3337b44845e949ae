package dev.unitsbench.sync;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A {@link SharedTally} that is an object of this JVM, shared by its threads:
 * {@link SharedTally.Kind#ATOMIC}, {@link SharedTally.Kind#LOCKED} or {@link SharedTally.Kind#UNLOCKED}.
 *
 * <p>The unlocked counter is a plain {@code long} field read and written with opaque access: each
 * update really loads and stores the field (a JIT may not keep it in a register for the whole
 * loop, which would hide the race behind one big write at the end), yet nothing makes the
 * load-add-store atomic. The unlocked map is a {@code HashMap} whose keys all exist before the
 * units start, so concurrent {@code put}s only replace values and never resize it: updates are
 * lost, the map is never corrupted.
 */
public final class InJvmTally implements SharedTally {

    private static final VarHandle PLAIN_COUNTER;

    static {
        try {
            PLAIN_COUNTER = MethodHandles.lookup().findVarHandle(InJvmTally.class, "plainCounter", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Kind kind;
    private final int keys;
    private final AtomicLong atomicCounter = new AtomicLong();
    private final ConcurrentHashMap<Integer, Long> concurrentMap = new ConcurrentHashMap<>();
    private final ReentrantLock lock = new ReentrantLock();
    @SuppressWarnings("unused") // accessed through PLAIN_COUNTER
    private long plainCounter;
    private final Map<Integer, Long> plainMap = new HashMap<>();

    public InJvmTally(Kind kind, int keys) {
        if (!kind.inJvm()) {
            throw new IllegalArgumentException(kind + " is not a tally inside one JVM");
        }
        SharedTally.checkKeys(keys);
        this.kind = kind;
        this.keys = keys;
        reset();
    }

    @Override
    public void update(int key) {
        switch (kind) {
            case ATOMIC -> {
                atomicCounter.incrementAndGet();
                concurrentMap.merge(key, 1L, Long::sum);
            }
            case LOCKED -> {
                lock.lock();
                try {
                    plainCounter++;
                    plainMap.put(key, plainMap.get(key) + 1);
                } finally {
                    lock.unlock();
                }
            }
            case UNLOCKED -> {
                long seen = (long) PLAIN_COUNTER.getOpaque(this);
                PLAIN_COUNTER.setOpaque(this, seen + 1);
                plainMap.put(key, plainMap.get(key) + 1);
            }
            default -> throw new AssertionError(kind);
        }
    }

    @Override
    public long counter() {
        return kind == Kind.ATOMIC ? atomicCounter.get() : (long) PLAIN_COUNTER.getVolatile(this);
    }

    @Override
    public long mapTotal() {
        lock.lock(); // read after the units are joined; the lock only orders it after LOCKED updates
        try {
            Map<Integer, Long> map = kind == Kind.ATOMIC ? concurrentMap : plainMap;
            return map.values().stream().mapToLong(Long::longValue).sum();
        } finally {
            lock.unlock();
        }
    }

    /** Zeroes every entry; call it only while no unit runs. */
    @Override
    public void reset() {
        lock.lock();
        try {
            atomicCounter.set(0);
            PLAIN_COUNTER.setVolatile(this, 0L);
            for (int key = 0; key < keys; key++) {
                concurrentMap.put(key, 0L);
                plainMap.put(key, 0L);
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        // Shared by the threads of a round; nothing to release.
    }
}
