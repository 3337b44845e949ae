package dev.unitsbench.pool;

import dev.unitsbench.model.ProcessPool;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The tutorial's {@code find_all_robots(logdir)} (claim Q9) under each execution model: scan
 * every file with {@link RobotsScan#findRobots}, one task per file, and merge the host sets.
 * The per-file scan is the same code in every model; only who runs it differs.
 */
final class LogScan {

    private LogScan() {
    }

    /** One file at a time on the caller's thread: the reference answer. */
    static Set<String> serially(List<Path> files) throws Exception {
        Set<String> all = new TreeSet<>();
        for (Path file : files) {
            all.addAll(RobotsScan.findRobots(file));
        }
        return all;
    }

    /**
     * {@code pool.map(find_robots, files)}: a {@code scan PATH} task per file on the worker JVMs,
     * whose answers (host sets as text) are merged here.
     */
    static Set<String> withProcessPool(ProcessPool pool, List<Path> files, Duration timeout)
            throws InterruptedException, ExecutionException, TimeoutException {
        List<String> tasks = new ArrayList<>(files.size());
        for (Path file : files) {
            tasks.add("scan " + file);
        }
        Set<String> all = new TreeSet<>();
        for (String answer : pool.map(tasks, timeout)) {
            all.addAll(RobotsScan.fromText(answer));
        }
        return all;
    }

    /**
     * A task per file on a thread executor (a fixed pool of platform threads, or a virtual thread
     * per task), merged in file order.
     */
    static Set<String> withExecutor(ExecutorService executor, List<Path> files, Duration timeout)
            throws InterruptedException, ExecutionException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Future<Set<String>>> scans = new ArrayList<>(files.size());
        for (Path file : files) {
            scans.add(executor.submit(() -> RobotsScan.findRobots(file)));
        }
        Set<String> all = new TreeSet<>();
        for (Future<Set<String>> scan : scans) {
            all.addAll(scan.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
        }
        return all;
    }
}
