package dev.unitsbench.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unitsbench.model.TaskProtocol;
import dev.unitsbench.work.EmulatedGil;
import dev.unitsbench.work.Workloads;
import java.io.BufferedReader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The worker side of the process pool's line protocol, run in this JVM. */
class PoolWorkerTest {

    @Test
    void servesEachTaskWithOneLineAndCarriesOnAfterAFailure(@TempDir Path dir) throws Exception {
        AccessLogs logs = AccessLogs.write(dir, 1, 2_000, 3);
        Path log = logs.files().get(0);
        String tasks = String.join("\n", "scan " + log, "mixed 3 1000 1", "dance", "scan " + dir.resolve("missing.log.gz"),
                "mixed 3", "scan " + log) + "\n";
        StringWriter out = new StringWriter();

        long served = PoolWorker.serve(new BufferedReader(new StringReader(tasks)), out);

        List<String> answers = out.toString().lines().toList();
        assertEquals(6, served);
        assertEquals(7, answers.size(), out.toString());
        assertEquals("ready", answers.get(0));
        assertEquals("ok " + RobotsScan.toText(logs.robotHosts().get(0)), answers.get(1));
        assertEquals("ok " + 3 * new MixedTask(1000, 1).expectedResult(), answers.get(2));
        assertTrue(answers.get(3).startsWith("error unknown task 'dance'"), answers.get(3));
        assertTrue(answers.get(4).startsWith("error NoSuchFileException"), answers.get(4));
        assertTrue(answers.get(5).startsWith("error 'mixed' takes 3 numbers"), answers.get(5));
        assertEquals(answers.get(1), answers.get(6), "a failed task leaves the worker as it was");
    }

    @Test
    void aFileWithoutRobotsAnswersABareOk(@TempDir Path dir) throws Exception {
        Path empty = dir.resolve("empty.log.gz");
        try (var gzip = new java.util.zip.GZIPOutputStream(java.nio.file.Files.newOutputStream(empty))) {
            gzip.write("1.2.3.4 - - [10/Jul/2012:00:18:50 -0500] \"GET / HTTP/1.1\" 200 71\n".getBytes());
        }
        assertEquals("ok", TaskProtocol.answerLine("scan " + empty, PoolWorker::answer));
    }

    @Test
    void theChildRebuildsItFromItsArguments() {
        assertEquals(new PoolWorker(), Workloads.fromArgs(new PoolWorker().toArgs(), new EmulatedGil()));
    }
}
