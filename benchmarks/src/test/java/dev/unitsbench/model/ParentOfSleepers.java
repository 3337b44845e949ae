package dev.unitsbench.model;

import dev.unitsbench.work.Sleep;
import java.time.Duration;

/** A parent JVM for {@link OrphanedChildrenTest}: starts N child JVMs that sleep for a minute. */
public final class ParentOfSleepers {

    private ParentOfSleepers() {
    }

    public static void main(String[] args) throws Exception {
        int children = Integer.parseInt(args[0]);
        try (ConcurrentRunner runner = ExecutionModel.PROCESS.open()) {
            runner.runAll(Sleep.of(60_000), children, JoinOrder.AFTER_ALL_STARTED, Duration.ofMinutes(2));
        }
    }
}
