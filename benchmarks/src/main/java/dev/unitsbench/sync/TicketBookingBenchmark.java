package dev.unitsbench.sync;

import dev.unitsbench.harness.ModelState;
import dev.unitsbench.model.ExecutionModel;
import dev.unitsbench.work.PrivateFolders;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
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
 * Claim Q6: a mutex makes only the critical section serial, while join() after each start makes
 * the whole task serial; without a shared lock, concurrent read-modify-write loses updates. The
 * tutorial's ticket-booking demo: buyers share a JSON file {"count": N}; each looks at the count
 * (search), then reads it, pauses, and if a ticket is left writes back count - 1 (buy).
 *
 * Timed region: one rush (TicketRush): the office opens with `tickets` tickets and `buyers`
 * buyers each try once under one model and one `guard`; starting the buyers (threads or child
 * JVMs) is inside it, as in the tutorial. Secondary metrics (see Sales): tickets sold and
 * oversold, rounds, rounds oversold.
 *
 * Same code: every guard runs the same TicketRush and TicketBuyer with the same pauses; the
 * compared factor is the guard (a lock around buy(), or a join after each start).
 *
 * Expect a lock to take about 1 + `buyers` pauses (only buy() is serial), SERIAL about
 * 2 x `buyers` (the whole buyer is), NO_LOCK about 2 but with tickets oversold in most rounds;
 * zero oversold under every lock and SERIAL. NO_LOCK against a lock is the lock's price, faster
 * by construction: context, not evidence.
 *
 * HOW TO RUN:
 *   mvn verify -Pbench -Dbench.include=TicketBooking
 *   java -jar benchmarks/target/benchmarks.jar TicketBooking -p thinkMillis=100   (the tutorial's 0.1 s)
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 100, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 2, time = 100, timeUnit = TimeUnit.MILLISECONDS)
@Fork(3)
@State(Scope.Benchmark)
public class TicketBookingBenchmark {

    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    /*
     * The guards:
     *   NO_LOCK         buyers run at once, nothing guards the read-modify-write;
     *   FILE_LOCK       (processes) FileChannel.lock() on the ticket file around buy();
     *   REENTRANT_LOCK  (threads) one ReentrantLock shared by the buyers around buy();
     *   SYNCHRONIZED    (threads) a synchronized block on one shared monitor around buy();
     *   SERIAL          no lock, but each buyer is joined right after its start.
     *
     * The FileChannel lock is the one that works across processes, and the JVM refuses it between
     * threads of one JVM (OverlappingFileLockException); a ReentrantLock or a monitor guards
     * nothing across processes. So processes and threads are two @Benchmark methods, each with the
     * guards that make sense for it, and the execution model is a @Param of each. For processes a
     * lock costs less still against SERIAL: the JVM start-ups overlap, only buy() waits its turn.
     *
     * Virtual threads and SYNCHRONIZED: before JDK 24 (JEP 491), a virtual thread that sleeps
     * inside synchronized pins its carrier, so the other buyers' searches wait for a free carrier
     * too. JMH's result file records the JDK of each run ("jdkVersion", "vmVersion"); read it
     * before comparing SYNCHRONIZED with REENTRANT_LOCK across JDKs.
     */

    /** Guards of the process buyers. */
    public enum ProcessGuard { NO_LOCK, FILE_LOCK, SERIAL }

    /** Guards of the thread buyers. */
    public enum ThreadGuard { NO_LOCK, REENTRANT_LOCK, SYNCHRONIZED, SERIAL }

    @Param({"10"})
    public int buyers;

    @Param({"5"})
    public int tickets;

    /**
     * The pause between reading and writing the count, and after the search: it widens the race on
     * purpose, the same for every guard and model, as the tutorial's demo sleeps there (100 ms).
     */
    @Param({"5"})
    public long thinkMillis;

    private Path folder;

    @Setup(Level.Trial)
    public void createFolder() throws IOException {
        folder = PrivateFolders.create("ticket-office-");
    }

    @TearDown(Level.Trial)
    public void deleteFolder() throws IOException {
        PrivateFolders.delete(folder);
    }

    private static final String OFFICE = "tickets.json";

    /**
     * What every kind of buyers holds for a trial: the runner of its model (from
     * {@link ModelState}) and the rush. JMH crosses every {@code @Param} of a state, so the
     * process buyers and the thread buyers (each with the guards that exist for them) are state
     * classes of their own; they share their set-up and tear-down here, JMH running those inherited.
     */
    abstract static class Buyers extends ModelState {
        TicketRush rush;

        /** The guard each buyer takes around its read and write of the count. */
        abstract TicketGuard lock();

        /** Whether the buyers run one after another instead of at once. */
        abstract boolean serial();

        @Setup(Level.Trial)
        public void setUp(TicketBookingBenchmark bench) {
            rush = new TicketRush(bench.folder.resolve(OFFICE), bench.tickets, bench.buyers, lock(),
                    serial(), bench.thinkMillis);
        }
    }

    /** Buyers that are child JVMs. */
    @State(Scope.Benchmark)
    public static class ProcessBuyers extends Buyers {
        @Param({"PROCESS"})
        public ExecutionModel model;

        @Param({"NO_LOCK", "FILE_LOCK", "SERIAL"})
        public ProcessGuard guard;

        @Override
        protected ExecutionModel model() {
            return model;
        }

        @Override
        TicketGuard lock() {
            return guard == ProcessGuard.FILE_LOCK ? TicketGuard.FILE_LOCK : TicketGuard.NONE;
        }

        @Override
        boolean serial() {
            return guard == ProcessGuard.SERIAL;
        }
    }

    /** Buyers that are threads of this JVM. */
    @State(Scope.Benchmark)
    public static class ThreadBuyers extends Buyers {
        @Param({"PLATFORM_THREAD", "VIRTUAL_THREAD"})
        public ExecutionModel model;

        @Param({"NO_LOCK", "REENTRANT_LOCK", "SYNCHRONIZED", "SERIAL"})
        public ThreadGuard guard;

        @Override
        protected ExecutionModel model() {
            return model;
        }

        @Override
        TicketGuard lock() {
            return switch (guard) {
                case NO_LOCK, SERIAL -> TicketGuard.NONE;
                case REENTRANT_LOCK -> TicketGuard.REENTRANT_LOCK;
                case SYNCHRONIZED -> TicketGuard.SYNCHRONIZED;
            };
        }

        @Override
        boolean serial() {
            return guard == ThreadGuard.SERIAL;
        }
    }

    /**
     * Tickets sold and oversold, published as JMH secondary metrics (totals per iteration):
     * ticketsOversold counts tickets handed out beyond what the count shows as gone (each is a
     * lost update), roundsOversold the rounds with at least one ticket oversold.
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Sales {
        public long ticketsSold;
        public long ticketsOversold;
        public long rounds;
        public long roundsOversold;

        @Setup(Level.Iteration)
        public void reset() {
            ticketsSold = 0;
            ticketsOversold = 0;
            rounds = 0;
            roundsOversold = 0;
        }

        long record(TicketRush.Outcome outcome) {
            rounds++;
            ticketsSold += outcome.sold();
            ticketsOversold += outcome.oversold();
            if (outcome.oversold() > 0) {
                roundsOversold++;
            }
            return outcome.sold();
        }
    }

    /*
     * Forks are the unit of replication. `processes` is single-shot, three rushes per fork and no
     * warm-up: each rush starts `buyers` fresh child JVMs, so there is nothing to warm up but the
     * parent's few lines of launching code. The time statistics use the fork means; the rushes are
     * there for the oversell check: whether child JVMs that start a few milliseconds apart overlap
     * in a buyer's read-think-write window is a matter of chance, and the rushes in all make a run
     * without any oversell unlikely.
     *
     * 5 forks, not 3: a rush of ten child JVMs now and then takes 1.5 times the others (one fork's
     * SERIAL mean moved by 30%), and Q6 decides FILE_LOCK against SERIAL among seven evidence rows,
     * each at 1 - 0.05/7. With 3 forks (t = 11.8 on 2 df) one such rush left the row's interval
     * across 1 in one full run and not in the next; with 5 (t = 5.1 on 4 df) it does not. The two
     * extra forks cost about 12 s of the full run.
     */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 0)
    @Measurement(iterations = 3)
    @Fork(5)
    public long processes(ProcessBuyers buyers, Sales sales) throws Exception {
        return sales.record(buyers.rush.run(buyers.runner(), TIMEOUT));
    }

    /** 1 warm-up and 2 measured iterations of 100 ms per fork: a rush takes tens of milliseconds, mostly pauses. */
    @Benchmark
    public long threads(ThreadBuyers buyers, Sales sales) throws Exception {
        return sales.record(buyers.rush.run(buyers.runner(), TIMEOUT));
    }
}
