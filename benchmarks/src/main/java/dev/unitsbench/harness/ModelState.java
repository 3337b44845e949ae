package dev.unitsbench.harness;

import dev.unitsbench.model.ConcurrentRunner;
import dev.unitsbench.model.ExecutionModel;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A JMH state holding the runner of one execution model (its {@code @Param model}): the runner is
 * opened once per trial and closed after it, so opening it (a thread pool, the child-JVM launcher)
 * is never inside the timed region.
 *
 * <p>JMH crosses every {@code @Param} of a state, so a benchmark whose models take different
 * sizes (a process started one at a time, threads a hundred at a time) declares one state class
 * per valid set, each with its own {@code @Param model}. They extend this class and share its
 * set-up and tear-down, which JMH runs as their own.
 */
public abstract class ModelState {

    private ConcurrentRunner runner;

    /** The model of this state: its {@code @Param model}. */
    protected abstract ExecutionModel model();

    /** The runner; opened by the trial's set-up. */
    public final ConcurrentRunner runner() {
        return runner;
    }

    @Setup(Level.Trial)
    public void openRunner() {
        runner = model().open();
    }

    @TearDown(Level.Trial)
    public void closeRunner() {
        runner.close();
    }
}
