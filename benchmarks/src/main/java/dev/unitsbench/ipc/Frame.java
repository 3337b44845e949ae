package dev.unitsbench.ipc;

/**
 * One message on a {@link Link}: a tag that says what the receiver should do with it, and
 * {@code length} bytes of payload in {@code bytes} (which may be longer).
 */
public record Frame(int tag, byte[] bytes, int length) {

    /** A message to count and checksum. */
    public static final int DATA = 1;
    /** A message to count, checksum and send back as {@link #DATA}: one round trip. */
    public static final int ECHO = 2;
    /** End of a round: answer with a {@link #SUMMARY} of everything received so far. */
    public static final int REPORT = 3;
    /** Messages received (a long) and the CRC32C of all their bytes (a long), big-endian. */
    public static final int SUMMARY = 4;
    /** Stop serving. */
    public static final int BYE = 5;

    /** Whether a frame with this tag ends a round: after it, a file channel moves to fresh files. */
    static boolean endsRound(int tag) {
        return tag == REPORT || tag == SUMMARY;
    }
}
