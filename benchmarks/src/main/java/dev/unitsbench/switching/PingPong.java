package dev.unitsbench.switching;

import dev.unitsbench.model.ExecutionModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

/**
 * Two threads of one kind, platform or virtual, that hand a token back and forth (claim Q2). One
 * round trip is two hand-overs: ping wakes pong, pong wakes ping. Each hand-over blocks one thread
 * and wakes the other, so a round trip costs two switches between units: between OS threads
 * through the kernel, or between virtual threads through the JVM's scheduler in user space.
 *
 * <p>A pair of threads blocked in a pipe read is woken by the kernel, as two processes are; the
 * other two hand-overs stay inside the JVM for virtual threads (no system call at all between two
 * virtual threads on one carrier) and use a futex for platform threads.
 *
 * <p>The pair lives as long as this object; {@link #roundTrips(int, Duration)} asks it for a batch of round
 * trips and waits for the batch, so that starting threads and the caller's own hand-over are paid
 * once per batch, not once per round trip.
 */
public final class PingPong implements AutoCloseable {

    /** How the token travels between the two threads. */
    public enum Handoff {
        /** Through a pair of {@code SynchronousQueue}s: the JDK's ready-made rendezvous. */
        SYNCHRONOUS_QUEUE,
        /** Through a volatile field, with {@code LockSupport.park/unpark}: the bare mechanism under every lock. */
        PARK_UNPARK,
        /**
         * Through two kernel pipes ({@code java.nio.channels.Pipe}), one byte a round trip, by the
         * loops that run between two processes ({@link Echo#ping}, {@link Echo#serve}): the same
         * channel and code, so that threads and processes compare on the process boundary alone.
         */
        PIPE
    }

    private static final long STOP = -1;

    private final Handoff handoff;
    private final SynchronousQueue<Integer> batches = new SynchronousQueue<>();
    private final SynchronousQueue<Long> done = new SynchronousQueue<>();
    private final Thread ping;
    private final Thread pong;

    // SYNCHRONOUS_QUEUE: the token goes over `toPong` and back over `toPing`.
    private final SynchronousQueue<Long> toPong = new SynchronousQueue<>();
    private final SynchronousQueue<Long> toPing = new SynchronousQueue<>();

    // PIPE: a byte goes over `pipeToPong` and back over `pipeToPing`, read and written as streams,
    // as a parent and its child do.
    private final Pipe pipeToPong;
    private final Pipe pipeToPing;
    private final OutputStream pingOut;
    private final InputStream pingIn;
    private final InputStream pongIn;
    private final OutputStream pongOut;

    /** The last token ping sent; touched by ping alone. */
    private long lastToken;

    // PARK_UNPARK: ping writes `sent`, pong answers by copying it into `returned`.
    private volatile long sent;
    private volatile long returned;

    /**
     * Starts a pair of {@code model}'s threads ({@link ExecutionModel#threadBuilder}): platform
     * threads for PLATFORM_THREAD, virtual threads for VIRTUAL_THREAD.
     */
    public PingPong(ExecutionModel model, Handoff handoff) throws IOException {
        if (model != ExecutionModel.PLATFORM_THREAD && model != ExecutionModel.VIRTUAL_THREAD) {
            throw new IllegalArgumentException("a ping-pong pair is PLATFORM_THREAD or VIRTUAL_THREAD, not " + model);
        }
        Thread.Builder builder = model.threadBuilder("ping-pong-" + model.name().toLowerCase(Locale.ROOT) + "-");
        this.handoff = handoff;
        this.pipeToPong = handoff == Handoff.PIPE ? Pipe.open() : null;
        this.pipeToPing = handoff == Handoff.PIPE ? Pipe.open() : null;
        this.pingOut = handoff == Handoff.PIPE ? Channels.newOutputStream(pipeToPong.sink()) : null;
        this.pongIn = handoff == Handoff.PIPE ? Channels.newInputStream(pipeToPong.source()) : null;
        this.pongOut = handoff == Handoff.PIPE ? Channels.newOutputStream(pipeToPing.sink()) : null;
        this.pingIn = handoff == Handoff.PIPE ? Channels.newInputStream(pipeToPing.source()) : null;
        this.pong = builder.unstarted(this::pongLoop);
        this.ping = builder.unstarted(this::pingLoop);
        pong.start();
        ping.start();
    }

    /**
     * Runs {@code count} round trips between the two threads and waits for them.
     *
     * @return how many tokens came back as sent: {@code count}, unless the pair is broken
     */
    public long roundTrips(int count, Duration timeout) throws InterruptedException, TimeoutException {
        if (!batches.offer(count, timeout.toNanos(), TimeUnit.NANOSECONDS)) {
            throw new TimeoutException("the ping thread did not take a batch in " + timeout);
        }
        Long sum = done.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
        if (sum == null) {
            throw new TimeoutException(count + " round trips did not end in " + timeout);
        }
        return sum;
    }

    private void pingLoop() {
        try {
            while (true) {
                int count = batches.take();
                if (handoff == Handoff.PIPE) {
                    done.put(Echo.ping(pingOut, pingIn, count));
                    continue;
                }
                long returnedAsSent = 0;
                for (int i = 0; i < count; i++) {
                    long token = ++lastToken; // never repeats, so pong always sees a new one
                    if (roundTrip(token) == token) {
                        returnedAsSent++;
                    }
                }
                done.put(returnedAsSent);
            }
        } catch (InterruptedException | IOException e) {
            stopPong();
        }
    }

    private long roundTrip(long token) throws InterruptedException {
        if (handoff == Handoff.SYNCHRONOUS_QUEUE) {
            toPong.put(token);
            return toPing.take();
        }
        sent = token;
        LockSupport.unpark(pong);
        long back;
        while ((back = returned) != token) {
            LockSupport.park(this);
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
        return back;
    }

    private void pongLoop() {
        try {
            long last = 0;
            while (true) {
                long token;
                if (handoff == Handoff.PIPE) {
                    Echo.serve(pongIn, pongOut);
                    return;
                }
                if (handoff == Handoff.SYNCHRONOUS_QUEUE) {
                    token = toPong.take();
                    if (token == STOP) {
                        return;
                    }
                    toPing.put(token);
                    continue;
                }
                while ((token = sent) == last) {
                    LockSupport.park(this);
                    if (Thread.interrupted()) {
                        return;
                    }
                }
                if (token == STOP) {
                    return;
                }
                last = token;
                returned = token;
                LockSupport.unpark(ping);
            }
        } catch (InterruptedException | IOException e) {
            // closing: interrupted, or its pipe was closed under it
        }
    }

    private void stopPong() {
        if (handoff == Handoff.SYNCHRONOUS_QUEUE) {
            toPong.offer(STOP);
        } else {
            sent = STOP;
            LockSupport.unpark(pong);
        }
    }

    /** Stops both threads and waits for them. */
    @Override
    public void close() throws InterruptedException, IOException {
        ping.interrupt();
        pong.interrupt();
        if (handoff == Handoff.PIPE) {
            for (Pipe pipe : new Pipe[] {pipeToPong, pipeToPing}) {
                pipe.sink().close();
                pipe.source().close();
            }
        }
        ping.join();
        pong.join();
    }
}
