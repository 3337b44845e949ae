package dev.unitsbench.switching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.unitsbench.model.ExecutionModel;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Every token of every batch comes back, for each hand-over and both kinds of thread. */
@Timeout(60)
class PingPongTest {

    @Test
    void everyHandoffReturnsEveryTokenBatchAfterBatchOnPlatformAndVirtualThreads() throws Exception {
        for (PingPong.Handoff handoff : PingPong.Handoff.values()) {
            for (ExecutionModel model : new ExecutionModel[] {ExecutionModel.PLATFORM_THREAD, ExecutionModel.VIRTUAL_THREAD}) {
                try (PingPong pair = new PingPong(model, handoff)) {
                    assertEquals(1, pair.roundTrips(1, Duration.ofSeconds(10)), handoff.toString());
                    assertEquals(1, pair.roundTrips(1, Duration.ofSeconds(10)), handoff + ": a repeated batch of one");
                    assertEquals(2_000, pair.roundTrips(2_000, Duration.ofSeconds(30)), handoff.toString());
                }
            }
        }
    }

    @Test
    void aPairOfProcessesOrPooledThreadsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new PingPong(ExecutionModel.PROCESS, PingPong.Handoff.PIPE));
        assertThrows(IllegalArgumentException.class, () -> new PingPong(ExecutionModel.THREAD_POOL, PingPong.Handoff.PIPE));
    }
}
