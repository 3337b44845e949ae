package dev.unitsbench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.infra.BenchmarkParams;

class ForkTimesTest {

    private static final BenchmarkParams A = FakeResults.params("dev.unitsbench.x.A.run", Map.of("model", "PROCESS"));
    private static final BenchmarkParams B = FakeResults.params("dev.unitsbench.x.A.run", Map.of("model", "VIRTUAL_THREAD"));

    @Test
    void eachForkIsTimedFromItsStartToItsEndPerResult() {
        ForkTimes times = new ForkTimes();
        times.started(A, 1_000_000_000L);
        times.ended(A, 3_500_000_000L);
        times.started(B, 4_000_000_000L);
        times.ended(B, 5_000_000_000L);
        times.started(A, 6_000_000_000L);
        times.ended(A, 7_000_000_000L);
        assertEquals(List.of(2.5, 1.0), times.of(ForkRounds.key(A)));
        assertEquals(List.of(1.0), times.of(ForkRounds.key(B)));
    }

    @Test
    void anEndWithoutItsStartIsNotCounted() {
        ForkTimes times = new ForkTimes();
        times.started(A, 0);
        times.ended(B, 1_000_000_000L);
        times.ended(A, 2_000_000_000L);
        assertEquals(List.of(), times.of(ForkRounds.key(A)));
        assertEquals(List.of(), times.of(ForkRounds.key(B)));
    }
}
