package dev.unitsbench.ipc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unitsbench.model.ExecutionModel;
import dev.unitsbench.work.EmulatedGil;
import dev.unitsbench.work.Workloads;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every channel of claim Q7, between processes and between threads, carries every message intact
 * at every benchmarked size, over several rounds; a lost or corrupted message is caught; the
 * private folder is left empty. The ring between threads runs the ring between processes' code on
 * both ends; the virtual queue's two ends are virtual threads; the queues reuse their buffers.
 */
class ChannelTest {

    private static final int[] SIZES = {64, 4096, 1 << 20};

    @TempDir
    Path folder;

    @ParameterizedTest
    @EnumSource(Channel.class)
    void carriesEveryMessageIntactAtEverySizeOverSeveralRounds(Channel channel) throws Exception {
        for (int size : SIZES) {
            Path sizeFolder = Files.createDirectory(folder.resolve(channel + "-" + size));
            try (ChannelConnection connection = ChannelConnection.open(channel, sizeFolder, size)) {
                CheckedSender sender = new CheckedSender(connection.link(), size);
                // Three rounds: one-way bursts larger than any buffer (the ring, a pipe, the
                // queues), round trips in between, and a round end (which rotates a file channel),
                // each sent from the channel's sending thread, as the benchmark sends.
                int burst = Math.max(4, (4 << 20) / size);
                for (int round = 0; round < 3; round++) {
                    connection.sendingEnd().call(() -> {
                        sender.stream(burst);
                        for (int i = 0; i < 5; i++) {
                            sender.roundTrip();
                        }
                        sender.stream(7);
                        sender.verify();
                        return sender.sent();
                    });
                }
                assertEquals(3L * (burst + 12), sender.sent());
            }
            try (Stream<Path> left = Files.list(sizeFolder)) {
                assertEquals(List.of(), left.toList(), "the channel's files and sockets are gone once it is closed");
            }
        }
    }

    @Test
    void aLostMessageFailsTheCheck() throws Exception {
        assertCaught(new Tamper(1, false), "messages lost or corrupted: sent 3");
    }

    @Test
    void aCorruptedMessageFailsTheCheck() throws Exception {
        assertCaught(new Tamper(1, true), "messages lost or corrupted: sent 3");
    }

    @Test
    void aCorruptedEchoFailsTheRoundTrip() throws Exception {
        QueueLink[] ends = QueueLink.pair(16, 64);
        CompletableFuture<Long> peer = InThread.run(() -> ChannelPeer.serve(new Tamper(ends[1], 0, true, true)));
        CheckedSender sender = new CheckedSender(ends[0], 64);
        IOException e = assertThrows(IOException.class, sender::roundTrip);
        assertTrue(e.getMessage().contains("came back corrupted"), e.getMessage());
        ends[0].send(Frame.BYE, new byte[0], 0);
        peer.get(10, TimeUnit.SECONDS);
    }

    private static void assertCaught(Tamper tamper, String expected) throws Exception {
        QueueLink[] ends = QueueLink.pair(16, 64);
        tamper.inner = ends[1];
        CompletableFuture<Long> peer = InThread.run(() -> ChannelPeer.serve(tamper));
        CheckedSender sender = new CheckedSender(ends[0], 64);
        sender.stream(3);
        IOException e = assertThrows(IOException.class, sender::verify);
        assertTrue(e.getMessage().startsWith(expected), e.getMessage());
        ends[0].send(Frame.BYE, new byte[0], 0);
        peer.get(10, TimeUnit.SECONDS);
    }

    /** The peer's end, losing or corrupting the n-th message it receives (or, for echoes, sends). */
    private static final class Tamper implements Link {
        Link inner;
        private final int victim;
        private final boolean corrupt;
        private final boolean onSend;
        private int received;

        Tamper(int victim, boolean corrupt) {
            this(null, victim, corrupt, false);
        }

        Tamper(Link inner, int victim, boolean corrupt, boolean onSend) {
            this.inner = inner;
            this.victim = victim;
            this.corrupt = corrupt;
            this.onSend = onSend;
        }

        @Override
        public void send(int tag, byte[] payload, int length) throws IOException {
            if (onSend && tag == Frame.DATA) {
                byte[] copy = Arrays.copyOf(payload, length);
                copy[length / 2] ^= 1;
                inner.send(tag, copy, length);
                return;
            }
            inner.send(tag, payload, length);
        }

        @Override
        public Frame receive() throws IOException {
            Frame frame = inner.receive();
            if (onSend || frame.tag() != Frame.DATA || received++ != victim) {
                return frame;
            }
            if (corrupt) {
                byte[] copy = Arrays.copyOf(frame.bytes(), frame.length());
                copy[frame.length() - 1] ^= 0x40;
                return new Frame(frame.tag(), copy, frame.length());
            }
            return inner.receive(); // drop it: hand over the next one instead
        }

        @Override
        public void close() throws IOException {
            inner.close();
        }
    }

    @Test
    void theMappedRingKeepsTheStreamInOrderAcrossWrapAroundsWithOddChunks() throws Exception {
        Path file = folder.resolve("rings.shm");
        MappedRing writerSide = MappedRing.map(file, 0, Idle.UNWATCHED);
        MappedRing readerSide = MappedRing.map(file, 0, Idle.UNWATCHED); // a second mapping, as in the other process
        byte[] stream = new byte[5 * MappedRing.CAPACITY + 12345];
        new SplittableRandom(7).nextBytes(stream);
        CompletableFuture<Integer> writer = InThread.run(() -> {
            SplittableRandom chunks = new SplittableRandom(11);
            int at = 0;
            while (at < stream.length) {
                int n = Math.min(stream.length - at, 1 + chunks.nextInt(300_000));
                writerSide.write(ByteBuffer.wrap(stream, at, n));
                at += n;
            }
            return at;
        });
        byte[] received = new byte[stream.length];
        ByteBuffer into = ByteBuffer.wrap(received);
        SplittableRandom windows = new SplittableRandom(13);
        while (into.hasRemaining()) {
            into.limit(Math.min(received.length, into.position() + 1 + windows.nextInt(200_000)));
            readerSide.read(into);
            into.limit(received.length);
        }
        writer.get(30, TimeUnit.SECONDS);
        assertArrayEquals(stream, received);
    }

    @Test
    void aChildCannotServeAnInJvmQueueAndSaysWhichChannelsItCan() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Workloads.fromArgs(List.of(IpcWorkloads.class.getName(), "channel-peer", "QUEUE_PLATFORM", folder.toString(), "0"), new EmulatedGil()));
        assertTrue(e.getMessage().contains("PIPE, UNIX_SOCKET"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Workloads.fromArgs(
                List.of(IpcWorkloads.class.getName(), "channel-peer", "SHARED_MEMORY_THREADS", folder.toString(), "0"), new EmulatedGil()));
        assertEquals(new ChannelPeer(Channel.FILE, folder, 0),
                Workloads.fromArgs(new ChannelPeer(Channel.FILE, folder, 0).toArgs(), new EmulatedGil()));
    }

    @Test
    void refusesAMessageTooSmallToCarryItsNumber() {
        QueueLink[] ends = QueueLink.pair(2, 64);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new CheckedSender(ends[0], 4));
        assertTrue(e.getMessage().contains("out of range"), e.getMessage());
        assertFalse(Channel.QUEUE_VIRTUAL.betweenProcesses());
    }

    @Test
    void eachChannelNamesTheExecutionModelItRunsOn() {
        for (Channel channel : Channel.values()) {
            assertEquals(channel.betweenProcesses(), channel.model() == ExecutionModel.PROCESS, channel.name());
        }
        assertEquals(ExecutionModel.PLATFORM_THREAD, Channel.QUEUE_PLATFORM.model());
        assertEquals(ExecutionModel.PLATFORM_THREAD, Channel.QUEUE_SPIN_PLATFORM.model());
        assertEquals(ExecutionModel.VIRTUAL_THREAD, Channel.QUEUE_VIRTUAL.model());
        assertEquals(ExecutionModel.PROCESS, Channel.FILE.model());
        assertEquals(ExecutionModel.PLATFORM_THREAD, Channel.SHARED_MEMORY_THREADS.model());
        assertEquals(ExecutionModel.PLATFORM_THREAD, Channel.PIPE_THREADS.model());
    }

    @Test
    void theRingBetweenThreadsRunsTheRingBetweenProcessesOnBothEnds() throws Exception {
        Path processes = Files.createDirectory(folder.resolve("processes"));
        Path threads = Files.createDirectory(folder.resolve("threads"));
        try (ChannelConnection acrossProcesses = ChannelConnection.open(Channel.SHARED_MEMORY, processes, 64);
                ChannelConnection acrossThreads = ChannelConnection.open(Channel.SHARED_MEMORY_THREADS, threads, 64)) {
            // The parent's end: the same link class over the same ring class, both ways.
            for (ChannelConnection connection : List.of(acrossProcesses, acrossThreads)) {
                StreamLink link = assertInstanceOf(StreamLink.class, connection.link());
                assertEquals(MappedRing.class, link.source().getClass());
                assertEquals(MappedRing.class, link.sink().getClass());
                assertSame(SendingEnd.CALLER, connection.sendingEnd(), "the benchmark's own platform thread sends");
            }
            // The peer's end: the same workload, the child's end of SHARED_MEMORY, in a child or on a thread.
            assertEquals(new ChannelPeer(Channel.SHARED_MEMORY, processes, 0), acrossProcesses.peerWorkload());
            assertEquals(new ChannelPeer(Channel.SHARED_MEMORY, threads, 0), acrossThreads.peerWorkload());
            assertNull(acrossProcesses.peerThread(), "a child JVM serves SHARED_MEMORY");
            assertFalse(acrossThreads.peerThread().isVirtual(), "a platform thread serves SHARED_MEMORY_THREADS");
            try (StreamLink peerEnd = assertInstanceOf(StreamLink.class, Channel.SHARED_MEMORY.peerEnd(folder, 0))) {
                assertEquals(MappedRing.class, peerEnd.source().getClass());
                assertEquals(MappedRing.class, peerEnd.sink().getClass());
            }
            for (ChannelConnection connection : List.of(acrossProcesses, acrossThreads)) {
                CheckedSender sender = new CheckedSender(connection.link(), 64);
                sender.stream(100);
                sender.roundTrip();
                sender.verify();
            }
        }
    }

    @Test
    void bothEndsOfTheVirtualQueueAreVirtualThreadsAndBothEndsOfThePlatformQueuePlatformThreads() throws Exception {
        try (ChannelConnection virtual = ChannelConnection.open(Channel.QUEUE_VIRTUAL, folder, 64);
                ChannelConnection platform = ChannelConnection.open(Channel.QUEUE_PLATFORM, folder, 64)) {
            assertTrue(virtual.peerThread().isVirtual());
            assertTrue(virtual.sendingEnd().call(() -> Thread.currentThread().isVirtual()));
            assertFalse(platform.peerThread().isVirtual());
            assertSame(SendingEnd.CALLER, platform.sendingEnd());
            CheckedSender sender = new CheckedSender(virtual.link(), 64);
            assertEquals(3L, virtual.sendingEnd().call(() -> {
                sender.stream(3);
                sender.verify();
                return sender.sent();
            }));
            IOException e = assertThrows(IOException.class, () -> virtual.sendingEnd().call(() -> {
                throw new IOException("from the sending thread");
            }));
            assertEquals("from the sending thread", e.getMessage(), "a failure on the sending thread reaches the caller as it was");
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aQueueReusesItsBuffersAndKeepsAReceivedFrameIntactWhileTheQueueRefills(boolean spinning) throws Exception {
        int capacity = 4;
        QueueLink[] ends = spinning ? QueueLink.spinningPair(capacity, 64) : QueueLink.pair(capacity, 64);
        ends[0].send(Frame.DATA, new byte[] {1}, 1);
        Frame held = ends[1].receive();
        CompletableFuture<Integer> sender = InThread.run(() -> {
            byte[] message = new byte[64];
            for (int n = 2; n <= 1000; n++) {
                message[0] = (byte) n;
                ends[0].send(Frame.DATA, message, 64);
            }
            return 1000;
        });
        Thread.sleep(50); // the sender fills the queue behind the frame held, and the next buffer, then waits
        assertEquals(1, held.bytes()[0], "the frame received is intact until the next receive");
        Set<byte[]> buffers = Collections.newSetFromMap(new IdentityHashMap<>());
        buffers.add(held.bytes());
        for (int n = 2; n <= 1000; n++) {
            Frame frame = ends[1].receive();
            assertEquals((byte) n, frame.bytes()[0], "message " + n);
            buffers.add(frame.bytes());
        }
        sender.get(10, TimeUnit.SECONDS);
        assertEquals(capacity + 2, buffers.size(), "1000 messages through " + (capacity + 2) + " buffers, allocated once");
    }

    @Test
    void aSpinningQueueWaitsForAFullQueueInsteadOfFailing() throws Exception {
        QueueLink[] ends = QueueLink.spinningPair(2, 64);
        CompletableFuture<Long> peer = InThread.run(() -> {
            Thread.sleep(50); // the sender fills both slots and must wait, spinning, for this reader
            return ChannelPeer.serve(ends[1]);
        });
        CheckedSender sender = new CheckedSender(ends[0], 64);
        sender.stream(10);
        sender.verify();
        ends[0].send(Frame.BYE, new byte[0], 0);
        assertEquals(10L, peer.get(10, TimeUnit.SECONDS));
    }

    @Test
    void aThroughputOperationEndsOnlyOnceThePeerConfirmedEveryByte() throws Exception {
        QueueLink[] ends = QueueLink.pair(1 << 16, 64);
        Tamper tamper = new Tamper(ends[1], 5, false, false);
        CompletableFuture<Long> peer = InThread.run(() -> ChannelPeer.serve(tamper));
        ChannelBenchmark.OneWay stream = new ChannelBenchmark.OneWay();
        stream.size = 64;
        stream.sender = new CheckedSender(ends[0], 64);
        // One operation sends 1 MiB in 64 B messages; the peer loses one: the operation itself fails,
        // not a later check outside the timed region.
        IOException e = assertThrows(IOException.class,
                () -> new ChannelBenchmark().mebibytesPerSecond(stream, new ChannelBenchmark.Messages()));
        assertTrue(e.getMessage().startsWith("messages lost or corrupted: sent 16384"), e.getMessage());
        ends[0].send(Frame.BYE, new byte[0], 0);
        peer.get(10, TimeUnit.SECONDS);
    }
}
