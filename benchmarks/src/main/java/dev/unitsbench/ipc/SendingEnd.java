package dev.unitsbench.ipc;

import dev.unitsbench.model.ExecutionModel;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The thread a channel's sending side runs on. For every channel but those between virtual threads
 * it is the caller's own (a benchmark's platform thread: the parent of a child JVM, or one of two
 * platform threads). Between virtual threads it is a long-lived virtual thread: the caller hands it
 * each operation and waits for the result, so that both ends of the channel are virtual threads.
 * That hand-over, there and back once per operation, is part of the operation.
 */
final class SendingEnd implements AutoCloseable {

    /** Work on the sending side of a channel. */
    interface Operation<T> {
        T run() throws IOException;
    }

    /** The caller's own thread. */
    static final SendingEnd CALLER = new SendingEnd(null, null);

    private final Thread thread;
    private final BlockingQueue<FutureTask<?>> operations;

    private SendingEnd(Thread thread, BlockingQueue<FutureTask<?>> operations) {
        this.thread = thread;
        this.operations = operations;
    }

    /** The sending end of a channel whose ends run on {@code model}. */
    static SendingEnd of(ExecutionModel model) {
        if (model != ExecutionModel.VIRTUAL_THREAD) {
            return CALLER;
        }
        BlockingQueue<FutureTask<?>> operations = new ArrayBlockingQueue<>(1);
        Thread thread = model.threadBuilder("channel-sender-").start(() -> {
            try {
                while (true) {
                    operations.take().run();
                }
            } catch (InterruptedException e) {
                // Closed.
            }
        });
        return new SendingEnd(thread, operations);
    }

    /** Runs {@code operation} on this end's thread and returns its result. */
    <T> T call(Operation<T> operation) throws IOException {
        if (thread == null) {
            return operation.run();
        }
        FutureTask<T> task = new FutureTask<>(operation::run);
        try {
            operations.put(task);
            return task.get(Idle.LIMIT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            throw new InterruptedIOException("interrupted while the sending thread worked");
        } catch (TimeoutException e) {
            throw new IOException("the sending thread did not finish within " + Idle.LIMIT.toSeconds() + " s");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IOException("the sending thread failed: " + e.getCause(), e.getCause());
        }
    }

    /** Ends this end's thread, if it has one. */
    @Override
    public void close() throws InterruptedException {
        if (thread != null) {
            thread.interrupt();
            thread.join(Idle.LIMIT.toMillis());
        }
    }
}
