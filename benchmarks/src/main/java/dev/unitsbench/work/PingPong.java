package dev.unitsbench.work;

import java.time.Duration;
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
 * <p>The pair lives as long as this object; {@link #roundTrips(int)} asks it for a batch of round
 * trips and waits for the batch, so that starting threads and the caller's own hand-over are paid
 * once per batch, not once per round trip.
 */
public final class PingPong implements AutoCloseable {

    /** How the token travels between the two threads. */
    public enum Handoff {
        /** Through a pair of {@code SynchronousQueue}s: the JDK's ready-made rendezvous. */
        SYNCHRONOUS_QUEUE,
        /** Through a volatile field, with {@code LockSupport.park/unpark}: the bare mechanism under every lock. */
        PARK_UNPARK
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

    /** The last token ping sent; touched by ping alone. */
    private long lastToken;

    // PARK_UNPARK: ping writes `sent`, pong answers by copying it into `returned`.
    private volatile long sent;
    private volatile long returned;

    public PingPong(Thread.Builder builder, Handoff handoff) {
        this.handoff = handoff;
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
                long returnedAsSent = 0;
                for (int i = 0; i < count; i++) {
                    long token = ++lastToken; // never repeats, so pong always sees a new one
                    if (roundTrip(token) == token) {
                        returnedAsSent++;
                    }
                }
                done.put(returnedAsSent);
            }
        } catch (InterruptedException e) {
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
        } catch (InterruptedException e) {
            // closing
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
    public void close() throws InterruptedException {
        ping.interrupt();
        pong.interrupt();
        ping.join();
        pong.join();
    }
}
