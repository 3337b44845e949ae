package dev.unitsbench.ipc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unitsbench.harness.Built;
import dev.unitsbench.harness.ChildCommand;
import dev.unitsbench.model.ChildJvm;
import dev.unitsbench.model.ChildJvmLauncher;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/*
 * Guards Q7's channel rows as the benchmark's own states build them.
 * - "Threads out-run processes", mebibytesPerSecond and roundTrip, SHARED_MEMORY_THREADS against
 *   SHARED_MEMORY: on both sides the benchmark's end is a StreamLink over two MappedRings that wait
 *   by the same Idle, the far end is the same ChannelPeer of SHARED_MEMORY (the child's, read back
 *   from its command line; the thread's, the object the thread runs), and the benchmark's own
 *   thread sends. Only the process boundary differs.
 * - "Shared memory is fast" and "a file is slow", SHARED_MEMORY, PIPE, UNIX_SOCKET, TCP_LOOPBACK
 *   against each other and FILE: every child is the same lean JVM running the same ChannelPeer
 *   loop for its channel, and the benchmark's end sends through the same CheckedSender and
 *   StreamLink. Only the channel differs.
 */
class ChannelSameCodeTest {

    @Test
    void theRingBetweenThreadsIsTheRingBetweenProcessesWithTheSameWaitingOnBothEnds() throws Exception {
        ChannelBenchmark.OneWay processes = oneWay(Channel.SHARED_MEMORY);
        ChannelBenchmark.OneWay threads = oneWay(Channel.SHARED_MEMORY_THREADS);
        try {
            for (ChannelBenchmark.OneWay side : new ChannelBenchmark.OneWay[] {processes, threads}) {
                StreamLink link = assertInstanceOf(StreamLink.class, connection(side).link());
                MappedRing in = assertInstanceOf(MappedRing.class, link.source());
                MappedRing out = assertInstanceOf(MappedRing.class, link.sink());
                Idle idle = Built.field(in, "idle", Idle.class);
                assertSame(idle, Built.field(out, "idle", Idle.class), "both rings wait the same way");
                assertTrue(Built.field(idle, "peerAlive", BooleanSupplier.class).getAsBoolean(),
                        "the wait watches the live peer, a child or a thread");
                assertSame(SendingEnd.CALLER, side.sendingEnd, "the benchmark's own platform thread sends");
                assertEquals(link, Built.field(side.sender, "link", Link.class), "the checked sender writes to the ring");
            }
            Path processFolder = Built.field(processes, "folder", Path.class);
            Path threadFolder = Built.field(threads, "folder", Path.class);
            assertEquals(new ChannelPeer(Channel.SHARED_MEMORY, processFolder, 0), peerChild(processes).workload(),
                    "the child runs the SHARED_MEMORY peer");
            assertEquals(new ChannelPeer(Channel.SHARED_MEMORY, threadFolder, 0), connection(threads).peerWorkload(),
                    "the thread runs the SHARED_MEMORY peer, the child's workload object");
            assertNull(connection(processes).peerThread(), "a child JVM serves SHARED_MEMORY");
            assertFalse(connection(threads).peerThread().isVirtual(), "a platform thread serves SHARED_MEMORY_THREADS");

            ChannelBenchmark bench = new ChannelBenchmark();
            assertEquals(bench.mebibytesPerSecond(processes, new ChannelBenchmark.Messages()),
                    bench.mebibytesPerSecond(threads, new ChannelBenchmark.Messages()), "one operation: the same messages, confirmed");
        } finally {
            processes.close();
            threads.close();
        }
    }

    @Test
    void aRoundTripOverTheRingIsTheSameOperationBetweenThreadsAndBetweenProcesses() throws Exception {
        ChannelBenchmark.Echo processes = echo(Channel.SHARED_MEMORY);
        ChannelBenchmark.Echo threads = echo(Channel.SHARED_MEMORY_THREADS);
        try {
            ChannelBenchmark bench = new ChannelBenchmark();
            for (ChannelBenchmark.Echo side : new ChannelBenchmark.Echo[] {processes, threads}) {
                StreamLink link = assertInstanceOf(StreamLink.class, connection(side).link());
                assertEquals(MappedRing.class, link.source().getClass());
                assertEquals(MappedRing.class, link.sink().getClass());
                bench.roundTrip(side);
                side.verify();
                assertEquals(1, side.sender.sent(), "one message there, its echo checked on the way back");
            }
            assertEquals(Channel.SHARED_MEMORY, connection(threads).peerWorkload().channel());
            assertEquals(Channel.SHARED_MEMORY, assertInstanceOf(ChannelPeer.class, peerChild(processes).workload()).channel());
        } finally {
            processes.close();
            threads.close();
        }
    }

    @ParameterizedTest
    @EnumSource(value = Channel.class, names = {"SHARED_MEMORY", "PIPE", "UNIX_SOCKET", "TCP_LOOPBACK", "FILE"})
    void everyChannelBetweenProcessesRunsTheSamePeerInTheSameLeanChild(Channel channel) throws Exception {
        ChannelBenchmark.OneWay side = oneWay(channel);
        try {
            ChildCommand child = peerChild(side);
            assertEquals(ChildCommand.launcherArguments(ChildJvmLauncher.lean()), child.launcher(), "the lean child JVM");
            ChannelPeer peer = assertInstanceOf(ChannelPeer.class, child.workload());
            assertEquals(channel, peer.channel());
            assertEquals(Built.field(side, "folder", Path.class), peer.folder());
            assertInstanceOf(StreamLink.class, connection(side).link(), "the same framing on every channel");
            assertSame(SendingEnd.CALLER, side.sendingEnd);
            assertEquals(ChannelBenchmark.MIB / 64,
                    new ChannelBenchmark().mebibytesPerSecond(side, new ChannelBenchmark.Messages()));
        } finally {
            side.close();
        }
    }

    private static ChannelBenchmark.OneWay oneWay(Channel channel) throws Exception {
        ChannelBenchmark.OneWay state = new ChannelBenchmark.OneWay();
        state.size = 64;
        return opened(state, channel);
    }

    private static ChannelBenchmark.Echo echo(Channel channel) throws Exception {
        ChannelBenchmark.Echo state = new ChannelBenchmark.Echo();
        state.size = 64;
        return opened(state, channel);
    }

    /** What the state's trial set-up does for -p channel=... size=64. */
    private static <S extends ChannelBenchmark.Connected> S opened(S state, Channel channel) throws Exception {
        state.open(channel, 64);
        return state;
    }

    private static ChannelConnection connection(ChannelBenchmark.Connected state) throws ReflectiveOperationException {
        return Built.field(state, "connection", ChannelConnection.class);
    }

    /** The command line of the child JVM that serves {@code state}'s channel. */
    private static ChildCommand peerChild(ChannelBenchmark.Connected state) throws ReflectiveOperationException {
        Object peer = Built.field(connection(state), "peer", Object.class);
        ChildJvm child = Built.field(peer, "process", ChildJvm.class);
        assertNotNull(child);
        return ChildCommand.of(child);
    }
}
