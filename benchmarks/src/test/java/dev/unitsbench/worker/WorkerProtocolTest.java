package dev.unitsbench.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class WorkerProtocolTest {

    @Test
    void aResultLineRoundTrips() {
        assertEquals(OptionalLong.of(-42), WorkerProtocol.parseResult(WorkerProtocol.resultLine(-42) + "\n"));
    }

    @Test
    void otherOutputIsNoResult() {
        assertTrue(WorkerProtocol.parseResult("").isEmpty());
        assertTrue(WorkerProtocol.parseResult("hello\n").isEmpty());
        assertTrue(WorkerProtocol.parseResult("result forty-two\n").isEmpty());
    }
}
