package dev.unitsbench.net;

import dev.unitsbench.work.Workload;
import dev.unitsbench.work.Workloads;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * The child of the {@link EchoStyle#PROCESS_PER_CONNECTION} server ({@link ProcessPerConnectionEchoServer}):
 * serves one connection, whose bytes its parent relays to its standard input and from its
 * standard output. It prints {@link #READY} once started, then answers each line upper-cased
 * ({@link EchoProtocol}), as the tutorial's {@code handle(conn)} does, until its input ends. The
 * result is the number of lines it answered.
 */
public record ConnectionChild() implements Workload {

    /** The line the child prints once it is ready to serve. */
    public static final String READY = "ready";

    /** Bytes buffered on each side: a line is about 40 bytes. */
    private static final int BUFFER = 256;

    @Override
    public long run() throws IOException {
        InputStream in = new BufferedInputStream(new FileInputStream(FileDescriptor.in), BUFFER);
        OutputStream out = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), BUFFER);
        out.write((READY + "\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        LongAdder answered = new LongAdder();
        EchoProtocol.answerLines(in, out, answered);
        return answered.sum();
    }

    @Override
    public List<String> toArgs() {
        return Workloads.words(NetWorkloads.class, "echo-connection");
    }
}
