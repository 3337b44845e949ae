package dev.unitsbench.pinning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unitsbench.model.ExecutionModel;
import java.lang.invoke.VarHandle;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The contended counter counts every increment under either lock, and its check catches a lost one. */
class CounterRoundTest {

    @ParameterizedTest
    @EnumSource(LockKind.class)
    void eitherLockCountsEveryIncrement(LockKind lock) throws Exception {
        for (ExecutionModel model : new ExecutionModel[] {ExecutionModel.VIRTUAL_THREAD, ExecutionModel.PLATFORM_THREAD}) {
            CounterRound round = new CounterRound(16, 2_000, lock);
            for (int i = 0; i < 5; i++) {
                assertEquals(32_000, round.run(model.threadBuilder("test-counter-")), model + ", " + lock);
            }
        }
    }

    /** The negative control: without a lock, platform threads on several cores lose increments, and the round says so. */
    @Test
    void anUnguardedCounterFailsTheRound() {
        // The fence keeps the JIT from folding a unit's increments into one add at the end of its
        // loop (which would leave almost no window for a lost update): every increment is then a
        // load and a store of the shared field, as in the guarded rounds, but with no lock.
        CounterRound unguarded = new CounterRound(8, 200_000, section -> {
            section.run();
            VarHandle.fullFence();
        });
        // On a machine busy with other work the units rarely run at the same instant, so a loss can
        // take many rounds: rounds go on until one loses an update, for at most half a minute.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        boolean caught = false;
        int rounds = 0;
        while (!caught && System.nanoTime() < deadline) {
            rounds++;
            try {
                unguarded.run(Thread.ofPlatform());
            } catch (IllegalStateException e) {
                caught = e.getMessage().contains("lost updates");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
        assertTrue(caught, rounds + " unguarded rounds of 8 x 200 000 increments lost nothing: the check could not be shown to work");
    }
}
