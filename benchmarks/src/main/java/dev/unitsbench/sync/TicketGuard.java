package dev.unitsbench.sync;

/**
 * What a buyer holds while it reads, thinks and writes the ticket count: the critical section.
 */
public enum TicketGuard {

    /** Nothing: the tutorial's first, broken version. Concurrent buyers oversell. */
    NONE,

    /**
     * An exclusive {@code FileChannel.lock()} on the ticket file: the lock that works between
     * processes (an advisory {@code fcntl} lock on Linux). Within one JVM it cannot serve
     * threads: the JVM refuses a second lock on the same file with
     * {@code OverlappingFileLockException}, so threads use the two below.
     */
    FILE_LOCK,

    /** A {@code ReentrantLock} shared by the threads of one JVM. Never pins a virtual thread. */
    REENTRANT_LOCK,

    /**
     * A {@code synchronized} block on a monitor shared by the threads of one JVM. Before JDK 24
     * (JEP 491) a virtual thread that blocks inside it pins its carrier thread.
     */
    SYNCHRONIZED
}
