package dev.unitsbench.crosscheck;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One of the tutorial's own demonstrations (T4, Q2, Q6-Q12) as CPython runs it, at the JVM
 * benchmark's sizes where the cross-check's time allows: a script of {@code scripts/tutorial/},
 * its arguments, and the fields of its JSON line that are the experiment's figures.
 *
 * @param claim       the claim id of {@code tutorial-claims.md}
 * @param id          a stable name the reporter matches on
 * @param driver      how a run is made and read
 * @param script      file name in the scripts folder
 * @param args        the script's arguments; they spell the sizes out ({@link #params})
 * @param metrics     the script's JSON fields read as figures (snake_case; the result file names
 *                    them in camelCase, {@link #metricName}); for an echo driver, the load
 *                    generator's figures
 * @param processes   the most Python processes a run holds at once, for the memory check
 * @param connections for an echo driver: the load generator's clients; 0 otherwise
 * @param requests    for an echo driver: requests per client per round; 0 otherwise
 * @param runs        runs per repeat, one after another: more than 1 for experiments that take under a
 *                    second and compare two channels measured in the same run, whose run-to-run spread
 *                    (a polled slot on 2 cores) three runs cannot pin down
 */
public record ClaimExperiment(String claim, String id, String label, Driver driver, String script, List<String> args,
                              List<String> metrics, int processes, int connections, int requests, int runs) {

    /** How a run is made, and where its figures come from. */
    public enum Driver {
        /** The script runs and prints its figures. */
        SCRIPT,
        /**
         * As SCRIPT, given {@code --logs FOLDER --expected FILE}: the suite's own gzip access logs
         * (AccessLogs, with the {@code --files}, {@code --lines-per-file} and {@code --seed} of the
         * arguments), written once per cross-check, and the host set they must give.
         */
        ACCESS_LOGS,
        /** The script is a TCP echo server; the suite's load generator drives it and gives the figures. */
        ECHO_TCP,
        /** The script is a UDP echo server, driven likewise; a datagram without an answer counts as lost. */
        ECHO_UDP;

        boolean echo() {
            return this == ECHO_TCP || this == ECHO_UDP;
        }
    }

    /** The load generator's figures, for an echo driver. */
    static final List<String> ECHO_METRICS = List.of("requests_per_second", "latency_p99_micros", "lost_requests");

    /** The interpreter a run starts, for the memory check (as {@link CoroutineExperiment#INTERPRETER_BYTES}). */
    static final long INTERPRETER_BYTES = CoroutineExperiment.INTERPRETER_BYTES;
    /** A forked Python child: it shares the parent's pages until it writes them; rounded up. */
    static final long FORKED_CHILD_BYTES = 16L << 20;
    /** The load generator's child JVM (EchoLoadProcess asks for a 512 MiB heap), for echo drivers. */
    static final long LOAD_GENERATOR_BYTES = 640L << 20;

    /** One run per repeat. */
    public ClaimExperiment(String claim, String id, String label, Driver driver, String script, List<String> args,
                           List<String> metrics, int processes, int connections, int requests) {
        this(claim, id, label, driver, script, args, metrics, processes, connections, requests, 1);
    }

    public ClaimExperiment {
        if (runs < 1) {
            throw new IllegalArgumentException("runs per repeat must be at least 1: " + runs);
        }
        args = List.copyOf(args);
        metrics = List.copyOf(driver.echo() ? ECHO_METRICS : metrics);
    }

    /** The bytes the memory check expects a run to hold at its peak. */
    long bytesNeeded() {
        return INTERPRETER_BYTES + processes * FORKED_CHILD_BYTES + (driver.echo() ? LOAD_GENERATOR_BYTES : 0);
    }

    /** The experiment's parameters for the result file: its arguments, and the load for an echo. */
    Map<String, String> params() {
        Map<String, String> params = paramsOf(args);
        if (driver.echo()) {
            params.put("connections", Integer.toString(connections));
            params.put("requests", Integer.toString(requests));
        }
        return params;
    }

    /**
     * Arguments as parameters: {@code --name value} gives {@code name: value}, a bare word
     * {@code mode: word} (the scripts here take one at most, the model or style).
     */
    public static Map<String, String> paramsOf(List<String> args) {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.startsWith("--") && i + 1 < args.size()) {
                params.put(arg.substring(2), args.get(++i));
            } else {
                params.put("mode", arg);
            }
        }
        return params;
    }

    /** {@code processes_after_all_seconds} as the result file names it: {@code processesAfterAllSeconds}. */
    static String metricName(String field) {
        StringBuilder name = new StringBuilder();
        boolean upper = false;
        for (char c : field.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                name.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return name.toString();
    }

    /**
     * The full and quick runs' experiments, in run order (a quick run runs each once). Each run
     * takes a few seconds on a 2-core machine; where the JVM's size would take longer, the
     * reason is beside the experiment.
     */
    public static final List<ClaimExperiment> ALL = List.of(
            // JoinOrderBenchmark's 10 sleepers, but 0.1 s sleeps for its 0.2 s: the serial order
            // takes 10 sleeps either way, and the four cases take about 2 s instead of 4.
            script("T4", "t4-join-order", "10 sleepers, joined after all started vs after each start", "t4_join_order.py",
                    List.of("--workers", "10", "--sleep", "0.1"), 10,
                    "processes_after_all_seconds", "processes_after_each_seconds", "threads_after_all_seconds",
                    "threads_after_each_seconds"),
            // SwitchBenchmark's 1-byte pipe ping-pong; 5 000 round trips, a few tenths of a second per case.
            script("Q2", "q2-pipe-ping-pong", "pipe ping-pong, two threads vs two processes, any CPU and one CPU",
                    "q2_switch.py", List.of("--round-trips", "5000"), 1,
                    "thread_any_cpu_micros", "process_any_cpu_micros", "thread_one_cpu_micros", "process_one_cpu_micros").runs(3),
            // TicketBookingBenchmark's 10 buyers, 5 tickets, 5 ms pauses; 3 rushes per case and run.
            script("Q6", "q6-tickets", "ticket booking, 10 buyers, with and without a lock, and serial", "q6_tickets.py",
                    List.of("--buyers", "10", "--tickets", "5", "--think", "5", "--rushes", "3"), 10,
                    ticketMetrics()),
            // ChannelBenchmark's 64 B messages, but 256 KiB of them for its 1 MiB (4 096 messages through
            // each channel; a Python queue takes tens of microseconds per message); SharedStateBenchmark's
            // 4 units and 100 Manager updates, but 20 000 Value updates for its 100 000 (still hundreds
            // of thousands of racing updates per second, so an unlocked run loses some).
            script("Q7", "q7-ipc-64", "IPC channels at 64 B per message; Value and Manager dict updates", "q7_ipc.py",
                    List.of("--size", "64", "--payload-kib", "256", "--units", "4", "--updates", "20000",
                            "--manager-updates", "100"), 4,
                    "pipe_mib_per_second", "queue_mib_per_second", "shared_memory_mib_per_second", "file_mib_per_second",
                    "thread_queue_mib_per_second", "value_locked_updates_per_second", "value_locked_lost",
                    "value_unlocked_updates_per_second", "value_unlocked_lost", "manager_get_set_updates_per_second",
                    "manager_get_set_lost", "manager_locked_updates_per_second", "manager_locked_lost").runs(3),
            // ChannelBenchmark's 1 MiB messages, 8 of them.
            script("Q7", "q7-ipc-1m", "IPC channels at 1 MiB per message", "q7_ipc.py",
                    List.of("--size", "1048576", "--payload-kib", "8192", "--updates", "0"), 1,
                    "pipe_mib_per_second", "queue_mib_per_second", "shared_memory_mib_per_second", "file_mib_per_second",
                    "thread_queue_mib_per_second").runs(3),
            // ProducerConsumerBenchmark's 1 producer, 1 and 2 consumers, rounds of 1 000 items.
            script("Q8", "q8-joinable-queue", "joinable queue, 1 producer, 1 and 2 consumers", "q8_joinable_queue.py",
                    List.of("--items", "1000", "--rounds", "3", "--producers", "1", "--consumers", "1,2"), 3,
                    "processes_1_items_per_second", "processes_1_join_early", "processes_2_items_per_second",
                    "processes_2_join_early", "threads_1_items_per_second", "threads_1_join_early",
                    "threads_2_items_per_second", "threads_2_join_early"),
            // LogScanBenchmark's logs: 32 files of 10 000 lines, its seed.
            new ClaimExperiment("Q9", "q9-log-scan", "robots.txt scan of 32 gzip logs, process pool vs thread pool",
                    Driver.ACCESS_LOGS, "q9_log_scan.py",
                    List.of("--files", "32", "--lines-per-file", "10000", "--seed", "20120710"),
                    List.of("process_pool_seconds", "thread_pool_seconds", "process_pool_workers", "thread_pool_workers"),
                    Runtime.getRuntime().availableProcessors(), 0, 0),
            // EchoServerBenchmark's 100 connections (its 10 000 would be 10 000 Python processes).
            echo("q10-echo-process", "TCP echo, a process per connection (the tutorial's)", Driver.ECHO_TCP, "process", 100, 10),
            echo("q10-echo-thread", "TCP echo, a thread per connection", Driver.ECHO_TCP, "thread", 100, 10),
            // 100 clients for the JVM's 1 000: one Python loop answers them all, and a datagram the
            // socket's buffer drops costs its client a second's wait.
            echo("q10-echo-udp", "UDP echo, one loop", Driver.ECHO_UDP, "udp", 100, 10),
            script("Q11", "q11-daemon-terminate", "daemon child at its parent's exit; terminate() and a held lock",
                    "q11_daemon_terminate.py", List.of("--hold", "30"), 3,
                    "daemon_ended", "daemon_end_seconds", "lock_left_taken", "grandchild_orphaned", "terminate_seconds"),
            // TimeSliceBenchmark's 200 ticks of 1 ms, 2 hogs per CPU, hogs stopped at 1 s; a p99 of 200
            // ticks moves a lot from run to run, and a run takes under a second: 3 runs per repeat.
            script("Q12", "q12-slicing", "1 ms probe among CPU-bound threads (GIL) and processes", "q12_slicing.py",
                    List.of("--ticks", "200", "--hog-limit", "1", "--hogs-per-cpu", "2"),
                    2 * Runtime.getRuntime().availableProcessors(), sliceMetrics()).runs(3));

    private static ClaimExperiment script(String claim, String id, String label, String script, List<String> args,
                                          int processes, String... metrics) {
        return new ClaimExperiment(claim, id, label, Driver.SCRIPT, script, args, List.of(metrics), processes, 0, 0);
    }

    /** This experiment run {@code runs} times per repeat. */
    private ClaimExperiment runs(int runs) {
        return new ClaimExperiment(claim, id, label, driver, script, args, metrics, processes, connections, requests, runs);
    }

    private static ClaimExperiment echo(String id, String label, Driver driver, String style, int connections, int requests) {
        return new ClaimExperiment("Q10", id, label, driver, "q10_echo.py", List.of(style, "--port", "0"), List.of(),
                style.equals("process") ? connections : 0, connections, requests);
    }

    private static String[] ticketMetrics() {
        return cases(List.of("processes_no_lock", "processes_lock", "processes_serial", "threads_no_lock", "threads_lock",
                "threads_serial"), List.of("seconds", "oversold", "rushes_oversold"));
    }

    private static String[] sliceMetrics() {
        return cases(List.of("alone", "threads", "processes"), List.of("p50_micros", "p99_micros", "max_micros", "hog_limit_reached"));
    }

    private static String[] cases(List<String> cases, List<String> figures) {
        return cases.stream().flatMap(c -> figures.stream().map(f -> c + "_" + f)).toArray(String[]::new);
    }
}
