package dev.unitsbench.slicing;

import dev.unitsbench.model.ExecutionModel;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
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
 * Claim Q12: "the CPU gives up a task when it blocks on I/O or when its time slice is used up
 * (time-slicing, round robin)". Does a unit that needs the CPU for an instant get it while other
 * units compute without end?
 *
 * Timed region: one operation. A probe (WakeProbe) starts and wants to wake every PERIOD, `ticks`
 * times; then hogsPerCore x cores CPU-bound hogs (CpuHogs) of the same `model` start; when the
 * probe has done its ticks, the hogs are told to stop. The verdict is on the probe's lateness per
 * tick (secondary metrics, see Lateness), not on the time score, which hogLimitMillis caps.
 *
 * Same code: both models run the same probe and hogs on threads from ExecutionModel.threadBuilder,
 * and hogsPerCore=0 runs the probe alone; the compared factor is the model, or the hogs' presence.
 *
 * Expect platform threads preempted by the kernel: the probe late by a fraction of a millisecond to
 * a few among hogs. Virtual threads, not time-sliced: the hogs hold every carrier and the probe
 * waits until they stop by themselves at hogLimitMillis (hogLimitReached 1). Platform against
 * virtual among hogs is therefore capped by that limit: context; each model among hogs against
 * alone is the fair comparison.
 *
 * HOW TO RUN:
 *   mvn verify -Pbench -Dbench.include=slicing
 *   java -jar benchmarks/target/benchmarks.jar TimeSliceBenchmark -p hogsPerCore=2
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
/*
 * Replication: 3 forks of 3 measured operations each, after one warm-up operation; the statistics
 * use the fork means.
 */
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(3)
@State(Scope.Benchmark)
public class TimeSliceBenchmark {

    /** The probe's period: a 1 ms timer, as in a game loop or a metrics ticker. */
    static final Duration PERIOD = Duration.ofMillis(1);

    /*
     * PLATFORM_THREAD: the probe and the hogs are OS threads; the kernel's scheduler preempts a hog
     * when the probe's timer fires (or at the latest when the hog's slice ends), and the run takes
     * about `ticks` ms.
     *
     * VIRTUAL_THREAD, default scheduler (a ForkJoinPool of one carrier per core): a virtual thread
     * gives its carrier up only when it blocks. With more hogs than carriers, the hogs hold every
     * carrier; the probe's timer fires, but its continuation waits in the pool's queue behind them.
     * Without a bound the operation would never end, so the hogs stop by themselves at
     * `hogLimitMillis` after they start (CpuHogs' shared deadline): the run then takes about
     * hogLimitMillis, every tick is late by up to that, and hogLimitReached says so. A probe
     * starved until the limit scores about hogLimitMillis however long the starvation would have
     * lasted, so the score's ratio between the models is set by a constant of this class.
     *
     * The probe starts first and is parked in its first tick when the hogs arrive: the question is
     * whether a running unit gets the CPU back, not whether a new one gets in.
     */
    @Param({"PLATFORM_THREAD", "VIRTUAL_THREAD"})
    public ExecutionModel model;

    /** Hogs per core: 2 gives K = 2 x cores, more hogs than the cores (and carriers) there are. */
    @Param({"0", "2"})
    public int hogsPerCore;

    /** The probe's tick count: its run takes this many milliseconds when nothing delays it. */
    @Param({"200"})
    public int ticks;

    /** The longest the hogs may run, so that a starved probe cannot make a run endless. */
    @Param({"1000"})
    public long hogLimitMillis;

    /**
     * The probe's lateness per tick in microseconds (median, p99, max), and hogLimitReached: 1 when
     * the hogs had to be stopped by their time limit (the probe had not finished by then: starved).
     * As {@code @AuxCounters(EVENTS)}, JMH's summary score of each is the SUM over the measured
     * iterations; the per-operation values are in the "Iteration" lines and in the JSON's rawData
     * (the report shows their per-iteration mean).
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Lateness {
        public long latenessP50Micros;
        public long latenessP99Micros;
        public long latenessMaxMicros;
        public long hogLimitReached;
    }

    @Benchmark
    public long probeAmongHogs(Lateness lateness) throws Exception {
        Thread.Builder builder = model.threadBuilder("slice-");
        Duration timeout = Duration.ofMillis(hogLimitMillis + ticks).plusSeconds(30);
        WakeProbe probe = new WakeProbe(ticks, PERIOD);
        long[] probeSum = new long[1];
        Thread probeThread = builder.start(() -> probeSum[0] = probe.run());
        if (!probe.awaitStarted(timeout)) {
            throw new IllegalStateException("the probe did not start in " + timeout);
        }

        int k = hogsPerCore * Runtime.getRuntime().availableProcessors();
        CpuHogs hogs = new CpuHogs(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(hogLimitMillis));
        long[] hogResults = new long[k];
        Thread[] hogThreads = new Thread[k];
        for (int i = 0; i < k; i++) {
            int slot = i;
            hogThreads[i] = builder.start(() -> hogResults[slot] = hogs.spin());
        }

        boolean probeDone = probeThread.join(timeout);
        hogs.stop();
        long checksum = probeSum[0];
        for (int i = 0; i < k; i++) {
            if (!hogThreads[i].join(timeout)) {
                throw new IllegalStateException("hog " + i + " did not stop in " + timeout);
            }
            checksum += hogResults[i];
        }
        if (!probeDone) {
            throw new IllegalStateException("the probe did not finish " + ticks + " ticks in " + timeout);
        }

        long[] sorted = probe.sortedLatenessNanos();
        lateness.latenessP50Micros = WakeProbe.percentile(sorted, 50) / 1_000;
        lateness.latenessP99Micros = WakeProbe.percentile(sorted, 99) / 1_000;
        lateness.latenessMaxMicros = sorted[sorted.length - 1] / 1_000;
        lateness.hogLimitReached = hogs.limitReached() ? 1 : 0;
        return checksum;
    }
}
