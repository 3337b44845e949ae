package dev.unitsbench.ipc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unitsbench.model.ExecutionModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Producers and consumers around a joinable queue (claim Q8), in every model: over many rounds,
 * with one or several producers and consumers, join() returns with every item consumed exactly
 * once, and every item's latency was recorded.
 */
class ProducerConsumerTest {

    @TempDir
    Path folder;

    @ParameterizedTest
    @EnumSource(value = ExecutionModel.class, names = {"PLATFORM_THREAD", "VIRTUAL_THREAD", "PROCESS"})
    void noItemIsLostOrDuplicatedInAnyModel(ExecutionModel model) throws Exception {
        int[][] shapes = {{1, 1}, {2, 2}, {1, 3}, {3, 1}};
        for (int[] shape : shapes) {
            Path shapeFolder = Files.createDirectory(folder.resolve(model + "-" + shape[0] + "x" + shape[1]));
            try (ProducerConsumer run = ProducerConsumer.open(model, shape[0], shape[1], shapeFolder)) {
                run.latencySinceLastCall();
                int rounds = model == ExecutionModel.PROCESS ? 5 : 50;
                for (int round = 0; round < rounds; round++) {
                    int items = 997; // not a multiple of the producers: uneven shares
                    ProducerConsumer.Outcome outcome = run.round(items);
                    assertEquals(new ProducerConsumer.Outcome(items, 0, 0), outcome,
                            model + " " + shape[0] + " producers, " + shape[1] + " consumers, round " + round);
                }
                Histogram latency = run.latencySinceLastCall();
                assertEquals(rounds * 997L, latency.getTotalCount(), "one latency per item");
            }
            try (Stream<Path> left = Files.list(shapeFolder)) {
                assertEquals(List.of(), left.toList(), "the queue server's socket is removed");
            }
        }
    }

    @Test
    void refusesAModelItDoesNotRunAndAnEmptySide() {
        IllegalArgumentException pool = assertThrows(IllegalArgumentException.class,
                () -> ProducerConsumer.open(ExecutionModel.THREAD_POOL, 1, 1, folder));
        assertTrue(pool.getMessage().contains("PLATFORM_THREAD, VIRTUAL_THREAD or PROCESS"), pool.getMessage());
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> ProducerConsumer.open(ExecutionModel.VIRTUAL_THREAD, 0, 1, folder));
        assertTrue(none.getMessage().contains("at least 1"), none.getMessage());
    }
}
