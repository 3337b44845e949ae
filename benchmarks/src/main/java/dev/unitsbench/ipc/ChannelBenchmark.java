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
 *   PIPE                 the child's standard input and output (two anonymous pipes)
 *   UNIX_SOCKET          a Unix-domain stream socket, its file in a private folder
 *   TCP_LOOPBACK         TCP on 127.0.0.1, Nagle off
 *   SHARED_MEMORY        two single-producer/single-consumer byte rings in a memory-mapped file
 *                        (1 MiB each, VarHandle acquire/release on head and tail; waiting = spin,
 *                        yield, then 20 us parks: nothing can wake the other side)
 *   FILE                 two plain files, appended by the writer, polled by the reader
 * and, as the baseline, one thread talks to another thread of the same JVM:
 *   QUEUE_PLATFORM       two ArrayBlockingQueues (one per direction) between two platform
 *                        threads; a side with nothing to do blocks and is woken by the other
 *   QUEUE_VIRTUAL        the same between two virtual threads
 *   QUEUE_SPIN_PLATFORM  the same queues between two platform threads, but a side with nothing
 *                        to do never blocks: it retries, waiting exactly as a ring's side waits
 * Each channel names the ExecutionModel it runs on (Channel.model()). QUEUE_SPIN_PLATFORM beside
 * QUEUE_PLATFORM separates the two things shared memory differs in from a blocking queue: being
 * in one JVM, and spinning instead of blocking.
 *
 * The child is started once per trial, outside the timed region: this measures the channel, not
 * JVM start-up. Every stream channel frames a message as tag, length, payload; each message is
 * handed to the channel as soon as it is built (one write, or one ring publish), never batched.
 * The queues pass a copy of each message (the sender reuses its buffer, as with every channel),
 * and the receiver reads that copy in place: no second copy, which only threads can do.
 *
 * Message n carries n and a window of random bytes that moves with n, so no two in a row are
 * equal. Both ends compute a CRC32C over every byte and count every message.
 *
 *   mebibytesPerSecond  Throughput. ONE OPERATION IS 1 MiB OF PAYLOAD (1 MiB / size messages,
 *                       sent one way), so the score in ops/s reads as MiB/s of payload, AND IT
 *                       ENDS WHEN THE PEER HAS EVERY BYTE: after the last message the parent asks
 *                       the peer for its count and checksum and waits for the answer (one round
 *                       trip per MiB, the same for every channel), and throws if either differs.
 *                       So a channel cannot look fast by buffering: a file the reader polls, a
 *                       ring or a pipe that the writer fills ahead of its reader all pay for
 *                       delivery inside the operation. Headers (8 bytes per message) are not
 *                       counted. Secondary: `messages`, in messages per second.
 *                       `size`: 64 B and 1 MiB per message (-p size=4096 adds 4 KiB).
 *   roundTrip           SampleTime, us/op: one message there and its echo back, checked byte for
 *                       byte; percentiles in JMH's output. `size`: 64 B, the latency of a small
 *                       message (-p size=64,1048576 adds 1 MiB, where copying dominates and the
 *                       throughput benchmark already speaks). At the end of each iteration the
 *                       peer's count and checksum are compared with what was sent.
 *
 * What to expect: the in-JVM queues ahead at every size (no system call, no copy out of the
 * kernel, the receiver reads the sender's copy in place). Between processes, shared memory should
 * lead the throughput of small messages (no system call per message), while at 1 MiB, where
 * copying dominates, the kernel channels catch up. For round trips a pipe can beat the ring: a
 * ring's waiting side spins only briefly, then parks, and on a busy 2-core machine a parked side
 * wakes late; QUEUE_SPIN_PLATFORM shows the same waiting inside one JVM. The file trails (polled).
 * The claims catalog compares the fastest channel between processes with QUEUE_PLATFORM at each
 * size.
 *
 * Forks are the unit of replication: 3 forks of 1 warm-up and 2 measured iterations of 150 ms.
 * A 1 MiB operation takes a few milliseconds on most channels (tens to a hundred on the polled
 * file at 64 B per message, where an iteration holds only a few); a 64 B round trip takes tens of
 * microseconds, so an iteration holds thousands. Sizes and iterations are cut to fit the suite's
 * time budget with 3 forks of every channel; what the claims do not compare is one -p away.
 *
 * HOW TO RUN:
 *   mvn verify -Pbench -Dbench.include=ChannelBenchmark
 *   java -jar benchmarks/target/benchmarks.jar ChannelBenchmark.mebibytesPerSecond -p size=4096
 */
@Warmup(iterations = 1, time = 150, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 2, time = 150, timeUnit = TimeUnit.MILLISECONDS)
@Fork(3)
@State(Scope.Benchmark)
public class ChannelBenchmark {

    /** The payload of one throughput operation. */
    static final int MIB = 1 << 20;

    @Param({"PIPE", "UNIX_SOCKET", "TCP_LOOPBACK", "SHARED_MEMORY", "FILE", "QUEUE_PLATFORM", "QUEUE_VIRTUAL", "QUEUE_SPIN_PLATFORM"})
    public Channel channel;

    /**
     * A channel open for a trial, with its peer and the checked sender; sized by a subclass's
     * {@code size}. The trial's tear-down is this class's, which JMH runs as the subclass's own.
     */
    public abstract static class Connected {
        private Path folder;
        private ChannelConnection connection;
        CheckedSender sender;

        void open(Channel channel, int size) throws IOException, InterruptedException {
            if (size < CheckedSender.MIN_SIZE || MIB % size != 0) {
                throw new IllegalArgumentException("size " + size + " must divide 1 MiB and be at least "
                        + CheckedSender.MIN_SIZE + " bytes (e.g. -p size=64,4096,1048576)");
            }
            folder = PrivateFolders.create("ipc-");
            connection = ChannelConnection.open(channel, folder, size);
            sender = new CheckedSender(connection.link(), size);
        }

        @TearDown(Level.Trial)
        public void close() throws Exception {
            PrivateFolders.closeThenDelete(connection, folder);
        }
    }

    /** The channel of the throughput benchmark. */
    @State(Scope.Benchmark)
    public static class OneWay extends Connected {
        /** Message size in bytes: 64 B and 1 MiB (-p size=64,4096,1048576 adds 4 KiB). */
        @Param({"64", "1048576"})
        public int size;

        @Setup(Level.Trial)
        public void open(ChannelBenchmark bench) throws IOException, InterruptedException {
            open(bench.channel, size);
        }
    }

    /** The channel of the round-trip benchmark. */
    @State(Scope.Benchmark)
    public static class Echo extends Connected {
        /** Message size in bytes: 64 B (-p size=64,1048576 adds 1 MiB). */
        @Param({"64"})
        public int size;

        @Setup(Level.Trial)
        public void open(ChannelBenchmark bench) throws IOException, InterruptedException {
            open(bench.channel, size);
        }

        /** The end of every iteration: the peer must have received every message, intact. */
        @TearDown(Level.Iteration)
        public void verify() throws IOException {
            sender.verify();
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
    public long mebibytesPerSecond(OneWay stream, Messages counted) throws IOException {
        int messages = MIB / stream.size;
        counted.messages += messages;
        long sent = stream.sender.stream(messages);
        stream.sender.verify(); // the operation ends when the peer has every byte, checked
        return sent;
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public byte roundTrip(Echo echo) throws IOException {
        return echo.sender.roundTrip();
    }
}
