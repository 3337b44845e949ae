package dev.unitsbench.crosscheck;

import java.util.List;

/**
 * One of the tutorial's experiments as CPython runs it: a script of {@code scripts/tutorial/}
 * and its arguments, with the facts the report shows beside the JVM's figures.
 *
 * @param claim   the claim id of {@code tutorial-claims.md} (T1, T2, T3; Q3 for one CPU-bound worker)
 * @param id      a stable name the reporter matches on
 * @param model   the JVM execution model this is the counterpart of
 * @param workers how many units one run starts (1 for the spawn experiments, timed per unit)
 * @param script  file name in the scripts folder
 * @param args    the script's arguments; they spell the sizes out, so this list is the one
 *                place that says what runs
 */
public record TutorialExperiment(String claim, String id, String label, String model, int workers,
                                 String script, List<String> args) {

    /** The tutorial's own sizes (T1, T2), one worker of T1 (Q3) and a per-unit spawn time (T3), in run order. */
    public static final List<TutorialExperiment> TUTORIAL = List.of(
            new TutorialExperiment("T1", "cpu-processes", "4 processes x 100 000 000 iterations", "PROCESS", 4,
                    "t1_cpu_bound.py", List.of("processes", "--workers", "4", "--iterations", "100000000")),
            new TutorialExperiment("T1", "cpu-threads", "4 threads x 100 000 000 iterations", "PLATFORM_THREAD", 4,
                    "t1_cpu_bound.py", List.of("threads", "--workers", "4", "--iterations", "100000000")),
            // Q3 from the real GIL: one worker of T1's, so that 4 threads (cpu-threads) compare with
            // 1 thread, and 4 processes (cpu-processes) with 1 process, at the same work per worker.
            new TutorialExperiment("Q3", "cpu-process-1", "1 process x 100 000 000 iterations", "PROCESS", 1,
                    "t1_cpu_bound.py", List.of("processes", "--workers", "1", "--iterations", "100000000")),
            new TutorialExperiment("Q3", "cpu-thread-1", "1 thread x 100 000 000 iterations", "PLATFORM_THREAD", 1,
                    "t1_cpu_bound.py", List.of("threads", "--workers", "1", "--iterations", "100000000")),
            new TutorialExperiment("T2", "sleep-processes", "400 processes, each time.sleep(2)", "PROCESS", 400,
                    "t2_sleep.py", List.of("processes", "--workers", "400", "--sleep", "2")),
            new TutorialExperiment("T2", "sleep-threads", "400 threads, each time.sleep(2)", "PLATFORM_THREAD", 400,
                    "t2_sleep.py", List.of("threads", "--workers", "400", "--sleep", "2")),
            // About half a second each: fork + join of a process costs ~2 ms, of a thread ~0.1-0.4 ms.
            new TutorialExperiment("T3", "spawn-process", "start and join one process", "PROCESS", 1,
                    "t3_spawn.py", List.of("process", "--repetitions", "200")),
            new TutorialExperiment("T3", "spawn-thread", "start and join one thread", "PLATFORM_THREAD", 1,
                    "t3_spawn.py", List.of("thread", "--repetitions", "2000")));

    public TutorialExperiment {
        args = List.copyOf(args);
    }
}
