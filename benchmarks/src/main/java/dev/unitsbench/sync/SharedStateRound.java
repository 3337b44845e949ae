package dev.unitsbench.sync;

import dev.unitsbench.model.ChildJvmLauncher;
import dev.unitsbench.model.ExecutionModel;
import dev.unitsbench.model.SocketServerProcess;
import dev.unitsbench.model.ChildJvm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Rounds of the shared-state benchmark: {@code units} units each make {@code updates} updates
 * of one {@link SharedTally}, then the tally is read and compared with what was sent.
 *
 * <p>Everything lives for the whole trial, so a round times the updates and not a start-up: the
 * tally (the in-JVM object, the mapped file, or the dict-server process) and the units themselves,
 * which open their tally once and then wait for rounds ({@link TallyUnit}). With
 * {@link ExecutionModel#PROCESS} the units are long-lived child JVMs, told to start a round by a
 * line on their standard input ({@code go}) and answering on their standard output when done;
 * with a thread model they are long-lived threads of this JVM, told by a message in a queue and
 * answering on a latch. Both are started outside the timed region, and both rounds have the same
 * shape: tell every unit, wait for every unit's answer, read the tally. Free of JMH, so tests run
 * the rounds the benchmark measures; all files live in {@code folder}.
 */
public final class SharedStateRound implements AutoCloseable {

    /** What a round ended with. */
    public record Outcome(long sent, long counter, long mapTotal) {
        /** Increments of the counter that a concurrent writer overwrote. */
        public long lostCounterUpdates() {
            return sent - counter;
        }

        /** Increments of the map's entries that a concurrent writer overwrote. */
        public long lostMapUpdates() {
            return sent - mapTotal;
        }
    }

    /** How long a unit may take to start and open its tally: a JVM start-up on a busy 2-core machine. */
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    /** How long a unit told to stop may take before it is killed (child) or given up on (thread). */
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

    private final SocketServerProcess server;
    private final SharedTally reader;
    private final List<Unit> crew = new ArrayList<>();
    private final Path folder;

    /**
     * Opens the tally and starts the units, each ready for its first round when this returns.
     *
     * @param model {@code PROCESS} for child JVMs (a tally between processes: mapped or managed);
     *              a thread model for threads of this JVM (any tally)
     * @param folder a private folder that this object uses until {@link #close()}; the caller deletes it
     */
    public SharedStateRound(ExecutionModel model, SharedTally.Kind kind, Path folder, int units, int keys, long updates)
            throws IOException, InterruptedException {
        if (units < 1) {
            throw new IllegalArgumentException("units must be >= 1, got " + units);
        }
        if (model == ExecutionModel.PROCESS && kind.inJvm()) {
            throw new IllegalArgumentException(kind + " is an object of one JVM; processes cannot share it");
        }
        this.folder = folder;
        InJvmTally inJvm = kind.inJvm() ? new InJvmTally(kind, keys) : null;
        boolean managed = kind == SharedTally.Kind.MANAGER_ADD || kind == SharedTally.Kind.MANAGER_GET_SET;
        Path socket = folder.resolve("dict.sock");
        this.server = managed ? SocketServerProcess.start("dict server", new DictServer(socket), socket, DictClient::new) : null;
        Path location = managed ? server.socket() : folder.resolve("tally.mem");
        TallyUnit tallyUnit = new TallyUnit(kind, location, keys, updates);
        SharedTally opened = null;
        try {
            opened = TallyUnit.open(kind, location, keys, inJvm);
            for (int i = 0; i < units; i++) {
                crew.add(model == ExecutionModel.PROCESS
                        ? ChildUnit.start(tallyUnit)
                        : ThreadUnit.start(tallyUnit, model.threadBuilder("tally-unit-"), inJvm));
            }
            long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
            for (Unit unit : crew) {
                unit.awaitReady(deadline);
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            this.reader = opened;
            close();
            throw e;
        }
        this.reader = opened;
    }

    /** Zeroes the tally, starts a round in every unit, waits for every unit's answer, and reads what arrived. */
    public Outcome run(Duration timeout) throws Exception {
        reader.reset();
        for (Unit unit : crew) {
            unit.go();
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        long sent = 0;
        for (Unit unit : crew) {
            sent += unit.awaitDone(deadline);
        }
        return new Outcome(sent, reader.counter(), reader.mapTotal());
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            for (Unit unit : crew) {
                unit.stop();
            }
        } finally {
            try {
                if (reader != null) {
                    reader.close();
                }
            } finally {
                if (server != null) {
                    server.close();
                }
                Files.deleteIfExists(folder.resolve("tally.mem"));
                Files.deleteIfExists(folder.resolve("dict.sock"));
            }
        }
    }

    /** One long-lived unit, as its parent sees it. */
    private interface Unit {
        void awaitReady(long deadline) throws IOException, InterruptedException;

        void go() throws IOException, InterruptedException;

        /** @return the updates the unit made in the round */
        long awaitDone(long deadline) throws IOException, InterruptedException, TimeoutException;

        /** Tells the unit to stop and waits for it (bounded); never throws for a unit already gone. */
        void stop() throws InterruptedException;
    }

    /** A child JVM running {@link TallyUnit#run()}, ordered through its standard input. */
    private static final class ChildUnit implements Unit {
        private final ChildJvm process;

        private ChildUnit(ChildJvm process) {
            this.process = process;
        }

        static ChildUnit start(TallyUnit tallyUnit) throws IOException {
            return new ChildUnit(ChildJvm.startWithInput(ChildJvmLauncher.lean(), tallyUnit));
        }

        private String answer() throws IOException {
            String line = TallyUnit.readLine(process.fromChild());
            if (line == null) {
                throw new IOException("a tally unit (child JVM " + process.pid() + ") ended; its standard error is above");
            }
            return line;
        }

        @Override
        public void awaitReady(long deadline) throws IOException {
            // A blocking read: a child that fails ends, and its end of the pipe with it.
            String line = answer();
            if (!line.equals(TallyUnit.READY)) {
                throw new IOException("a tally unit said '" + line + "' instead of " + TallyUnit.READY);
            }
        }

        @Override
        public void go() throws IOException {
            TallyUnit.writeLine(process.toChild(), TallyUnit.GO);
        }

        @Override
        public long awaitDone(long deadline) throws IOException {
            String line = answer();
            if (!line.startsWith(TallyUnit.DONE)) {
                throw new IOException("a tally unit said '" + line + "' instead of " + TallyUnit.DONE + "N");
            }
            return Long.parseLong(line.substring(TallyUnit.DONE.length()));
        }

        @Override
        public void stop() throws InterruptedException {
            try {
                TallyUnit.writeLine(process.toChild(), TallyUnit.BYE);
                process.toChild().close();
                process.join(STOP_TIMEOUT);
            } catch (IOException | TimeoutException | ExecutionException e) {
                // Gone already, or stuck: close() kills it.
            } finally {
                process.close();
            }
        }
    }

    /** A thread of this JVM running {@link TallyUnit#round} on its own tally (or the JVM's shared one). */
    private static final class ThreadUnit implements Unit {
        private static final CountDownLatch STOP = new CountDownLatch(0);

        private final BlockingQueue<CountDownLatch> orders = new LinkedBlockingQueue<>();
        private final CountDownLatch ready = new CountDownLatch(1);
        private final AtomicReference<Throwable> failure = new AtomicReference<>();
        private final AtomicLong lastRound = new AtomicLong();
        private CountDownLatch current;
        private Thread thread;

        static ThreadUnit start(TallyUnit tallyUnit, Thread.Builder builder, InJvmTally shared) {
            ThreadUnit unit = new ThreadUnit();
            unit.thread = builder.start(() -> unit.serve(tallyUnit, shared));
            return unit;
        }

        private void serve(TallyUnit tallyUnit, InJvmTally shared) {
            try (SharedTally tally = TallyUnit.open(tallyUnit.kind(), tallyUnit.location(), tallyUnit.keys(), shared)) {
                ready.countDown();
                CountDownLatch order;
                while ((order = orders.take()) != STOP) {
                    try {
                        lastRound.set(tallyUnit.round(tally));
                    } finally {
                        order.countDown();
                    }
                }
            } catch (Throwable e) {
                failure.compareAndSet(null, e);
                ready.countDown();
            }
        }

        private void check() throws IOException {
            Throwable e = failure.get();
            if (e != null) {
                throw new IOException("a tally unit (thread) failed: " + e, e);
            }
        }

        @Override
        public void awaitReady(long deadline) throws IOException, InterruptedException {
            if (!ready.await(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) {
                throw new IOException("a tally unit (thread) did not open its tally in time");
            }
            check();
        }

        @Override
        public void go() throws InterruptedException {
            current = new CountDownLatch(1);
            orders.put(current);
        }

        @Override
        public long awaitDone(long deadline) throws IOException, InterruptedException, TimeoutException {
            if (!current.await(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) {
                throw new TimeoutException("a tally unit (thread) did not finish its round in time");
            }
            check();
            return lastRound.get();
        }

        @Override
        public void stop() throws InterruptedException {
            orders.put(STOP);
            if (!thread.join(STOP_TIMEOUT)) {
                thread.interrupt();
            }
        }
    }
}
