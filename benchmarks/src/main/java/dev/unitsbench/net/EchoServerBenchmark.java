package dev.unitsbench.net;

import dev.unitsbench.model.ChildMemoryGuard;
import dev.unitsbench.model.InsufficientMemoryException;
import dev.unitsbench.model.LeanChildJvm;
import dev.unitsbench.net.EchoLoadProcess.RoundCounts;
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
 * Claims Q10 ("a server that handles each TCP connection in its own process or thread serves many
 * clients at once"; "a UDP echo server needs no connection at all") and Q4 ("asynchronous +
 * non-blocking is the most efficient style"). The tutorial's echo server (a line in, the line
 * upper-cased out) in each EchoStyle (param style): a virtual or a platform thread per
 * connection, a pool of 200 platform threads, NIO event loops, pre-forked server processes
 * sharing the port (PROCESS), and the tutorial's own process per connection.
 *
 * Timed region: a load generator in a child JVM, holding `connections` open clients, runs rounds
 * back to back (every client sends `requests` requests, one at a time, each answer checked) and
 * announces each round as it ends; one operation waits for the next announcement. The score,
 * rounds per second, is therefore the child's pace: this JVM's reading of a line overlaps the
 * next round, and the latencies cross the pipe once per iteration, after it. Outside: starting
 * the server and the load generator and opening the connections (trial set-up), and fetching
 * the latencies (iteration tear-down).
 *
 * Expect: every style but the pool holds 10 000 connections; the pool holds 200 and the process
 * per connection what memory allows (failedConnections above 0 is a failure at that C, not a
 * slower result). NIO and virtual threads level, both ahead of platform threads as C grows.
 *
 * HOW TO RUN: mvn verify -Pbench -Dbench.include=EchoServer, or
 *   java -jar benchmarks/target/benchmarks.jar 'EchoServerBenchmark.tcp' -p style=VIRTUAL_THREAD -p connections=10000
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1, time = 300, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 2, time = 400, timeUnit = TimeUnit.MILLISECONDS)
@Fork(3)
@State(Scope.Benchmark)
public class EchoServerBenchmark {

    /*
     * The load generator runs in a child JVM (EchoLoadProcess) so that 10 000 client sockets and
     * 10 000 server sockets do not share one process's file-descriptor limit, and the clients'
     * garbage and JIT stay out of the server's JVM. Both share the machine's CPUs, as on any
     * loopback test, which narrows every difference between styles. Its clients are virtual
     * threads with blocking sockets (EchoLoad). TCP connections are opened in batches of 500,
     * each probed once; one that is refused, dropped or not answered in time is not held.
     *
     * Every client sends at once and waits for its answer (a closed loop), so a request queues
     * behind the others: latency grows about as connections / throughput (Little's law), so compare
     * styles at the same C.
     *
     * Same conditions: the pre-forked server processes run with this JVM's collector and heap
     * bounds (PreforkedEchoServer.CHILD_JVM_FLAGS), as the thread styles serve in this JVM; a
     * process per connection is a lean JVM (ChildJvmLauncher.lean), as it holds one connection.
     *
     * Sizes: C = 100, where the pool of 200 still holds every connection (Q4's pool comparison)
     * and a process per connection fits in memory, and C = 10 000, Q10's headline;
     * -p connections=10,100,1000,10000 gives the whole curve. At 10 000 connections set-up and
     * tear-down cost more than the measurement, so the full run takes 3 forks of 2 short
     * iterations, and the statistics use fork means.
     *
     * Not steady state: both JVMs are still compiling. A virtual-thread server at 100 connections,
     * in one fork of eight 400 ms iterations, ran 118 rounds/s in the second and 238 in the seventh,
     * still rising (UDP: 7 in the first, 34 in the eighth). Every style is measured at the same
     * point of its first seconds, so the figures compare servers a second into their work; -wi 8
     * measures later on the curve, at about 2 s more per fork.
     */

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
        @Param({"VIRTUAL_THREAD", "PLATFORM_THREAD", "THREAD_POOL", "NIO", "PROCESS", "PROCESS_PER_CONNECTION"})
        public EchoStyle style;

        /** 100: below the pool's 200 threads (Q4); 10 000: Q10's headline. -p connections=10,100,1000,10000 for the curve. */
        @Param({"100", "10000"})
        public int connections;

        @Setup(Level.Trial)
        public void start() throws Exception {
            LeanChildJvm.prepareUnlessHandedDown(); // the lean child JVM, unless the runner handed one down
            if (style == EchoStyle.PROCESS_PER_CONNECTION) {
                refuseUnlessChildrenFit(connections);
            }
            long start = System.nanoTime();
            server = EchoServer.tcp(style);
            load = EchoLoadProcess.start(EchoTransport.TCP, server.port(), connections, server.firstAnswerTimeout());
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

    /**
     * A child JVM per connection: the memory guard decides which connection counts run, before
     * any child starts (10 000 JVMs fit on no ordinary machine).
     */
    private static void refuseUnlessChildrenFit(int connections) {
        try {
            ChildMemoryGuard.check(connections);
        } catch (InsufficientMemoryException e) {
            throw new IllegalStateException("skipped: a process per connection at " + connections + " connections: " + e.getMessage(), e);
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
            LeanChildJvm.prepareUnlessHandedDown(); // the lean child JVM, unless the runner handed one down
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

    /**
     * Latency percentiles and failures of the iteration, published as JMH secondary metrics
     * (EVENTS: JMH's own summary of each is the SUM over the measured iterations; the report uses
     * the per-iteration values of the JSON's rawData):
     *
     *   latencyP50Micros, latencyP99Micros, latencyP999Micros, latencyMaxMicros
     *                         per-request latency (write to whole answer read) over the rounds
     *                         the load generator ran in the iteration, from its HdrHistogram,
     *                         fetched once in the iteration's tear-down
     *   failedConnections     TCP: connections the server did not hold (at set-up, or lost in a
     *                         round). A style that cannot hold C connections runs on those it
     *                         holds, so the run goes on, and this says it failed at C
     *   lostDatagrams         UDP: datagrams not answered within 1 s (counted, not a failure)
     *
     * Any answer that is not its request upper-cased fails the benchmark.
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Outcome {
        public long latencyP50Micros;
        public long latencyP99Micros;
        public long latencyP999Micros;
        public long latencyMaxMicros;
        public long failedConnections;
        public long lostDatagrams;

        private EchoLoadProcess load;
        private long failedInRounds;

        @Setup(Level.Iteration)
        public void reset() {
            load = null;
            failedInRounds = 0;
            latencyP50Micros = 0;
            latencyP99Micros = 0;
            latencyP999Micros = 0;
            latencyMaxMicros = 0;
            failedConnections = 0;
            lostDatagrams = 0;
        }

        /** Counts one round the load generator announced; returns its answered requests. */
        long count(RoundCounts round, EchoLoadProcess load, Requests requests) {
            if (round.mismatched() > 0) {
                throw new IllegalStateException(round.mismatched() + " answers were not their request upper-cased");
            }
            this.load = load;
            failedInRounds += round.failed();
            failedConnections = load.failedClients() + failedInRounds;
            lostDatagrams += round.lost();
            requests.requests += round.answered();
            return round.answered();
        }

        /** Stops the rounds (JMH's timer has stopped) and publishes the iteration's latencies. */
        @TearDown(Level.Iteration)
        public void latencies() throws Exception {
            Histogram latencyNanos = load == null ? null : load.stopRounds();
            if (latencyNanos != null) {
                latencyP50Micros = micros(latencyNanos.getValueAtPercentile(50));
                latencyP99Micros = micros(latencyNanos.getValueAtPercentile(99));
                latencyP999Micros = micros(latencyNanos.getValueAtPercentile(99.9));
                latencyMaxMicros = micros(latencyNanos.getMaxValue());
            }
        }

        private static long micros(long nanos) {
            return TimeUnit.NANOSECONDS.toMicros(nanos);
        }
    }

    @Benchmark
    public long tcp(TcpServer server, Outcome outcome, Requests requests) throws Exception {
        return outcome.count(server.load.nextRound(server.requests), server.load, requests);
    }

    @Benchmark
    public long udp(UdpServer server, Outcome outcome, Requests requests) throws Exception {
        return outcome.count(server.load.nextRound(server.requests), server.load, requests);
    }
}
