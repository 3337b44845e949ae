package dev.unitsbench.pinning;

/**
 * How a unit blocks while it holds its lock, as the {@code blocking} param of this family: the two
 * blocking calls a virtual thread unmounts from its carrier on, unless it is pinned.
 */
public enum Blocking {

    /** {@code Thread.sleep} for the blocking time. */
    SLEEP,

    /**
     * A one-byte request on a loopback TCP connection, then a read that waits for the reply, which
     * the peer ({@link DelayedReplyPeer}) writes after the blocking time.
     */
    SOCKET_READ
}
