package dev.unitsbench.ipc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.unitsbench.harness.Built;
import dev.unitsbench.model.ExecutionModel;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/*
 * Guards Q8: itemsPerSecond, PLATFORM_THREAD and VIRTUAL_THREAD against PROCESS. Every model runs
 * the same ProducerConsumer: the same producers and consumers, the same JoinableQueue protocol
 * (put, take, taskDone, join), the same items and the same exactly-once check. What differs
 * besides the unit: for threads the queue is an in-JVM JoinableQueue shared by the units; for
 * PROCESS it is served by a child JVM (QueueServer) over Unix-domain sockets, one connection per
 * unit, and the units themselves are platform threads of this JVM, so the process boundary is
 * between the units and the queue, crossed by every put and every take.
 */
class ProducerConsumerSameCodeTest {

    @ParameterizedTest
    @EnumSource(value = ExecutionModel.class, names = {"PLATFORM_THREAD", "VIRTUAL_THREAD", "PROCESS"})
    void everyModelRunsTheSameRoundThroughAJoinableQueue(ExecutionModel model) throws Exception {
        ProducerConsumerBenchmark benchmark = new ProducerConsumerBenchmark();
        benchmark.model = model;
        benchmark.producers = 1;
        benchmark.consumers = 2;
        benchmark.open();
        try {
            ProducerConsumer run = Built.field(benchmark, "run", ProducerConsumer.class);
            Class<?> queue = model == ExecutionModel.PROCESS ? QueueClient.class : JoinableQueue.class;
            assertInstanceOf(queue, Built.field(run, "joiner", TaskQueue.class), "the queue " + model + " joins");
            assertEquals(1 + 2, Built.field(run, "threads", List.class).size(), "producers and consumers");
            assertEquals(ProducerConsumerBenchmark.ITEMS, benchmark.itemsPerSecond(new ProducerConsumerBenchmark.Latency()),
                    "one round: every item consumed once (the benchmark checks it)");
        } finally {
            benchmark.close();
        }
    }
}
