package dev.unitsbench.work;

import java.util.List;

/**
 * A unit that does nothing: what remains is the cost of starting it and waiting for it (claim T3).
 * In a child JVM that is JVM start-up, the parent watch, one result line and exit.
 */
public record Noop() implements Workload {

    @Override
    public long run() {
        return 0;
    }

    @Override
    public List<String> toArgs() {
        return Workloads.words(CommonWorkloads.class, "noop");
    }
}
