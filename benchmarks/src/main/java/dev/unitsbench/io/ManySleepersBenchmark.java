package dev.unitsbench.io;

import dev.unitsbench.harness.ModelRunner;
import dev.unitsbench.model.ExecutionModel;
import dev.unitsbench.model.JoinOrder;
import dev.unitsbench.work.Sleep;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/*
 * Claims T2 and Q5 pushed past the tutorial: how many sleepers can one JVM hold, and what does
 * each model charge for them? The same operation as SleepBenchmark (start `workers` sleeps, wait
 * for all, every start inside the timed region), at 10 000 and 100 000 units. Q5 compares
 * virtual with platform threads at 10 000.
 *
 * Virtual threads run at both counts. Platform threads run at 10 000 only: each is an OS thread,
 * and 100 000 of them exceed common kernel limits (kernel.pid_max is 32 768 on many machines,
 * this project's included), so that count would measure a crash, not a cost. Processes stop at
 * 400 (SleepBenchmark): 10 000 child JVMs would need hundreds of GiB.
 *
 * The two models get a state class each because JMH crosses every parameter of a state: one class
 * would ask for 100 000 platform threads.
 *
 * Harness: 3 forks (the unit of replication), one measured batch each, after warm-up batches
 * sized to what each model needs to settle. The first batches of 100 000 virtual threads in a fresh
 * JVM also grow the heap that holds their stacks and compile the scheduler's paths, and run
 * markedly slower than later ones until about the fourth: so virtualThreads warms up with three
 * batches (at 10 000 the first batch is already close to the rest). A batch of 10 000 platform
 * threads is spent creating and waking OS threads in the kernel, which no warm-up speeds up, and
 * its first batch is no slower than later ones: platformThreads measures its first batch. Each
 * model is thus measured in its steady state, which is what Q5 compares.
 *
 * HOW TO RUN:
 *   mvn verify -Pbench -Dbench.include=ManySleepers
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Measurement(iterations = 1)
@Fork(3)
@State(Scope.Benchmark)
public class ManySleepersBenchmark {

    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    /** One copy's sleep, the same for both models so that Q5 compares them on equal work. */
    @Param({"1000"})
    public long sleepMillis;

    @State(Scope.Benchmark)
    public static class VirtualSleepers extends ModelRunner {
        @Param({"VIRTUAL_THREAD"})
        public ExecutionModel model;

        @Param({"10000", "100000"})
        public int workers;

        @Override
        protected ExecutionModel model() {
            return model;
        }
    }

    @State(Scope.Benchmark)
    public static class PlatformSleepers extends ModelRunner {
        @Param({"PLATFORM_THREAD"})
        public ExecutionModel model;

        @Param({"10000"})
        public int workers;

        @Override
        protected ExecutionModel model() {
            return model;
        }
    }

    @Benchmark
    @Warmup(iterations = 3)
    public long virtualThreads(VirtualSleepers s) throws Exception {
        return s.runner().runAll(Sleep.of(sleepMillis), s.workers, JoinOrder.AFTER_ALL_STARTED, TIMEOUT);
    }

    @Benchmark
    @Warmup(iterations = 0)
    public long platformThreads(PlatformSleepers s) throws Exception {
        return s.runner().runAll(Sleep.of(sleepMillis), s.workers, JoinOrder.AFTER_ALL_STARTED, TIMEOUT);
    }
}
