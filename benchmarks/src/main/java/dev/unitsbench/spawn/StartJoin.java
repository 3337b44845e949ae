package dev.unitsbench.spawn;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * The start-up comparison's one routine: {@link StartPattern#UNITS} units of one
 * {@link UnitKind}, started and waited for in batches of the pattern's size. Every unit kind and
 * both patterns run this code; only the {@link UnitKind.Starter} differs.
 */
final class StartJoin {

    private StartJoin() {
    }

    /**
     * Starts and waits for {@link StartPattern#UNITS} units, {@code pattern.batch()} at a time,
     * and returns the sum of their ids. Every unit has ended, and a process with status 0, when it
     * returns.
     *
     * @throws TimeoutException if the units did not all end within {@code timeout}; those of the
     *     batch not yet waited for are stopped
     */
    static long run(UnitKind.Starter starter, StartPattern pattern, Duration timeout)
            throws IOException, InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        UnitKind.Started[] batch = new UnitKind.Started[pattern.batch()];
        long ids = 0;
        for (int done = 0; done < StartPattern.UNITS; done += batch.length) {
            int started = 0;
            int awaited = 0;
            try {
                while (started < batch.length) {
                    batch[started] = starter.start();
                    started++;
                }
                while (awaited < batch.length) {
                    ids += batch[awaited].await(deadline);
                    awaited++;
                }
            } catch (IOException | InterruptedException | TimeoutException | RuntimeException | Error e) {
                for (int i = awaited; i < started; i++) {
                    batch[i].stop();
                }
                throw e;
            }
        }
        return ids;
    }
}
