package dev.unitsbench.pool;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * CPU time (user + system) that one operation cost, whichever processes spent it, published as
 * the JMH secondary metric {@code cpuMillisPerOp}: the mean over the operations of an iteration.
 *
 * <p>Wall time says who finished first; on a machine shared with other work it also says who got
 * the CPU. CPU time says how much work each model did for the same result: the scan or loop
 * itself, plus what the model adds (pipes, text, JVM start-ups, JIT and GC of each JVM).
 *
 * <p>Read from Linux's {@code /proc}: this JVM's own time and that of its children it has
 * reaped ({@code /proc/self/stat}: utime, stime, cutime, cstime), plus the time of the live
 * worker JVMs named by the caller. The kernel counts in ticks of 10 ms (USER_HZ = 100), so a
 * single operation's figure is coarse; the mean over an iteration's operations is not. Elsewhere
 * than Linux the metric stays 0.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class CpuPerOperation {

    /** Length of the kernel's clock tick in /proc/PID/stat times (USER_HZ = 100 on Linux). */
    static final double MILLIS_PER_TICK = 10.0;

    /** The mean CPU time of this iteration's operations, in ms. */
    public double cpuMillisPerOp;

    private long ticks;
    private long operations;
    private long startTicks = -1;

    @Setup(Level.Iteration)
    public void reset() {
        cpuMillisPerOp = 0;
        ticks = 0;
        operations = 0;
    }

    /** Call right before an operation, naming the worker JVMs that live across it. */
    void start(List<Long> liveWorkers) {
        startTicks = ticks(liveWorkers);
    }

    /** Call right after the operation, with the same workers. */
    void stop(List<Long> liveWorkers) {
        long now = ticks(liveWorkers);
        if (startTicks >= 0 && now >= 0) {
            ticks += now - startTicks;
            operations++;
            cpuMillisPerOp = ticks * MILLIS_PER_TICK / operations;
        }
    }

    /** Ticks used so far by this JVM, its reaped children and {@code liveWorkers}; -1 without /proc. */
    static long ticks(List<Long> liveWorkers) {
        long[] self = statTimes("self");
        if (self.length == 0) {
            return -1;
        }
        long total = self[0] + self[1] + self[2] + self[3];
        for (long pid : liveWorkers) {
            long[] worker = statTimes(Long.toString(pid));
            if (worker.length == 0) {
                return -1; // a worker that is gone took its times with it: this operation cannot be counted
            }
            total += worker[0] + worker[1];
        }
        return total;
    }

    /** utime, stime, cutime, cstime of /proc/PID/stat, or an empty array. */
    static long[] statTimes(String pid) {
        try {
            String stat = Files.readString(Path.of("/proc", pid, "stat"));
            // pid (comm) state ppid ...: comm may hold spaces and parentheses; count fields after the last ')'.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // After ')' the fields start at field 3 (state), so field 14 (utime) is index 11.
            return new long[] {Long.parseLong(fields[11]), Long.parseLong(fields[12]),
                    Long.parseLong(fields[13]), Long.parseLong(fields[14])};
        } catch (IOException | RuntimeException e) {
            return new long[0];
        }
    }
}
