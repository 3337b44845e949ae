package dev.unitsbench.ipc;

import dev.unitsbench.work.PrivateFolders;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/*
 * Claim Q7: "a pipe is one-way bytes; a file is slow but unbounded; shared memory is fast but
 * small; a queue (with its own lock) is the recommended way". How fast is each way for two
 * processes to talk, and how does the best of them compare with two threads sharing a queue?
 *
 * The parent JVM talks to one long-lived child JVM (ChannelPeer) over `channel`:
 *   PIPE           the child's standard input and output (two anonymous pipes)
 *   UNIX_SOCKET    a Unix-domain stream socket, its file in a private folder
 *   TCP_LOOPBACK   TCP on 127.0.0.1, Nagle off
 *   SHARED_MEMORY  two single-producer/single-consumer byte rings in a memory-mapped file
 *                  (1 MiB each, VarHandle acquire/release on head and tail; waiting = spin,
 *                  yield, then 20 us parks: nothing can wake the other side)
 *   FILE           two plain files, appended by the writer, polled by the reader
 * and, as the baseline, one thread talks to another thread of the same JVM:
 *   QUEUE_PLATFORM two ArrayBlockingQueues (one per direction) between two platform threads
 *   QUEUE_VIRTUAL  the same between two virtual threads
 * The child is started once per trial, outside the timed region: this measures the channel, not
 * JVM start-up. Every stream channel frames a message as tag, length, payload; each message is
 * handed to the channel as soon as it is built (one write, or one ring publish), never batched.
 * The queues pass a copy of each message (the sender reuses its buffer, as with every channel),
 * and the receiver reads that copy in place: no second copy, which only threads can do.
 *
 * Messages are `size` bytes (64 B, 4 KiB, 1 MiB). Message n carries n and a window of random
 * bytes that moves with n, so no two in a row are equal. Both ends compute a CRC32C over every
 * byte and count every message; at the end of each iteration the parent asks the peer for its
 * count and checksum and throws if either differs: a lost or corrupted message fails the run.
 *
 *   mebibytesPerSecond  Throughput. ONE OPERATION IS 1 MiB OF PAYLOAD (1 MiB / size messages,
 *                       sent one way), so the score in ops/s reads as MiB/s of payload. Headers
 *                       (8 bytes per message) are not counted. Secondary: `messages`, in
 *                       messages per second.
 *   roundTrip           SampleTime, us/op: one message there and its echo back, checked byte for
 *                       byte; percentiles in JMH's output.
 *
 * What to expect: the in-JVM queues ahead at every size (no system call, no copy out of the
 * kernel, the receiver reads the sender's copy in place). Between processes, shared memory should
 * lead the throughput of small messages (no system call per message), while at 1 MiB, where
 * copying dominates, the kernel channels catch up (a Unix socket led in our runs). For round
 * trips a pipe can beat the ring: a ring's waiting side spins only briefly, then parks, and on a
 * busy 2-core machine a parked side wakes late. The file trails (polled). The claims catalog
 * compares the fastest channel with QUEUE_PLATFORM at each size.
 *
 * HOW TO RUN:
 *   mvn verify -Pbench -Dbench.include=ChannelBenchmark
 *   java -jar benchmarks/target/benchmarks.jar ChannelBenchmark.mebibytesPerSecond -p size=4096
 */
@Warmup(iterations = 2, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 4, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Fork(1)
@State(Scope.Benchmark)
public class ChannelBenchmark {

    /** The payload of one throughput operation. */
    static final int MIB = 1 << 20;

    @Param({"PIPE", "UNIX_SOCKET", "TCP_LOOPBACK", "SHARED_MEMORY", "FILE", "QUEUE_PLATFORM", "QUEUE_VIRTUAL"})
    public Channel channel;

    /** Message size in bytes: 64 B, 4 KiB, 1 MiB. */
    @Param({"64", "4096", "1048576"})
    public int size;

    private Path folder;
    private ChannelConnection connection;
    private CheckedSender sender;

    @Setup(Level.Trial)
    public void open() throws IOException, InterruptedException {
        if (size < CheckedSender.MIN_SIZE || MIB % size != 0) {
            throw new IllegalArgumentException("size " + size + " must divide 1 MiB and be at least "
                    + CheckedSender.MIN_SIZE + " bytes (e.g. -p size=64,4096,1048576)");
        }
        folder = PrivateFolders.create("ipc-");
        connection = ChannelConnection.open(channel, folder, size);
        sender = new CheckedSender(connection.link(), size);
    }

    /** The end of every iteration: the peer must have received every message, intact. */
    @TearDown(Level.Iteration)
    public void verify() throws IOException {
        sender.verify();
    }

    @TearDown(Level.Trial)
    public void close() throws IOException, InterruptedException {
        try {
            if (connection != null) {
                connection.close();
            }
        } finally {
            PrivateFolders.delete(folder);
        }
    }

    /** Messages sent, as a rate (JMH secondary metric, per second). */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Messages {
        public long messages;

        @Setup(Level.Iteration)
        public void reset() {
            messages = 0;
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public long mebibytesPerSecond(Messages counted) throws IOException {
        int messages = MIB / size;
        counted.messages += messages;
        return sender.stream(messages);
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public byte roundTrip() throws IOException {
        return sender.roundTrip();
    }
}
