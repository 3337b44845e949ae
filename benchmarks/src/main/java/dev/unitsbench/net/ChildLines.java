package dev.unitsbench.net;

import dev.unitsbench.model.ExecutionModel;
import dev.unitsbench.model.ChildJvm;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads a child JVM's standard output line by line, each read bounded in time: a child that
 * hangs is killed, which ends the read, instead of hanging its parent.
 */
final class ChildLines {

    private final ChildJvm child;
    private final BufferedReader reader;

    ChildLines(ChildJvm child) {
        this.child = child;
        this.reader = new BufferedReader(new InputStreamReader(child.fromChild(), StandardCharsets.US_ASCII));
    }

    /**
     * The child's next line.
     *
     * @param what what the line answers, for the error message
     * @throws IOException if the child ended first, or did not answer in time (it is then killed)
     */
    String readLine(Duration timeout, String what) throws IOException, InterruptedException {
        FutureTask<String> read = new FutureTask<>(reader::readLine);
        ExecutionModel.VIRTUAL_THREAD.threadBuilder("child-lines-" + child.pid() + "-").start(read);
        try {
            String line = read.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            if (line == null) {
                throw new IOException(what + ": child JVM " + child.pid() + " ended without answering (its standard error is above)");
            }
            return line;
        } catch (TimeoutException e) {
            child.close();
            throw new IOException(what + ": child JVM " + child.pid() + " did not answer within " + timeout.toSeconds() + " s; it was killed");
        } catch (ExecutionException e) {
            throw new IOException(what + ": could not read child JVM " + child.pid(), e.getCause());
        }
    }
}
