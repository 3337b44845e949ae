package dev.unitsbench.ipc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The joinable queue of claim Q8, in this JVM and served by another process: join() returns only
 * once every item put has been task_done'd, not merely taken.
 */
class JoinableQueueTest {

    @TempDir
    Path folder;

    @Test
    void joinReturnsOnlyAfterEveryItemWasDoneByTheConsumers() throws Exception {
        JoinableQueue<Integer> queue = new JoinableQueue<>();
        int items = 2000;
        AtomicInteger done = new AtomicInteger();
        List<Thread> consumers = new ArrayList<>();
        for (int c = 0; c < 3; c++) {
            consumers.add(Thread.ofVirtual().start(() -> {
                try {
                    while (true) {
                        int item = queue.take();
                        if (item < 0) {
                            queue.taskDone();
                            return;
                        }
                        if (item % 100 == 0) {
                            Thread.sleep(1); // some work takes a while
                        }
                        done.incrementAndGet();
                        queue.taskDone();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        for (int i = 0; i < items; i++) {
            queue.put(i);
        }
        assertTrue(queue.join(Duration.ofSeconds(30)));
        assertEquals(items, done.get(), "every item was processed before join() returned");
        assertEquals(0, queue.unfinished());
        for (int c = 0; c < 3; c++) {
            queue.put(-1);
        }
        for (Thread consumer : consumers) {
            assertTrue(consumer.join(Duration.ofSeconds(10)));
        }
    }

    @Test
    void aTakenButUnfinishedItemHoldsJoinBack() throws Exception {
        JoinableQueue<String> queue = new JoinableQueue<>();
        queue.put("job");
        assertEquals("job", queue.take());
        assertEquals(1, queue.unfinished(), "taken is not done");
        CountDownLatch joined = new CountDownLatch(1);
        Thread joiner = Thread.ofPlatform().start(() -> {
            try {
                queue.join();
                joined.countDown();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertFalse(joined.await(200, TimeUnit.MILLISECONDS), "join() waits while a task is unfinished");
        queue.taskDone();
        assertTrue(joined.await(10, TimeUnit.SECONDS), "join() returns once the task is done");
        joiner.join();
    }

    @Test
    void joinOnAnEmptyQueueReturnsAtOnceAndOneTaskDoneTooManyIsRefused() throws Exception {
        JoinableQueue<String> queue = new JoinableQueue<>();
        assertTrue(queue.join(Duration.ZERO));
        IllegalStateException e = assertThrows(IllegalStateException.class, queue::taskDone);
        assertTrue(e.getMessage().contains("more times than items were put"), e.getMessage());
        assertEquals(0, queue.unfinished(), "the refused call changed nothing");
        queue.put("a");
        assertFalse(queue.join(Duration.ofMillis(20)));
    }

    /** The socket file appears at bind(), a moment before listen(): try until a connection is accepted. */
    private static void awaitListening(Path socket, CompletableFuture<Long> served) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try (QueueClient probe = new QueueClient(socket)) {
                probe.sync();
                return;
            } catch (IOException notYet) {
                if (served.isDone() || System.nanoTime() > deadline) {
                    throw notYet;
                }
                Thread.sleep(5);
            }
        }
    }

    @Test
    void theQueueServerJoinsOnlyAfterTaskDoneAndRemovesItsSocket() throws Exception {
        Path socket = folder.resolve("queue.sock");
        CompletableFuture<Long> served = InThread.run(() -> new QueueServer(socket).run());
        awaitListening(socket, served);
        try (QueueClient producer = new QueueClient(socket);
             QueueClient consumer = new QueueClient(socket);
             QueueClient main = new QueueClient(socket)) {
            producer.put(new QueueItem(7, 123));
            producer.put(new QueueItem(8, 456));
            producer.sync();
            assertEquals(new QueueItem(7, 123), consumer.take());
            assertEquals(new QueueItem(8, 456), consumer.take());
            assertFalse(main.join(Duration.ofMillis(100)), "both taken, none done: join() times out");
            consumer.taskDone();
            assertFalse(main.join(Duration.ofMillis(100)), "one of two done");
            consumer.taskDone();
            consumer.sync();
            assertTrue(main.join(Duration.ofSeconds(10)), "both done");
            main.shutdown();
        }
        assertEquals(2, served.get(10, TimeUnit.SECONDS), "items put");
        assertFalse(Files.exists(socket), "the socket file is removed");
    }
}
