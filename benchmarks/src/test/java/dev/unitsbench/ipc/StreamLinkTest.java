package dev.unitsbench.ipc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A {@link StreamLink} over one two-way end: the bytes it puts on the wire, a frame read back, the
 * peer's end reported as {@link EOFException}, and what closing the link closes.
 */
class StreamLinkTest {

    @Test
    void aStreamEndWritesOneFlushedFrameAndReadsItBackThenReportsTheEnd() throws Exception {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        new StreamLink(new StreamEnd(new ByteArrayInputStream(new byte[0]), wire)).send(Frame.DATA, new byte[] {7, 8, 9}, 2);
        byte[] expected = ByteBuffer.allocate(10).putInt(Frame.DATA).putInt(2).put(new byte[] {7, 8}).array();
        assertArrayEquals(expected, wire.toByteArray());

        StreamLink reader = new StreamLink(new StreamEnd(new ByteArrayInputStream(expected), OutputStream.nullOutputStream()));
        Frame frame = reader.receive();
        assertEquals(Frame.DATA, frame.tag());
        assertArrayEquals(new byte[] {7, 8}, Arrays.copyOf(frame.bytes(), frame.length()));
        assertThrows(EOFException.class, reader::receive);
    }

    @Test
    void aChannelEndCarriesAFrameAndClosesItsChannelsOnlyIfItOwnsThem() throws Exception {
        Pipe pipe = Pipe.open();
        try (StreamLink loop = new StreamLink(new ChannelEnd(pipe.source(), pipe.sink(), false))) {
            byte[] payload = new byte[100_000]; // more than one write's buffer: the frame goes in two
            Arrays.fill(payload, (byte) 3);
            CompletableFuture<Integer> writer = InThread.run(() -> {
                loop.send(Frame.ECHO, payload, payload.length);
                return payload.length;
            });
            Frame frame = loop.receive();
            writer.get(10, TimeUnit.SECONDS);
            assertEquals(Frame.ECHO, frame.tag());
            assertArrayEquals(payload, Arrays.copyOf(frame.bytes(), frame.length()));
        }
        assertTrue(pipe.source().isOpen() && pipe.sink().isOpen(), "the standard streams' channels stay open");
        new StreamLink(new ChannelEnd(pipe.source(), pipe.sink(), true)).close();
        assertFalse(pipe.source().isOpen() || pipe.sink().isOpen());
    }
}
