package dev.unitsbench.switching;

import dev.unitsbench.work.Workload;
import dev.unitsbench.work.Workloads;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/**
 * A ping-pong over a pair of pipes (claim Q2), one byte a round trip: {@link #ping} sends a byte
 * and blocks until it comes back, {@link #serve} sends every byte straight back. The same two loops
 * run between two processes (this record is the child JVM's workload: it serves its standard input
 * to its standard output) and between two threads of one JVM ({@link PingPong}'s PIPE), so the
 * two compare on one factor: the process boundary.
 *
 * <p>The child reads and writes the raw file descriptors, not {@code System.in}/{@code System.out}:
 * those are buffered, and a byte that waits in a buffer is a round trip that never ends. Its
 * result is the number of bytes echoed, so the parent can check that none was lost.
 */
public record Echo() implements Workload {

    @Override
    public long run() throws IOException {
        return serve(new FileInputStream(FileDescriptor.in), new FileOutputStream(FileDescriptor.out));
    }

    /** Writes every byte of {@code in} straight back to {@code out}, until end-of-file; returns how many. */
    static long serve(InputStream in, OutputStream out) throws IOException {
        long echoed = 0;
        int b;
        while ((b = in.read()) >= 0) {
            out.write(b);
            out.flush();
            echoed++;
        }
        return echoed;
    }

    /**
     * {@code rounds} round trips with a peer that {@link #serve serves}: a byte to {@code toPeer},
     * flushed, then a blocking read of its echo from {@code fromPeer}.
     *
     * @return how many bytes came back as sent: {@code rounds}, unless the peer is broken
     */
    static long ping(OutputStream toPeer, InputStream fromPeer, int rounds) throws IOException {
        long echoedAsSent = 0;
        for (int i = 0; i < rounds; i++) {
            int token = i & 0x7f;
            toPeer.write(token);
            toPeer.flush();
            if (fromPeer.read() == token) {
                echoedAsSent++;
            }
        }
        return echoedAsSent;
    }

    @Override
    public List<String> toArgs() {
        return Workloads.words(SwitchingWorkloads.class, "echo");
    }
}
