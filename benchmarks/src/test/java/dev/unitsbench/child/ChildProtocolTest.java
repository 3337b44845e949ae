package dev.unitsbench.child;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ChildProtocolTest {

    @Test
    void aResultLineRoundTrips() {
        assertEquals(OptionalLong.of(-42), ChildProtocol.parseResult(ChildProtocol.resultLine(-42) + "\n"));
    }

    @Test
    void otherOutputIsNoResult() {
        assertTrue(ChildProtocol.parseResult("").isEmpty());
        assertTrue(ChildProtocol.parseResult("hello\n").isEmpty());
        assertTrue(ChildProtocol.parseResult("result forty-two\n").isEmpty());
    }
}
