package dev.unitsbench.switching;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.unitsbench.model.ChildJvmLauncher;
import dev.unitsbench.model.ChildJvm;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The pipe ping-pong's two loops: {@link Echo#serve} sends back every byte, {@link Echo#ping}
 * counts only the bytes that come back as sent, and the same loops run against a child JVM.
 */
@Timeout(60)
class EchoTest {

    @Test
    void serveSendsBackEveryByteUntilEndOfFile() throws Exception {
        byte[] sent = {0, 1, 2, 127, 5};
        ByteArrayOutputStream back = new ByteArrayOutputStream();
        assertEquals(sent.length, Echo.serve(new ByteArrayInputStream(sent), back));
        assertArrayEquals(sent, back.toByteArray());
    }

    @Test
    void pingCountsOnlyTheBytesThatComeBackAsSent() throws Exception {
        byte[] answers = {0, 1, 9, 3}; // the third comes back wrong, the fifth not at all
        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        assertEquals(3, Echo.ping(sent, new ByteArrayInputStream(answers), 5));
        assertEquals(5, sent.size());
    }

    @Test
    void theSameLoopsRunBetweenThisJvmAndAChildJvm() throws Exception {
        try (ChildJvm child = ChildJvm.startWithInput(ChildJvmLauncher.lean(), new Echo())) {
            OutputStream toChild = child.toChild();
            InputStream fromChild = child.fromChild();
            assertEquals(500, Echo.ping(toChild, fromChild, 500));
            toChild.close();
            assertEquals(500, child.join(Duration.ofSeconds(30)), "bytes the child echoed");
        }
    }
}
