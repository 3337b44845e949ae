package dev.unitsbench.ipc;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jctools.queues.varhandle.SpscVarHandleArrayQueue;

/**
 * Two threads of one JVM exchanging messages through a pair of bounded in-memory queues, one per
 * direction: the JVM's {@code queue.Queue}, an extra row beside the channels of claim Q7.
 *
 * <p>Two kinds of queue:
 * <ul>
 *   <li>{@link #pair}: {@link ArrayBlockingQueue}, the tutorial's "queue with its own lock" (one
 *       lock, two conditions). An end that finds its queue empty (or full) blocks, and the other
 *       end's hand-over wakes it.</li>
 *   <li>{@link #spinningPair}: JCTools' single-producer/single-consumer array queue, which takes
 *       no lock (acquire/release on its indices and slots). An end that finds its queue empty (or
 *       full) never blocks: it tries again, waiting between tries as a mapped ring's end waits
 *       ({@link Idle}: spin, yield, then short parks).</li>
 * </ul>
 * Both are bounded, so a producer that outruns its consumer waits, as it does on a full pipe,
 * socket or ring.
 *
 * <p>Buffers are reused, as every other channel reuses its own: the sender copies each message
 * into the next of {@code capacity + 2} buffers it allocated up front, in turn, and the receiver
 * reads that buffer in place (no second copy: sharing the heap is what threads have that processes
 * do not). Reuse is safe because of the bound: when the sender fills buffer {@code s}, at most
 * {@code capacity} messages wait in the queue and the receiver holds one more (a frame is valid
 * until its next {@link #receive()}), so the messages still in use are {@code s - capacity - 1}
 * to {@code s - 1}, none in buffer {@code s mod (capacity + 2)}. The queue's hand-over orders the
 * receiver's reads of an old message before the sender's rewrite of its buffer.
 */
final class QueueLink implements Link {

    /** The smallest buffer: room for a {@link Frame#SUMMARY} (two longs). */
    private static final int MIN_BUFFER = 16;

    /** One direction: a bounded queue of frames. */
    private interface Lane {
        void put(Frame frame) throws IOException;

        Frame take() throws IOException;

        /** How many frames the queue holds at most. */
        int capacity();
    }

    private final Lane in;
    private final Lane out;
    private final byte[][] buffers;
    private long sent;

    private QueueLink(Lane in, Lane out, int bufferBytes) {
        this.in = in;
        this.out = out;
        this.buffers = new byte[out.capacity() + 2][Math.max(MIN_BUFFER, bufferBytes)];
    }

    /**
     * Two ends of one channel over blocking queues of {@code capacity} messages each, with buffers
     * of {@code bufferBytes} (a longer message gets a larger buffer, once).
     */
    static QueueLink[] pair(int capacity, int bufferBytes) {
        Lane there = new BlockingLane(capacity);
        Lane back = new BlockingLane(capacity);
        return new QueueLink[] {new QueueLink(back, there, bufferBytes), new QueueLink(there, back, bufferBytes)};
    }

    /** The same over lock-free queues whose ends spin, yield and park instead of blocking. */
    static QueueLink[] spinningPair(int capacity, int bufferBytes) {
        Lane there = new SpinningLane(capacity);
        Lane back = new SpinningLane(capacity);
        return new QueueLink[] {new QueueLink(back, there, bufferBytes), new QueueLink(there, back, bufferBytes)};
    }

    @Override
    public void send(int tag, byte[] payload, int length) throws IOException {
        int slot = (int) (sent++ % buffers.length);
        byte[] buffer = buffers[slot];
        if (buffer.length < length) {
            buffers[slot] = buffer = new byte[length];
        }
        System.arraycopy(payload, 0, buffer, 0, length);
        out.put(new Frame(tag, buffer, length));
    }

    @Override
    public Frame receive() throws IOException {
        return in.take();
    }

    @Override
    public void close() {
        // Nothing to release: the queues and buffers go with the two ends.
    }

    /** An {@link ArrayBlockingQueue}: a side with nothing to do blocks until the other wakes it. */
    private static final class BlockingLane implements Lane {
        private final ArrayBlockingQueue<Frame> queue;
        private final int capacity;

        BlockingLane(int capacity) {
            this.queue = new ArrayBlockingQueue<>(capacity);
            this.capacity = capacity;
        }

        @Override
        public void put(Frame frame) throws IOException {
            try {
                if (!queue.offer(frame, Idle.LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                    throw new IOException("the peer took nothing for " + Idle.LIMIT.toSeconds() + " s");
                }
            } catch (InterruptedException e) {
                throw new InterruptedIOException("interrupted while sending");
            }
        }

        @Override
        public Frame take() throws IOException {
            try {
                Frame frame = queue.poll(Idle.LIMIT.toSeconds(), TimeUnit.SECONDS);
                if (frame == null) {
                    throw new IOException("the peer sent nothing for " + Idle.LIMIT.toSeconds() + " s");
                }
                return frame;
            } catch (InterruptedException e) {
                throw new InterruptedIOException("interrupted while receiving");
            }
        }

        @Override
        public int capacity() {
            return capacity;
        }
    }

    /**
     * A lock-free single-producer/single-consumer queue (its capacity rounded up to a power of
     * two): a side with nothing to do tries again, waiting as a mapped ring's side waits.
     */
    private static final class SpinningLane implements Lane {
        private final SpscVarHandleArrayQueue<Frame> queue;

        SpinningLane(int capacity) {
            queue = new SpscVarHandleArrayQueue<>(capacity);
        }

        @Override
        public void put(Frame frame) throws IOException {
            int attempt = 0;
            long since = System.nanoTime();
            while (!queue.offer(frame)) {
                Idle.UNWATCHED.pause(attempt++, since);
            }
        }

        @Override
        public Frame take() throws IOException {
            int attempt = 0;
            long since = System.nanoTime();
            Frame frame;
            while ((frame = queue.poll()) == null) {
                Idle.UNWATCHED.pause(attempt++, since);
            }
            return frame;
        }

        @Override
        public int capacity() {
            return queue.capacity();
        }
    }
}
