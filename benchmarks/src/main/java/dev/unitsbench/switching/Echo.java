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
 * The far end of a ping-pong between two processes over a pipe (claim Q2): reads one byte at a
 * time from standard input and writes it straight back to standard output, unbuffered, until
 * end-of-file. One byte in, one byte out is one round trip for the parent.
 *
 * <p>It reads and writes the raw file descriptors, not {@code System.in}/{@code System.out}:
 * those are buffered, and a byte that waits in a buffer is a round trip that never ends. The
 * result is the number of bytes echoed, so the parent can check that none was lost.
 */
public record Echo() implements Workload {

    @Override
    public long run() throws IOException {
        InputStream in = new FileInputStream(FileDescriptor.in);
        OutputStream out = new FileOutputStream(FileDescriptor.out);
        long echoed = 0;
        int b;
        while ((b = in.read()) >= 0) {
            out.write(b);
            echoed++;
        }
        return echoed;
    }

    @Override
    public List<String> toArgs() {
        return Workloads.words(SwitchingWorkloads.class, "echo");
    }
}
