package dev.unitsbench.footprint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What Linux says about a process's memory, in bytes, from {@code /proc/PID/status} and
 * {@code /proc/PID/smaps_rollup} (proc(5)).
 *
 * @param resident {@code VmRSS}: pages of the process in RAM, shared ones (the JDK's libraries,
 *     the class-data archive) counted in full for every process that maps them
 * @param proportional {@code Pss}: the same, with each shared page divided among the processes
 *     that map it; what the process adds to the machine
 * @param reserved {@code VmSize}: address space reserved, touched or not (a thread's stack is
 *     reserved whole and becomes resident page by page)
 */
public record ProcessMemory(long resident, long proportional, long reserved) {

    /** Reads the memory of process {@code pid}. */
    public static ProcessMemory of(long pid) throws IOException {
        Path proc = Path.of("/proc", Long.toString(pid));
        String status = Files.readString(proc.resolve("status"));
        String rollup = Files.readString(proc.resolve("smaps_rollup"));
        return new ProcessMemory(kilobytes(status, "VmRSS:") * 1024, kilobytes(rollup, "Pss:") * 1024,
                kilobytes(status, "VmSize:") * 1024);
    }

    /** This JVM's memory. */
    public static ProcessMemory self() throws IOException {
        return of(ProcessHandle.current().pid());
    }

    /** How many threads the kernel counts in process {@code pid} ({@code Threads:} of its status). */
    public static long threadCount(long pid) throws IOException {
        String status = Files.readString(Path.of("/proc", Long.toString(pid), "status"));
        for (String line : status.split("\n")) {
            if (line.startsWith("Threads:")) {
                return Long.parseLong(line.substring("Threads:".length()).strip());
            }
        }
        throw new IllegalStateException("no Threads: line in /proc/" + pid + "/status");
    }

    /** The value of a line such as {@code VmRSS:   41234 kB}. */
    static long kilobytes(String text, String field) {
        for (String line : text.split("\n")) {
            if (line.startsWith(field)) {
                String[] words = line.substring(field.length()).trim().split("\\s+");
                return Long.parseLong(words[0]);
            }
        }
        throw new IllegalStateException("no " + field + " line in /proc: not Linux, or a kernel older than 4.14");
    }
}
