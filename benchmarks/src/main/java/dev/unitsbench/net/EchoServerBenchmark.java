package dev.unitsbench.net;

import dev.unitsbench.net.EchoLoadProcess.EchoRound;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/*
 * Claims Q10 and Q4. Q10: "a server that handles each TCP connection in its own process (or
 * thread) serves many clients at once" (the tutorial's server answers data.upper()), and "a UDP
 * echo server needs no connection at all". Q4: "asynchronous + non-blocking is the most efficient
 * style, synchronous + blocking the least". How many clients does each style hold, and how fast
 * and how evenly does it answer them?
 *
 * The same echo server (EchoProtocol: a line in, the line upper-cased out) in each EchoStyle (the
 * param `style`; in brackets the ExecutionModel it runs on, whose thread builder makes its threads):
 *   VIRTUAL_THREAD   (VIRTUAL_THREAD) blocking code, a new virtual thread per connection (UDP: per
 *                    datagram)
 *   PLATFORM_THREAD  (PLATFORM_THREAD) blocking code, a new OS thread per connection (UDP: per
 *                    datagram)
 *   THREAD_POOL      (THREAD_POOL) blocking code, a fixed pool of 200 OS threads (TCP only;
 *                    Tomcat's default size): a connection keeps its pool thread while open, so it
 *                    holds 200 connections
 *   NIO              (PLATFORM_THREAD) event loops, a Selector each, non-blocking channels
 *                    (asyncio's style): TCP one loop per CPU (connections handed round-robin), UDP
 *                    one loop
 *   PROCESS          (PROCESS) one child JVM per CPU, all bound to the port with SO_REUSEPORT, each
 *                    serving its share of the connections with virtual threads (processes x
 *                    coroutines, Q5)
 *
 * Same conditions: the PROCESS style's worker JVMs run with this JVM's garbage collector and heap
 * bounds (ForkedEchoServer.WORKER_JVM_FLAGS, model.BenchmarkJvmFlags), as the other styles serve
 * in this JVM.
 *
 * The load generator (EchoLoad) runs in a child JVM of its own, so that 10 000 client sockets and
 * 10 000 server sockets do not share one process's file-descriptor limit (20 000 here; the JVM
 * raises its soft limit to the hard one, and the hard one is the ceiling), and the clients' work
 * is not charged to the server's JVM. Both share the machine's CPUs, as on any loopback test.
 * Its clients are virtual threads with blocking sockets: cheap enough that 10 000 of them do not
 * dominate (see EchoLoad).
 *
 * Outside the timed region (trial set-up and tear-down): starting the server, starting the load
 * generator and opening `connections` connections (TCP: in batches of 500, each connection probed once; a
 * connection that is refused, dropped or not answered within 3 s is not held). One operation:
 * every held client sends `requests` requests, one at a time, each answer checked; all clients at
 * once. The score is operations (rounds) per second; what to read is beside it:
 *
 *   requests              requests answered per second (JMH normalizes it like the score)
 *   latencyP50Micros, latencyP99Micros, latencyP999Micros, latencyMaxMicros
 *                         per-request latency of the iteration (write to whole answer read),
 *                         from an HdrHistogram merged over the iteration's rounds
 *   failedConnections     TCP: connections the server did not hold (at setup, or lost in a round).
 *                         A style that cannot hold C connections runs on those it holds, so the
 *                         run goes on to the other points, and this counter says it failed at C:
 *                         anything above 0 is a failure at that C, not a slower result.
 *   lostDatagrams         UDP: datagrams not answered within 1 s (counted, not a failure)
 * These are @AuxCounters(EVENTS) set per iteration: JMH's summary of each is the SUM over the
 * measured iterations; the per-iteration values are in the JSON's rawData (the report shows their
 * mean). Any answer that is not its request upper-cased fails the benchmark.
 *
 * What to expect. Every style but the pool should hold 10 000 connections on a Linux machine whose
 * file-descriptor and thread limits allow them (platform threads need 10 000 OS threads); the pool
 * holds its 200 and reports the rest as failedConnections. Every client sends at once and waits
 * for its answer (a closed loop), so a request queues behind the others: latency grows about as
 * connections / throughput (Little's law), so compare styles at the same C. The server and the
 * load generator share the same cores, which narrows every difference between styles. Q4 sets
 * NIO (asynchronous, non-blocking) against the blocking styles; on the JVM, the virtual-thread
 * server's blocking calls park on the same epoll machinery that NIO uses, so NIO and virtual
 * threads should run level, and NIO should lead platform threads only as C grows. Over UDP a
 * platform thread per datagram pays a thread start per datagram.
 *
 * Sizes and time. Two points of C in the full run: 100, where the pool of 200 still holds every
 * connection (Q4's pool comparison), and 10 000, Q10's headline; -p connections=10,100,1000,10000
 * gives the whole curve. Each trial is a fork with its own server and load-generator JVM, and at
 * 10 000 connections their set-up and tear-down (10 000 sockets a side; for PLATFORM_THREAD
 * 10 000 OS threads) cost more than the measurement, so the full run takes 3 forks of 2 short
 * iterations: the statistics use fork means.
 *
 * HOW TO RUN:
 *   mvn verify -Pbench -Dbench.include=EchoServer
 *   java -jar benchmarks/target/benchmarks.jar 'EchoServerBenchmark.tcp' -p style=VIRTUAL_THREAD -p connections=10000
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1, time = 300, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 2, time = 400, timeUnit = TimeUnit.MILLISECONDS)
@Fork(3)
@State(Scope.Benchmark)
public class EchoServerBenchmark {

    /**
     * What a trial of either transport holds: its server and the load generator's child JVM, which
     * the subclass starts. JMH crosses every {@code @Param} of a state, so each transport, with its
     * own styles and sizes, is a state class of its own.
     */
    public abstract static class Served {
        /**
         * Requests per client per operation (lines per TCP connection, datagrams per UDP client),
         * one after another, so that each client is busy all round. Small, because at 10 000
         * connections a round is 10 000 x this many requests.
         */
        @Param({"2"})
        public int requests;

        EchoServer server;
        EchoLoadProcess load;

        /**
         * Stops the load generator, then the server: try-with-resources closes in reverse order,
         * skips one that never started (null), and closes the server even if the load fails to.
         */
        void stopBoth() throws Exception {
            try (EchoServer closedSecond = server; EchoLoadProcess closedFirst = load) {
                // Closing them is all there is to do.
            }
        }
    }

    /** The TCP server of one style with its connected load generator, for one trial. */
    @State(Scope.Benchmark)
    public static class TcpServer extends Served {
        @Param({"VIRTUAL_THREAD", "PLATFORM_THREAD", "THREAD_POOL", "NIO", "PROCESS"})
        public EchoStyle style;

        /** 100: below the pool's 200 threads (Q4); 10 000: Q10's headline. -p connections=10,100,1000,10000 for the curve. */
        @Param({"100", "10000"})
        public int connections;

        @Setup(Level.Trial)
        public void start() throws Exception {
            long start = System.nanoTime();
            server = EchoServer.tcp(style);
            load = EchoLoadProcess.start(EchoTransport.TCP, server.port(), connections);
            System.out.println(System.lineSeparator() + "# echo: TCP " + style + " server holds " + load.heldClients() + " of "
                    + connections + " connections (set up in " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) + " ms)"
                    + (load.failedClients() > 0 ? "; the other " + load.failedClients() + " are reported as failedConnections" : ""));
        }

        @TearDown(Level.Trial)
        public void stop() throws Exception {
            long start = System.nanoTime();
            stopBoth();
            System.out.println("# echo: TCP " + style + " server and load generator stopped in "
                    + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) + " ms");
        }
    }

    /** The UDP server of one style with its load generator, for one trial. */
    @State(Scope.Benchmark)
    public static class UdpServer extends Served {
        @Param({"VIRTUAL_THREAD", "PLATFORM_THREAD", "NIO", "PROCESS"})
        public EchoStyle style;

        /** Clients, one datagram socket each; one size only, to keep the family's run short (-p clients=100,1000 for more). */
        @Param({"1000"})
        public int clients;

        @Setup(Level.Trial)
        public void start() throws Exception {
            server = EchoServer.udp(style);
            load = EchoLoadProcess.start(EchoTransport.UDP, server.port(), clients);
        }

        @TearDown(Level.Trial)
        public void stop() throws Exception {
            stopBoth();
        }
    }

    /** Requests answered: JMH divides them by the iteration's time, like the score. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Requests {
        public long requests;

        @Setup(Level.Iteration)
        public void reset() {
            requests = 0;
        }
    }

    /** Latency percentiles and failures of the iteration, published as JMH secondary metrics. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Outcome {
        public long latencyP50Micros;
        public long latencyP99Micros;
        public long latencyP999Micros;
        public long latencyMaxMicros;
        public long failedConnections;
        public long lostDatagrams;

        private Histogram latencyNanos;
        private long failedInRounds;

        @Setup(Level.Iteration)
        public void reset() {
            latencyNanos = null;
            failedInRounds = 0;
            latencyP50Micros = 0;
            latencyP99Micros = 0;
            latencyP999Micros = 0;
            latencyMaxMicros = 0;
            failedConnections = 0;
            lostDatagrams = 0;
        }

        long record(EchoRound round, EchoLoadProcess load, Requests requests) {
            if (round.mismatched() > 0) {
                throw new IllegalStateException(round.mismatched() + " answers were not their request upper-cased");
            }
            if (latencyNanos == null) {
                latencyNanos = round.latencyNanos();
            } else {
                latencyNanos.add(round.latencyNanos());
            }
            latencyP50Micros = micros(latencyNanos.getValueAtPercentile(50));
            latencyP99Micros = micros(latencyNanos.getValueAtPercentile(99));
            latencyP999Micros = micros(latencyNanos.getValueAtPercentile(99.9));
            latencyMaxMicros = micros(latencyNanos.getMaxValue());
            failedInRounds += round.failed();
            failedConnections = load.failedClients() + failedInRounds;
            lostDatagrams += round.lost();
            requests.requests += round.answered();
            return round.answered();
        }

        private static long micros(long nanos) {
            return TimeUnit.NANOSECONDS.toMicros(nanos);
        }
    }

    @Benchmark
    public long tcp(TcpServer server, Outcome outcome, Requests requests) throws Exception {
        return outcome.record(server.load.round(server.requests), server.load, requests);
    }

    @Benchmark
    public long udp(UdpServer server, Outcome outcome, Requests requests) throws Exception {
        return outcome.record(server.load.round(server.requests), server.load, requests);
    }
}
