package dev.unitsbench.sync;

import dev.unitsbench.model.ConcurrentRunner;
import dev.unitsbench.model.JoinOrder;
import java.nio.file.Path;
import java.time.Duration;

/**
 * One round of the ticket-booking demo: the office opens with {@code tickets} tickets, and
 * {@code buyers} copies of a {@link TicketBuyer} run under one execution model.
 *
 * <p>Free of JMH, so that tests run the very rounds the benchmark measures.
 */
public final class TicketRush {

    /** What a round ended with. */
    public record Outcome(int tickets, long sold, int left) {

        /**
         * Tickets handed out that the count does not show as gone: each is a buyer whose update
         * another buyer overwrote. Zero when the critical section is respected.
         */
        public long oversold() {
            return sold - (tickets - left);
        }
    }

    private final Path office;
    private final int tickets;
    private final int buyers;
    private final TicketBuyer buyer;
    private final JoinOrder joinOrder;

    /**
     * @param office the ticket file, in a private folder
     * @param guard the critical section's guard; {@code null} with {@code serial} is the tutorial's "join after each start"
     * @param serial whether each buyer is awaited before the next starts
     */
    public TicketRush(Path office, int tickets, int buyers, TicketGuard guard, boolean serial, long thinkMillis) {
        if (buyers < 1 || tickets < 0) {
            throw new IllegalArgumentException("need buyers >= 1 and tickets >= 0, got " + buyers + " and " + tickets);
        }
        this.office = office;
        this.tickets = tickets;
        this.buyers = buyers;
        this.buyer = new TicketBuyer(office, guard, thinkMillis, new TicketBuyer.JvmLocks());
        this.joinOrder = serial ? JoinOrder.AFTER_EACH_START : JoinOrder.AFTER_ALL_STARTED;
    }

    /** Opens the office afresh, lets every buyer try once, and reads what is left. */
    public Outcome run(ConcurrentRunner runner, Duration timeout) throws Exception {
        TicketOffice.open(office, tickets);
        long sold = runner.runAll(buyer, buyers, joinOrder, timeout);
        return new Outcome(tickets, sold, TicketOffice.count(office));
    }
}
