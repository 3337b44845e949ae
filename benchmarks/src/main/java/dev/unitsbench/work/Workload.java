package dev.unitsbench.work;

import java.util.List;

/**
 * One copy of the work that an execution model runs: the same object is handed to every model,
 * so the models differ only in how the copies are started and awaited.
 *
 * <p>A workload also has a plain-text form, its {@linkplain #toArgs() arguments}, from which a
 * child JVM rebuilds an equal workload ({@link Workloads#fromArgs}). Nothing is serialized.
 */
public interface Workload {

    /**
     * Does the work once.
     *
     * @return a value computed from all of the work, for the caller to consume (so a JIT cannot
     *     discard the work) and to check that the copy really finished
     */
    long run() throws Exception;

    /** The workload as command-line words: its factory's class name, its kind, then its parameters ({@link Workloads#words}). */
    List<String> toArgs();
}
