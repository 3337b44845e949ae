package dev.unitsbench.ipc;

import dev.unitsbench.work.ServerConnection;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;

/**
 * One connection to a {@link dev.unitsbench.work.QueueServer}, for one thread: a producer, a
 * consumer, or the joiner. {@link #put} is sent at once without waiting for an answer, as
 * Python's {@code put} returns before its feeder thread has written the item; {@link #taskDone}
 * leaves with the next request, which is the consumer's next {@link #take}.
 */
public final class QueueClient implements TaskQueue<QueueItem>, ServerConnection {

    private final SocketChannel socket;
    private final DataInputStream in;
    private final DataOutputStream out;

    public QueueClient(Path socketFile) throws IOException {
        socket = SocketChannel.open(UnixDomainSocketAddress.of(socketFile));
        in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(socket)));
        out = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(socket)));
    }

    @Override
    public void put(QueueItem item) throws IOException {
        out.write('P');
        out.writeLong(item.id());
        out.writeLong(item.putNanos());
        out.flush();
    }

    @Override
    public QueueItem take() throws IOException {
        out.write('T');
        out.flush();
        return new QueueItem(in.readLong(), in.readLong());
    }

    @Override
    public void taskDone() throws IOException {
        out.write('D');
    }

    /** Waits until the server has applied every request sent on this connection (the puts). */
    public void sync() throws IOException {
        out.write('Y');
        out.flush();
        expect('Y');
    }

    @Override
    public boolean join(Duration timeout) throws IOException {
        out.write('J');
        out.writeLong(timeout.toMillis());
        out.flush();
        return expect('J');
    }

    /** A sync, which the server answers at once on a fresh connection. */
    @Override
    public void ping() throws IOException {
        sync();
    }

    @Override
    public void shutdown() throws IOException {
        out.write('Q');
        out.flush();
        expect('Q');
    }

    private boolean expect(char code) throws IOException {
        int answer = in.read();
        if (answer == code) {
            return true;
        }
        if (code == 'J' && answer == 'N') {
            return false;
        }
        throw new IOException("queue server answered " + (answer < 0 ? "nothing (it closed the connection)" : "'" + (char) answer + "'")
                + " where '" + code + "' was expected");
    }

    @Override
    public void close() throws IOException {
        try {
            out.flush();
        } finally {
            socket.close();
        }
    }
}
