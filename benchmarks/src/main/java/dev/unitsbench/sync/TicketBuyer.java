package dev.unitsbench.sync;

import dev.unitsbench.work.Workload;
import dev.unitsbench.work.Workloads;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One buyer of the tutorial's ticket-booking demo: it looks at the count (outside any lock, as
 * the tutorial's {@code search()}), then, inside the critical section, reads the count again,
 * thinks for {@code thinkMillis}, and if a ticket is left writes back count - 1.
 *
 * <p>The think time stands for the tutorial's {@code time.sleep} between read and write: it
 * widens the window in which another buyer can read the same count, so that the race shows up
 * in a few buyers instead of a few million. It is the same for every guard and every model.
 *
 * <p>The in-JVM locks ({@link TicketGuard#REENTRANT_LOCK}, {@link TicketGuard#SYNCHRONIZED})
 * are objects shared by every copy of this workload in one JVM. A child JVM rebuilt from
 * {@link #toArgs()} gets locks of its own, which guard nothing across processes: that is why
 * processes use {@link TicketGuard#FILE_LOCK}.
 *
 * @param office the ticket file ({@link TicketOffice})
 * @param guard what the buyer holds around read, think and write
 * @param thinkMillis the pause between reading the count and writing it back, and after searching
 * @param locks the locks of this JVM (used by the two in-JVM guards)
 */
public record TicketBuyer(Path office, TicketGuard guard, long thinkMillis, JvmLocks locks) implements Workload {

    /** The locks that threads of one JVM share: one instance per ticket office per JVM. */
    public static final class JvmLocks {
        final ReentrantLock reentrantLock = new ReentrantLock();
        final Object monitor = new Object();
    }

    public TicketBuyer {
        if (thinkMillis < 0) {
            throw new IllegalArgumentException("thinkMillis must be >= 0, got " + thinkMillis);
        }
    }

    /**
     * Tries to buy one ticket.
     *
     * @return 1 if this buyer got a ticket (it saw one left and wrote the count down), 0 if not
     */
    @Override
    public long run() throws Exception {
        try (FileChannel channel = FileChannel.open(office, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            search(channel);
            return switch (guard) {
                case NONE -> buy(channel);
                case FILE_LOCK -> {
                    try (FileLock lock = channel.lock()) {
                        yield buy(channel);
                    }
                }
                case REENTRANT_LOCK -> {
                    locks.reentrantLock.lock();
                    try {
                        yield buy(channel);
                    } finally {
                        locks.reentrantLock.unlock();
                    }
                }
                case SYNCHRONIZED -> {
                    synchronized (locks.monitor) {
                        yield buy(channel);
                    }
                }
            };
        }
    }

    /** The tutorial's {@code search()}: look at the count, outside the lock. */
    private void search(FileChannel channel) throws IOException, InterruptedException {
        TicketOffice.read(channel);
        Thread.sleep(thinkMillis);
    }

    /** The tutorial's {@code buy()}: the read-modify-write that must not interleave. */
    private long buy(FileChannel channel) throws IOException, InterruptedException {
        int left = TicketOffice.read(channel);
        Thread.sleep(thinkMillis);
        if (left > 0) {
            TicketOffice.write(channel, left - 1);
            return 1;
        }
        return 0;
    }

    @Override
    public List<String> toArgs() {
        return Workloads.words(SyncWorkloads.class, "tickets", office.toString(), guard.name(), Long.toString(thinkMillis));
    }
}
