package dev.unitsbench.net;

/** The two transports of the tutorial's echo servers. */
public enum EchoTransport {
    /** A stream per client: lines in, lines out. */
    TCP,
    /** No connection: one datagram in, one datagram out. */
    UDP
}
