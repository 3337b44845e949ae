package dev.unitsbench.switching;

import dev.unitsbench.work.Executables;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Pins a process, every thread of it, to one CPU with {@code taskset} (util-linux), and gives the
 * old CPU set back on {@link #close()}: the same-CPU variant of claim Q2. Threads and child
 * processes started after the pinning inherit it from their parent (Linux copies the affinity mask
 * on clone and keeps it across exec), so a ping-pong pair or a child JVM started afterwards runs on
 * that CPU too.
 *
 * <p>Java has no API for CPU affinity; {@code taskset} is the standard tool, and where it is missing
 * {@link #pin} fails with one line that says so, rather than silently measuring the unpinned case.
 *
 * <p>A record of what {@link #close()} needs: the tool, the process, and the CPUs it had before.
 */
record SameCpu(Path taskset, long pid, String previousCpus) implements AutoCloseable {

    /** {@code taskset} on the PATH (or, without a PATH, in /usr/bin or /bin), or null. */
    static Path findTaskset() {
        String path = System.getenv("PATH");
        return Executables.onPath("taskset", path == null ? "/usr/bin:/bin" : path).orElse(null);
    }

    /**
     * Pins every thread of process {@code pid} to the first CPU it may run on now.
     *
     * @param taskset the tool, {@link #findTaskset()}; null when it is missing
     * @throws IllegalStateException when {@code taskset} is missing or fails
     */
    static SameCpu pin(Path taskset, long pid) throws IOException, InterruptedException {
        if (taskset == null || !Files.isExecutable(taskset)) {
            throw new IllegalStateException("cpus=ONE needs taskset (util-linux) on the PATH to pin to one CPU, and there is none: run cpus=ALL only, or install util-linux");
        }
        String previous = allowedCpus(pid);
        String one = firstCpu(previous);
        run(taskset, "-a", "-cp", one, Long.toString(pid));
        String now = allowedCpus(pid);
        if (!now.equals(one)) {
            throw new IllegalStateException("taskset pinned process " + pid + " to CPU " + one + ", yet it may run on " + now);
        }
        return new SameCpu(taskset, pid, previous);
    }

    /** The CPUs a process may run on, as Linux lists them ({@code Cpus_allowed_list}: "0-1", "3"). */
    static String allowedCpus(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("Cpus_allowed_list:")) {
                return line.substring("Cpus_allowed_list:".length()).trim();
            }
        }
        throw new IOException("/proc/" + pid + "/status has no Cpus_allowed_list line");
    }

    /** The first CPU of a Linux CPU list such as "0-3,8", "2" or "1,3". */
    static String firstCpu(String cpuList) {
        String first = cpuList.split("[,-]")[0].trim();
        if (!first.matches("\\d+")) {
            throw new IllegalArgumentException("not a CPU list: '" + cpuList + "'");
        }
        return first;
    }

    /** Gives every thread of the process back the CPUs it had before {@link #pin}. */
    @Override
    public void close() throws IOException, InterruptedException {
        run(taskset, "-a", "-cp", previousCpus, Long.toString(pid));
    }

    private static void run(Path taskset, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(taskset.toString());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = p.getInputStream().readAllBytes();
        if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " failed: "
                    + new String(output, StandardCharsets.UTF_8).strip());
        }
    }
}
