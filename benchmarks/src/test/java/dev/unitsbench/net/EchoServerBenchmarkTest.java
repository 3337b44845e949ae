package dev.unitsbench.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.unitsbench.model.InsufficientMemoryException;
import dev.unitsbench.net.EchoLoadProcess.RoundCounts;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The benchmark's operation is one round that the load generator ran and announced: its counts
 * come from the child, its latencies from the child once, when the iteration is torn down.
 */
class EchoServerBenchmarkTest {

    @Test
    void eachOperationIsOneRoundTheLoadGeneratorRanAndTheLatenciesArriveAtTheIterationsEnd() throws Exception {
        EchoServerBenchmark.TcpServer trial = new EchoServerBenchmark.TcpServer();
        trial.style = EchoStyle.NIO;
        trial.connections = 10;
        trial.requests = 2;
        EchoServerBenchmark.Outcome outcome = new EchoServerBenchmark.Outcome();
        EchoServerBenchmark.Requests requests = new EchoServerBenchmark.Requests();
        EchoServerBenchmark benchmark = new EchoServerBenchmark();
        trial.start();
        try {
            for (int iteration = 0; iteration < 2; iteration++) {
                outcome.reset();
                requests.reset();
                for (int op = 0; op < 3; op++) {
                    assertEquals(20, benchmark.tcp(trial, outcome, requests), "one round: 10 clients x 2 requests");
                }
                assertEquals(60, requests.requests);
                assertEquals(0, outcome.latencyP50Micros, "no latency crosses the pipe while the rounds run");
                outcome.latencies();
                assertTrue(outcome.latencyP50Micros > 0 && outcome.latencyMaxMicros >= outcome.latencyP99Micros, "latencies of the iteration");
                assertEquals(0, outcome.failedConnections);
            }
            assertEquals(10, trial.load.round(1).answered(), "the rounds stopped with the iteration");
        } finally {
            trial.stop();
        }
    }

    @Test
    void aRoundWithAWrongAnswerFailsTheOperation() {
        EchoServerBenchmark.Outcome outcome = new EchoServerBenchmark.Outcome();
        outcome.reset();
        assertThrows(IllegalStateException.class,
                () -> outcome.count(new RoundCounts(20, 1, 0, 0, 1_000), null, new EchoServerBenchmark.Requests()));
    }

    @Test
    void aProcessPerConnectionTrialThatMemoryCannotHoldIsRefusedBeforeAnyChildStarts() {
        assumeTrue(Files.exists(Path.of("/proc/meminfo")), "the memory guard knows the available memory on Linux only");
        EchoServerBenchmark.TcpServer trial = new EchoServerBenchmark.TcpServer();
        trial.style = EchoStyle.PROCESS_PER_CONNECTION;
        trial.connections = Integer.MAX_VALUE / 2;
        trial.requests = 2;
        IllegalStateException refused = assertThrows(IllegalStateException.class, trial::start);
        assertTrue(refused.getMessage().startsWith("skipped: ") && refused.getCause() instanceof InsufficientMemoryException, refused.getMessage());
        assertEquals(null, trial.server, "no server was started");
    }
}
