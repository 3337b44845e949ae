package dev.unitsbench.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unitsbench.work.EmulatedGil;
import dev.unitsbench.work.Workloads;
import java.io.IOException;
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
        TallyUpdates unit = new TallyUpdates(SharedTally.Kind.MAPPED_ATOMIC, Path.of("/tmp/a/tally.mem"), 8, 1000,
                Path.of("/tmp/a/start-0"), 4, null);
        assertEquals(unit, Workloads.fromArgs(unit.toArgs(), new EmulatedGil()));
        TallyUpdates threads = (TallyUpdates) Workloads.fromArgs(List.of(SyncWorkloads.class.getName(), "tally", "LOCKED", "-", "8", "10", "/tmp/a", "2"),
                new EmulatedGil());
        assertTrue(threads.inJvm() != null, "an in-JVM kind gets a tally of the child's own");
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
