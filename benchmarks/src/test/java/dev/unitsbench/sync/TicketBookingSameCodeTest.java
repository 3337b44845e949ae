package dev.unitsbench.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.unitsbench.harness.Built;
import dev.unitsbench.model.ExecutionModel;
import dev.unitsbench.model.JoinOrder;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The two sides of Q6 build the same TicketRush and TicketBuyer (office, tickets, buyers, pause);
 * only the guard differs: the buyer's lock around buy(), or a join after each start.
 */
class TicketBookingSameCodeTest {

    @Test
    void q6ThreadLocksAndSerialDifferOnlyInTheGuard() throws Exception {
        // Guards Q6: threads, REENTRANT_LOCK and SYNCHRONIZED against SERIAL.
        TicketBookingBenchmark bench = bench();
        try {
            TicketRush serial = threads(bench, TicketBookingBenchmark.ThreadGuard.SERIAL);
            for (TicketBookingBenchmark.ThreadGuard lock : List.of(TicketBookingBenchmark.ThreadGuard.REENTRANT_LOCK,
                    TicketBookingBenchmark.ThreadGuard.SYNCHRONIZED)) {
                assertOnlyTheGuardDiffers(threads(bench, lock), serial);
            }
        } finally {
            bench.deleteFolder();
        }
    }

    @Test
    void q6FileLockAndSerialDifferOnlyInTheGuard() throws Exception {
        // Guards Q6: processes, FILE_LOCK against SERIAL.
        TicketBookingBenchmark bench = bench();
        try {
            assertOnlyTheGuardDiffers(processes(bench, TicketBookingBenchmark.ProcessGuard.FILE_LOCK),
                    processes(bench, TicketBookingBenchmark.ProcessGuard.SERIAL));
        } finally {
            bench.deleteFolder();
        }
    }

    private static void assertOnlyTheGuardDiffers(TicketRush locked, TicketRush serial) throws ReflectiveOperationException {
        TicketBuyer lockedBuyer = Built.field(locked, "buyer", TicketBuyer.class);
        TicketBuyer serialBuyer = Built.field(serial, "buyer", TicketBuyer.class);
        for (String same : List.of("office", "tickets", "buyers")) {
            assertEquals(Built.field(serial, same, Object.class), Built.field(locked, same, Object.class), same);
        }
        assertEquals(serialBuyer.office(), lockedBuyer.office());
        assertEquals(serialBuyer.thinkMillis(), lockedBuyer.thinkMillis());
        assertEquals(TicketGuard.NONE, serialBuyer.guard());
        assertNotEquals(TicketGuard.NONE, lockedBuyer.guard());
        assertEquals(JoinOrder.AFTER_EACH_START, Built.field(serial, "joinOrder", JoinOrder.class));
        assertEquals(JoinOrder.AFTER_ALL_STARTED, Built.field(locked, "joinOrder", JoinOrder.class));
    }

    private static TicketBookingBenchmark bench() throws Exception {
        TicketBookingBenchmark bench = new TicketBookingBenchmark();
        bench.buyers = 10;
        bench.tickets = 5;
        bench.thinkMillis = 5;
        bench.createFolder();
        return bench;
    }

    private static TicketRush threads(TicketBookingBenchmark bench, TicketBookingBenchmark.ThreadGuard guard) {
        TicketBookingBenchmark.ThreadBuyers buyers = new TicketBookingBenchmark.ThreadBuyers();
        buyers.model = ExecutionModel.PLATFORM_THREAD;
        buyers.guard = guard;
        buyers.setUp(bench);
        return buyers.rush;
    }

    private static TicketRush processes(TicketBookingBenchmark bench, TicketBookingBenchmark.ProcessGuard guard) {
        TicketBookingBenchmark.ProcessBuyers buyers = new TicketBookingBenchmark.ProcessBuyers();
        buyers.model = ExecutionModel.PROCESS;
        buyers.guard = guard;
        buyers.setUp(bench);
        return buyers.rush;
    }
}
