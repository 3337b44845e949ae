package dev.unitsbench.ipc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.unitsbench.harness.Built;
import dev.unitsbench.harness.ChildCommand;
import dev.unitsbench.model.ChildJvm;
import dev.unitsbench.model.ExecutionModel;
import dev.unitsbench.model.SocketServerProcess;
import java.util.List;
import org.junit.jupiter.api.Test;
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

    @Test
    void twoConsumersAndOneDrainTheSameServedQueueFedByTheSameProducer() throws Exception {
        // Guards Q8: itemsPerSecond, PROCESS, 2 consumers against 1.
        ProducerConsumerBenchmark one = processes(1);
        try {
            ProducerConsumerBenchmark two = processes(2);
            try {
                ProducerConsumer oneRun = Built.field(one, "run", ProducerConsumer.class);
                ProducerConsumer twoRun = Built.field(two, "run", ProducerConsumer.class);
                ChildCommand oneServer = server(oneRun);
                ChildCommand twoServer = server(twoRun);
                assertEquals(oneServer.launcher(), twoServer.launcher(), "the same lean child JVM serves the queue");
                assertInstanceOf(QueueServer.class, oneServer.workload());
                assertInstanceOf(QueueServer.class, twoServer.workload());
                assertEquals(Built.field(oneRun, "joiner", TaskQueue.class).getClass(), Built.field(twoRun, "joiner", TaskQueue.class).getClass());
                assertEquals(1 + 1, Built.field(oneRun, "threads", List.class).size(), "one producer, one consumer");
                assertEquals(1 + 2, Built.field(twoRun, "threads", List.class).size(), "one producer, two consumers: the factor");
                assertEquals(ProducerConsumerBenchmark.ITEMS, one.itemsPerSecond(new ProducerConsumerBenchmark.Latency()));
                assertEquals(ProducerConsumerBenchmark.ITEMS, two.itemsPerSecond(new ProducerConsumerBenchmark.Latency()));
            } finally {
                two.close();
            }
        } finally {
            one.close();
        }
    }

    private static ProducerConsumerBenchmark processes(int consumers) throws Exception {
        ProducerConsumerBenchmark benchmark = new ProducerConsumerBenchmark();
        benchmark.model = ExecutionModel.PROCESS;
        benchmark.producers = 1;
        benchmark.consumers = consumers;
        benchmark.open();
        return benchmark;
    }

    private static ChildCommand server(ProducerConsumer run) throws ReflectiveOperationException {
        SocketServerProcess server = Built.field(run, "server", SocketServerProcess.class);
        return ChildCommand.of(Built.field(server, "process", ChildJvm.class));
    }
}
