package dev.unitsbench.model;

import dev.unitsbench.work.Workload;
import dev.unitsbench.child.ChildProtocol;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A pool of long-lived worker JVMs: the JVM's counterpart of Python's
 * {@code concurrent.futures.ProcessPoolExecutor} and {@code multiprocessing.Pool} (claims Q9, Q5).
 * It knows tasks, not what they do: every worker runs the worker {@link Workload} the caller
 * gives, which serves task lines with {@link TaskProtocol#serveStandardStreams}.
 *
 * <ul>
 *   <li>{@link #start(ChildJvmLauncher, int, Workload)}: {@code size} child JVMs started by the
 *       given {@link ChildJvmLauncher} (whose flags the caller chooses; every child never outlives
 *       this JVM), all of them admitted by {@link ChildMemoryGuard} first. {@code start} returns
 *       once every worker has said it is ready, so a caller who times the pool's work does not
 *       time JVM start-up. Python's default size is the CPU count
 *       ({@link #defaultSize()}).</li>
 *   <li>{@link #submit(String)}: {@code executor.submit(fn, arg)}. A task is one line of text;
 *       the answer is a future of the worker's answer text. A task goes to an idle worker at
 *       once, or waits in the pool's queue for the next worker to finish; a worker runs one task
 *       at a time.</li>
 *   <li>{@link #map(List, Duration)}: {@code executor.map(fn, args)}: all tasks at once, answers in
 *       the order of the tasks.</li>
 *   <li>Completion callbacks ({@code future.add_done_callback}, {@code apply_async(callback=)}):
 *       {@code submit(task).whenComplete(...)}. As in Python, a callback runs on the thread that
 *       completes the future (here the pool's reader thread of that worker), or at once on the
 *       caller's thread if the future is already done; a slow callback delays that worker's next
 *       answer, not its next task.</li>
 *   <li>{@link #close()}: {@code executor.shutdown(wait=True)}: no new tasks; the queued and
 *       running ones finish (within {@link #CLOSE_WAIT}); then each worker's standard input is
 *       closed and it exits by itself; a worker that has not exited after {@link #STOP_GRACE} is
 *       killed. Every worker is reaped: no child process is left.</li>
 * </ul>
 *
 * <p><b>A worker that dies</b> (killed, crashed, out of memory) fails the task it was running
 * with {@link BrokenPoolException}, and breaks the pool as Python's {@code BrokenProcessPool}
 * does: the queued tasks fail with the same message and {@code submit} refuses new ones
 * ({@link #brokenReason()} says why). Tasks running on the other workers finish normally. A task
 * that fails inside a healthy worker (its handler threw) fails with {@link TaskFailedException}
 * and the pool carries on.
 */
public final class ProcessPool implements AutoCloseable {

    /** How long all workers together may take to start and say they are ready: JVM start-ups on a busy machine. */
    public static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    /** How long {@link #close()} waits for queued and running tasks before it stops the workers anyway. */
    public static final Duration CLOSE_WAIT = Duration.ofMinutes(2);

    /** How long a worker whose input has ended may take to exit before it is killed. */
    public static final Duration STOP_GRACE = Duration.ofSeconds(5);

    /** A task that failed inside a healthy worker; the message is the worker's. */
    public static final class TaskFailedException extends RuntimeException {
        TaskFailedException(String message) {
            super(message);
        }
    }

    /** A worker died: its task, the queued tasks and every later submission fail with this. */
    public static final class BrokenPoolException extends RuntimeException {
        BrokenPoolException(String message) {
            super(message);
        }
    }

    private record Pending(String task, CompletableFuture<String> answer) {
    }

    private static final class Worker {
        final ChildJvm process;
        final BufferedReader fromChild;
        final Writer toChild;
        final CompletableFuture<Void> ready = new CompletableFuture<>();
        /** Reads this worker's answers; set once by the pool's constructor. */
        Thread reader;
        /** The task this worker runs now, or null when idle; guarded by the pool's lock. */
        Pending current;

        Worker(ChildJvm process) {
            this.process = process;
            this.fromChild = new BufferedReader(new InputStreamReader(process.fromChild(), StandardCharsets.UTF_8));
            this.toChild = new BufferedWriter(new OutputStreamWriter(process.toChild(), StandardCharsets.UTF_8));
        }
    }

    private final Object lock = new Object();
    private final List<Worker> workers;
    // All guarded by lock:
    private final Set<Worker> live = new HashSet<>();
    private final ArrayDeque<Worker> idle = new ArrayDeque<>();
    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    private String brokenReason;
    private boolean closed;
    private boolean stopping;

    private ProcessPool(List<Worker> workers) {
        this.workers = List.copyOf(workers);
        live.addAll(workers);
        for (Worker worker : workers) {
            worker.reader = Thread.ofPlatform().daemon().name("process-pool-reader-" + worker.process.pid())
                    .unstarted(() -> readAnswers(worker));
        }
    }

    /** One worker per CPU ({@code Runtime.availableProcessors()}): Python's default pool size. */
    public static int defaultSize() {
        return Runtime.getRuntime().availableProcessors();
    }

    /**
     * Starts a pool of {@code size} worker JVMs, each running {@code worker}, and waits until all
     * of them are ready.
     *
     * @param worker the workload every worker JVM runs: it must serve tasks with
     *     {@link TaskProtocol#serveStandardStreams} (or speak {@link TaskProtocol} otherwise)
     * @throws InsufficientMemoryException if {@code size} child JVMs do not fit in memory
     * @throws IOException if a worker could not start or did not become ready in time
     */
    public static ProcessPool start(ChildJvmLauncher launcher, int size, Workload worker) throws IOException, InterruptedException {
        if (size < 1) {
            throw new IllegalArgumentException("a process pool needs at least 1 worker, got " + size);
        }
        ChildMemoryGuard.check(size);
        List<Worker> started = new ArrayList<>(size);
        try {
            for (int i = 0; i < size; i++) {
                started.add(new Worker(ChildJvm.startWithInput(launcher, worker)));
            }
        } catch (IOException | RuntimeException e) {
            started.forEach(w -> w.process.close());
            throw e;
        }
        return new ProcessPool(started).awaitReady();
    }

    private ProcessPool awaitReady() throws IOException, InterruptedException {
        for (Worker worker : workers) {
            worker.reader.start();
        }
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        try {
            for (Worker worker : workers) {
                worker.ready.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (ExecutionException | TimeoutException e) {
            close();
            throw new IOException("the process pool could not start: "
                    + (e instanceof TimeoutException ? "its workers were not all ready within " + START_TIMEOUT
                            : e.getCause().getMessage()), e);
        } catch (InterruptedException e) {
            close();
            throw e;
        }
        synchronized (lock) {
            for (Worker worker : workers) { // in start order: the first task goes to the first worker
                if (live.contains(worker)) {
                    idle.add(worker);
                }
            }
        }
        return this;
    }

    /** The number of worker JVMs the pool started with. */
    public int size() {
        return workers.size();
    }

    /** The process ids of the worker JVMs, in start order (some may have ended). */
    public List<Long> workerPids() {
        return workers.stream().map(w -> w.process.pid()).toList();
    }

    /** Why the pool is broken (a worker died), if it is. */
    public Optional<String> brokenReason() {
        synchronized (lock) {
            return Optional.ofNullable(brokenReason);
        }
    }

    /**
     * Submits one task line; the future completes with the worker's answer (the text after
     * {@code ok}), or fails with {@link TaskFailedException} or {@link BrokenPoolException}.
     *
     * @throws IllegalArgumentException if the task is not one line
     * @throws RejectedExecutionException if the pool is closed or broken
     */
    public CompletableFuture<String> submit(String task) {
        if (task.isBlank() || task.indexOf('\n') >= 0 || task.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("a task is one non-empty line of text, got '" + task + "'");
        }
        Pending pending = new Pending(task, new CompletableFuture<>());
        Worker worker;
        synchronized (lock) {
            if (closed) {
                throw new RejectedExecutionException("the process pool is closed");
            }
            if (brokenReason != null) {
                throw new RejectedExecutionException(brokenReason);
            }
            worker = idle.poll();
            if (worker == null) {
                queue.add(pending);
            } else {
                worker.current = pending;
            }
        }
        if (worker != null) {
            send(worker, pending);
        }
        return pending.answer();
    }

    /**
     * Runs every task on the pool and returns the answers in the order of the tasks, as
     * {@code executor.map} does.
     *
     * @throws ExecutionException for the first task, in order, that failed
     * @throws TimeoutException if the answers did not all arrive within {@code timeout}
     */
    public List<String> map(List<String> tasks, Duration timeout)
            throws InterruptedException, ExecutionException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<CompletableFuture<String>> answers = new ArrayList<>(tasks.size());
        for (String task : tasks) {
            answers.add(submit(task));
        }
        List<String> results = new ArrayList<>(tasks.size());
        for (CompletableFuture<String> answer : answers) {
            results.add(answer.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
        }
        return results;
    }

    private void send(Worker worker, Pending pending) {
        try {
            worker.toChild.write(pending.task());
            worker.toChild.write('\n');
            worker.toChild.flush();
        } catch (IOException e) {
            // The worker cannot take input: it is dying or dead. Make sure it is, so that its reader
            // sees the end of its output and fails this task as a dead worker's.
            worker.process.close();
        }
    }

    /** The reader thread of one worker: the ready line, then one answer per task, until its output ends. */
    private void readAnswers(Worker worker) {
        try {
            String line = worker.fromChild.readLine();
            if (!TaskProtocol.READY.equals(line)) {
                worker.ready.completeExceptionally(new IOException("worker JVM " + worker.process.pid()
                        + (line == null ? " exited before it was ready (its standard error is above)"
                                : " said '" + line + "' instead of '" + TaskProtocol.READY + "'")));
                worker.process.close();
            } else {
                worker.ready.complete(null);
                while ((line = worker.fromChild.readLine()) != null) {
                    if (line.startsWith(ChildProtocol.RESULT_PREFIX)) {
                        continue; // the worker's last line, after its input ended
                    }
                    if (!answered(worker, line)) {
                        worker.process.close(); // it talks out of turn: treat it as dead
                        break;
                    }
                }
            }
        } catch (IOException e) {
            // Its output broke: the same as its end.
        } finally {
            worker.ready.completeExceptionally(new IOException("worker JVM " + worker.process.pid() + " ended"));
            ended(worker);
        }
    }

    /** One answer line arrived: hand the worker its next task first, then complete the answered one. */
    private boolean answered(Worker worker, String line) {
        Pending done;
        Pending next = null;
        synchronized (lock) {
            done = worker.current;
            if (done == null) {
                return false;
            }
            worker.current = null;
            if (brokenReason == null && !stopping) {
                next = queue.poll(); // once stopping, close() fails what is still queued
            }
            if (next != null) {
                worker.current = next;
            } else {
                idle.add(worker);
                lock.notifyAll();
            }
        }
        if (next != null) {
            send(worker, next);
        }
        if (line.equals(TaskProtocol.OK)) {
            done.answer().complete("");
        } else if (line.startsWith(TaskProtocol.OK + " ")) {
            done.answer().complete(line.substring(TaskProtocol.OK.length() + 1));
        } else if (line.startsWith(TaskProtocol.ERROR + " ")) {
            done.answer().completeExceptionally(new TaskFailedException("task '" + done.task() + "' failed in worker JVM "
                    + worker.process.pid() + ": " + line.substring(TaskProtocol.ERROR.length() + 1)));
        } else {
            done.answer().completeExceptionally(new TaskFailedException("worker JVM " + worker.process.pid()
                    + " answered task '" + done.task() + "' with '" + line + "'"));
        }
        return true;
    }

    /** A worker's output ended: expected after close(), otherwise it died and the pool is broken. */
    private void ended(Worker worker) {
        boolean expected;
        synchronized (lock) {
            expected = stopping;
        }
        int status = 0;
        if (!expected) {
            try {
                status = worker.process.terminate(); // reaps it; kills it if it only closed its output
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Pending lost;
        List<Pending> dropped = new ArrayList<>();
        String reason;
        synchronized (lock) {
            live.remove(worker);
            idle.remove(worker);
            lost = worker.current;
            worker.current = null;
            if (stopping) {
                reason = "the process pool was closed before the task finished";
            } else {
                if (brokenReason == null) {
                    brokenReason = "process pool broken: worker JVM " + worker.process.pid() + " exited with status " + status
                            + (lost != null ? " while running '" + lost.task() + "'" : " while idle")
                            + "; its queued tasks fail and it takes no new ones";
                }
                reason = brokenReason;
                dropped.addAll(queue);
                queue.clear();
            }
            lock.notifyAll();
        }
        if (lost != null) {
            lost.answer().completeExceptionally(new BrokenPoolException(reason));
        }
        for (Pending pending : dropped) {
            pending.answer().completeExceptionally(new BrokenPoolException(reason));
        }
    }

    /**
     * Lets queued and running tasks finish (within {@link #CLOSE_WAIT}), then stops every worker:
     * its input ends and it exits; after {@link #STOP_GRACE} it is killed. Returns when every
     * worker JVM has exited and been reaped.
     */
    @Override
    public void close() {
        boolean interrupted = false;
        synchronized (lock) {
            if (stopping) {
                return;
            }
            closed = true;
            long deadline = System.nanoTime() + CLOSE_WAIT.toNanos();
            while (!queue.isEmpty() || live.stream().anyMatch(w -> w.current != null)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(lock, left);
                } catch (InterruptedException e) {
                    interrupted = true;
                    break;
                }
            }
            stopping = true;
        }
        for (Worker worker : workers) {
            try {
                worker.toChild.close(); // end of input: the worker returns, prints its result line and exits
            } catch (IOException e) {
                // Already gone: terminate() below reaps it.
            }
        }
        long deadline = System.nanoTime() + STOP_GRACE.toNanos();
        for (Worker worker : workers) {
            try {
                if (!interrupted) {
                    worker.reader.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
            try {
                worker.process.terminate(); // a no-op for a worker that exited; reaps every one
            } catch (InterruptedException e) {
                interrupted = true;
                worker.process.close();
            }
        }
        List<Pending> dropped;
        synchronized (lock) {
            dropped = new ArrayList<>(queue);
            queue.clear();
        }
        for (Pending pending : dropped) {
            pending.answer().completeExceptionally(new BrokenPoolException("the process pool was closed before the task started"));
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
