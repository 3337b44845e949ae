package dev.unitsbench.ipc;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The in-JVM baseline: two threads of one JVM exchanging messages through a pair of
 * {@link ArrayBlockingQueue}s, one per direction, the JVM's {@code queue.Queue}.
 *
 * <p>Why {@code ArrayBlockingQueue}: it is bounded, so a producer that outruns its consumer waits,
 * as it does on a full pipe, socket or ring (an unbounded {@code LinkedTransferQueue} would let
 * 1 MiB messages pile up in the heap instead), and it is the tutorial's "queue with its own lock"
 * (one lock, two conditions). A message is copied into a new array on send, so the sender may
 * reuse its buffer as with every other channel; the receiver gets that array, with no second copy:
 * sharing the heap is what threads have that processes do not.
 */
final class QueueLink implements Link {

    private final BlockingQueue<Frame> in;
    private final BlockingQueue<Frame> out;
    /** How a spinning end waits for its queue; {@code null} for an end that blocks. */
    private final Idle idle;

    private QueueLink(BlockingQueue<Frame> in, BlockingQueue<Frame> out, Idle idle) {
        this.in = in;
        this.out = out;
        this.idle = idle;
    }

    /**
     * Two ends of one channel, each queue holding at most {@code capacity} messages; an end that
     * finds its queue empty (or full) blocks until the other end's hand-over wakes it.
     */
    static QueueLink[] pair(int capacity) {
        return pair(capacity, null);
    }

    /**
     * The same queues, but an end never blocks on them: it tries without waiting ({@code offer},
     * {@code poll}) and, between tries, waits as a mapped ring's end does ({@link Idle}: spin,
     * yield, then short parks). Nothing wakes a waiting end; it finds the message by looking.
     */
    static QueueLink[] spinningPair(int capacity) {
        return pair(capacity, Idle.UNWATCHED);
    }

    private static QueueLink[] pair(int capacity, Idle idle) {
        BlockingQueue<Frame> there = new ArrayBlockingQueue<>(capacity);
        BlockingQueue<Frame> back = new ArrayBlockingQueue<>(capacity);
        return new QueueLink[] {new QueueLink(back, there, idle), new QueueLink(there, back, idle)};
    }

    @Override
    public void send(int tag, byte[] payload, int length) throws IOException {
        Frame frame = new Frame(tag, Arrays.copyOf(payload, length), length);
        if (idle != null) {
            int attempt = 0;
            long since = System.nanoTime();
            while (!out.offer(frame)) {
                idle.pause(attempt++, since);
            }
            return;
        }
        try {
            if (!out.offer(frame, Idle.LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                throw new IOException("the peer took nothing for " + Idle.LIMIT.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            throw new InterruptedIOException("interrupted while sending");
        }
    }

    @Override
    public Frame receive() throws IOException {
        if (idle != null) {
            int attempt = 0;
            long since = System.nanoTime();
            Frame frame;
            while ((frame = in.poll()) == null) {
                idle.pause(attempt++, since);
            }
            return frame;
        }
        try {
            Frame frame = in.poll(Idle.LIMIT.toSeconds(), TimeUnit.SECONDS);
            if (frame == null) {
                throw new IOException("the peer sent nothing for " + Idle.LIMIT.toSeconds() + " s");
            }
            return frame;
        } catch (InterruptedException e) {
            throw new InterruptedIOException("interrupted while receiving");
        }
    }

    @Override
    public void close() {
        // Nothing to release: the queues go with the two ends.
    }
}
