package dev.unitsbench.ipc;

import java.time.Duration;

/**
 * The tutorial's {@code JoinableQueue}, as the producer/consumer benchmark uses it: whether the
 * queue is in this JVM ({@link JoinableQueue}) or served by another process ({@link QueueClient}).
 */
public interface TaskQueue<E> extends AutoCloseable {

    /** Adds an item: one more unfinished task. */
    void put(E item) throws Exception;

    /** Removes the next item, waiting for one. */
    E take() throws Exception;

    /** Says that a taken item has been processed: one fewer unfinished task. */
    void taskDone() throws Exception;

    /**
     * Waits until every item put so far has been taken and {@linkplain #taskDone done}, at most
     * {@code timeout}.
     *
     * @return whether every task was done in time
     */
    boolean join(Duration timeout) throws Exception;

    @Override
    default void close() throws Exception {
    }
}
