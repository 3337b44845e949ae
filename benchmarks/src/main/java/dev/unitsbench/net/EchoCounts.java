package dev.unitsbench.net;

import java.util.concurrent.atomic.LongAdder;

/**
 * What an echo server in this JVM counts while it serves: one record for the four servers, each
 * adding to the counts that apply to it. Adders, because many units add at once and the counts
 * are read rarely (a {@link PreforkedServerChild} reports {@code served} as its result).
 *
 * @param served lines (TCP) or datagrams (UDP) answered
 * @param refusedConnections TCP connections closed at once because no unit could be started for them
 * @param dropped UDP datagrams not answered: no thread could be started for them, or the socket
 *     would not send them
 */
public record EchoCounts(LongAdder served, LongAdder refusedConnections, LongAdder dropped) {

    /** Counts starting at zero. */
    public EchoCounts() {
        this(new LongAdder(), new LongAdder(), new LongAdder());
    }
}
