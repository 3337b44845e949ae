package dev.unitsbench.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unitsbench.work.EmulatedGil;
import dev.unitsbench.work.Workloads;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DictServerTest {

    @TempDir
    Path folder;

    @Test
    void servesTheDictOverAUnixSocketUntilShutdown() throws Exception {
        Path socket = folder.resolve("dict.sock");
        DictServer server = new DictServer(socket);
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<Long> served = executor.submit((Callable<Long>) server::run);
            try (DictClient client = connect(socket)) {
                assertEquals(0, client.get("num"));
                client.set("num", 10);
                assertEquals(9, client.add("num", -1));
                client.reset();
                assertEquals(0, client.get("num"));
                client.shutdown();
            }
            assertEquals(6, served.get(10, TimeUnit.SECONDS), "GET, SET, ADD, RESET, GET, SHUTDOWN");
        }
        assertFalse(Files.exists(socket), "the socket file is removed");
    }

    @Test
    void refusesAMalformedRequest() throws IOException {
        assertTrue(DictServer.answer("ADD num ten", new java.util.concurrent.ConcurrentHashMap<>(), null).startsWith("ERROR"));
        assertTrue(DictServer.answer("POP num", new java.util.concurrent.ConcurrentHashMap<>(), null).startsWith("ERROR"));
    }

    @Test
    void survivesTheTripThroughItsArguments() {
        DictServer server = new DictServer(Path.of("/tmp/some folder/dict.sock"));
        assertEquals(server, Workloads.fromArgs(server.toArgs(), new EmulatedGil()));
    }

    @Test
    void aTallyUnitSurvivesTheTripThroughItsArguments() {
        TallyUnit unit = new TallyUnit(SharedTally.Kind.MAPPED_ATOMIC, Path.of("/tmp/a folder/tally.mem"), 8, 1000);
        assertEquals(unit, Workloads.fromArgs(unit.toArgs(), new EmulatedGil()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Workloads.fromArgs(List.of(SyncWorkloads.class.getName(), "tally-unit", "LOCKED", "-", "8"), new EmulatedGil()));
        assertTrue(e.getMessage().contains("takes more arguments than the 3 given"), e.getMessage());
    }

    @Test
    void aTallyUnitAnswersEachOrderAndReadsNoFurtherThanItsLine() throws Exception {
        InputStream in = new ByteArrayInputStream("go\nbye\nrest".getBytes(StandardCharsets.US_ASCII));
        assertEquals("go", TallyUnit.readLine(in));
        assertEquals("bye", TallyUnit.readLine(in));
        assertEquals("rest", TallyUnit.readLine(in));
        assertEquals(null, TallyUnit.readLine(in));
    }

    private static DictClient connect(Path socket) throws Exception {
        for (int attempt = 0; ; attempt++) {
            try {
                return new DictClient(socket);
            } catch (IOException notYet) {
                if (attempt > 200) {
                    throw notYet;
                }
                Thread.sleep(10);
            }
        }
    }
}
