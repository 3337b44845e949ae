package dev.unitsbench.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openjdk.jmh.annotations.Param;

/*
 * Guards Q4 and Q10: tcp and udp, one EchoStyle against another. Every style meets the same load
 * generator child (EchoLoadProcess), the same requests and the same answer check (an answer that
 * is not its request upper-cased fails the operation, whatever the style); only the server, built
 * by EchoServer.tcp(style) or EchoServer.udp(style), differs.
 */
class EchoServerSameCodeTest {

    private static final int CLIENTS = 2;
    private static final int REQUESTS = 2;

    @ParameterizedTest
    @EnumSource(EchoStyle.class)
    void everyTcpStyleAnswersTheSameRoundOfTheSameLoad(EchoStyle style) throws Exception {
        assertEquals(List.of("requests", "style", "connections"), params(EchoServerBenchmark.TcpServer.class));
        EchoServerBenchmark.TcpServer trial = new EchoServerBenchmark.TcpServer();
        trial.style = style;
        trial.connections = CLIENTS;
        trial.requests = REQUESTS;
        trial.start();
        try {
            oneRound(trial, (outcome, requests) -> new EchoServerBenchmark().tcp(trial, outcome, requests));
        } finally {
            trial.stop();
        }
    }

    @ParameterizedTest
    @EnumSource(value = EchoStyle.class, names = {"VIRTUAL_THREAD", "PLATFORM_THREAD", "NIO", "PROCESS"})
    void everyUdpStyleAnswersTheSameRoundOfTheSameLoad(EchoStyle style) throws Exception {
        assertEquals(List.of("requests", "style", "clients"), params(EchoServerBenchmark.UdpServer.class));
        EchoServerBenchmark.UdpServer trial = new EchoServerBenchmark.UdpServer();
        trial.style = style;
        trial.clients = CLIENTS;
        trial.requests = REQUESTS;
        trial.start();
        try {
            oneRound(trial, (outcome, requests) -> new EchoServerBenchmark().udp(trial, outcome, requests));
        } finally {
            trial.stop();
        }
    }

    /** The benchmark method of the transport, as JMH calls it. */
    private interface Operation {
        long run(EchoServerBenchmark.Outcome outcome, EchoServerBenchmark.Requests requests) throws Exception;
    }

    /** One operation: every client's every request answered, none lost, no connection failed. */
    private static void oneRound(EchoServerBenchmark.Served trial, Operation operation) throws Exception {
        EchoServerBenchmark.Outcome outcome = new EchoServerBenchmark.Outcome();
        outcome.reset();
        assertEquals(CLIENTS, trial.load.heldClients(), "clients held");
        assertEquals(CLIENTS * REQUESTS, operation.run(outcome, new EchoServerBenchmark.Requests()), "answers of one round");
        outcome.latencies();
        assertEquals(0, outcome.failedConnections);
        assertEquals(0, outcome.lostDatagrams);
    }

    /** The @Param fields of a trial state, its superclass's first: the load's sizes and the style. */
    private static List<String> params(Class<?> state) {
        return Stream.of(state.getSuperclass(), state)
                .flatMap(c -> Arrays.stream(c.getDeclaredFields()))
                .filter(f -> f.isAnnotationPresent(Param.class))
                .map(Field::getName)
                .toList();
    }
}
