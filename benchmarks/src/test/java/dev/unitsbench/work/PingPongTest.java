package dev.unitsbench.work;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Every token of every batch comes back, for each hand-over and both kinds of thread. */
@Timeout(60)
class PingPongTest {

    @Test
    void everyHandoffReturnsEveryTokenBatchAfterBatchOnPlatformAndVirtualThreads() throws Exception {
        for (PingPong.Handoff handoff : PingPong.Handoff.values()) {
            for (Thread.Builder builder : new Thread.Builder[] {Thread.ofPlatform(), Thread.ofVirtual()}) {
                try (PingPong pair = new PingPong(builder, handoff)) {
                    assertEquals(1, pair.roundTrips(1, Duration.ofSeconds(10)), handoff.toString());
                    assertEquals(1, pair.roundTrips(1, Duration.ofSeconds(10)), handoff + ": a repeated batch of one");
                    assertEquals(2_000, pair.roundTrips(2_000, Duration.ofSeconds(30)), handoff.toString());
                }
            }
        }
    }
}
