package dev.unitsbench.crosscheck;

import dev.unitsbench.model.ChildMemoryGuard;
import dev.unitsbench.work.Executables;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cross-check step's running, parsing and skipping, against a fake {@code python3} that runs
 * its "scripts" with {@code /bin/sh}, so each test writes the scripts' behaviour as shell; and
 * once against the real scripts at tiny sizes, where a real {@code python3} is installed.
 * No test asserts a speed.
 */
@Timeout(120)
class PythonCrossCheckTest {

    private static final String ABOUT = "echo '{\"python\": \"CPython 3.11.7\", \"platform\": \"Linux-test\", \"cpus\": 2, "
            + "\"start_method\": \"fork\"}'";
    private static final Duration LIMIT = Duration.ofSeconds(60);

    @TempDir
    Path temp;
    private Path bin;
    private Path scripts;
    private Path result;
    private final ByteArrayOutputStream consoleBytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(consoleBytes, true, StandardCharsets.UTF_8);

    @BeforeEach
    void fakePython() throws IOException {
        bin = Files.createDirectories(temp.resolve("bin"));
        executable(bin.resolve("python3"), "exec /bin/sh \"$@\"");
        scripts = Files.createDirectories(temp.resolve("scripts"));
        result = temp.resolve("out").resolve("python-crosscheck.json");
        script("about.py", ABOUT);
        for (String name : List.of("t1_cpu_bound.py", "t2_sleep.py", "t3_spawn.py")) {
            script(name, "echo '{\"model\": \"'$1'\", \"seconds\": 0.25}'");
        }
    }

    @Test
    void aRunWritesOneSamplePerRepeatForEveryExperimentInTheReportersFormat() throws IOException {
        CrossCheckResult written = runAndWrite(true, 3, TutorialExperiment.TUTORIAL, LIMIT);

        assertEquals("ran", written.status());
        assertNull(written.reason());
        assertEquals("CPython 3.11.7", written.python());
        assertEquals("Linux-test, 2 CPUs", written.platform());
        assertEquals(3, written.repeats());
        assertEquals(List.of("cpu-processes", "cpu-threads", "cpu-process-1", "cpu-thread-1", "sleep-processes", "sleep-threads",
                        "spawn-process", "spawn-thread"),
                written.experiments().stream().map(CrossCheckResult.Experiment::id).toList());
        for (CrossCheckResult.Experiment e : written.experiments()) {
            assertEquals(List.of(0.25, 0.25, 0.25), e.samples(), e.id());
            assertEquals("s", e.unit());
        }
        CrossCheckResult.Experiment first = written.experiments().get(0);
        assertEquals(List.of("T1", "4 processes x 100 000 000 iterations", "PROCESS", 4),
                List.of(first.claim(), first.label(), first.model(), first.workers()));
        String json = Files.readString(result);
        assertTrue(json.startsWith("{\"schema\":1,\"status\":\"ran\",\"reason\":null,\"python\":\"CPython 3.11.7\","
                + "\"platform\":\"Linux-test, 2 CPUs\",\"repeats\":3,\"experiments\":[{\"claim\":\"T1\",\"id\":\"cpu-processes\","
                + "\"label\":\"4 processes x 100 000 000 iterations\",\"model\":\"PROCESS\",\"workers\":4,\"unit\":\"s\","
                + "\"samples\":[0.25,0.25,0.25],\"params\":{\"mode\":\"processes\",\"workers\":\"4\","
                + "\"iterations\":\"100000000\"}}"), json);
        assertTrue(console().contains("bench: python 3/3 spawn-thread"), console());
        try (var left = Files.list(result.getParent())) {
            assertEquals(List.of(result), left.toList(), "no temp file is left beside the result");
        }
    }

    @Test
    void withoutPython3OnThePathTheCrossCheckIsSkippedWithOneLine() throws IOException {
        Path emptyBin = Files.createDirectories(temp.resolve("empty"));
        CrossCheckResult written = write(new PythonCrossCheck(
                new PythonCrossCheck.Settings(true, 3, scripts, result, emptyBin.toString()),
                TutorialExperiment.TUTORIAL, List.of(), LIMIT, out).run());

        assertEquals("skipped", written.status());
        assertEquals("python3 not found on PATH", written.reason());
        assertEquals(List.of(), written.experiments());
        assertEquals("bench: python3 not found on PATH; the CPython cross-check is skipped\n", console());
        assertTrue(Files.readString(result).contains("\"status\":\"skipped\",\"reason\":\"python3 not found on PATH\""));
        assertTrue(Files.readString(result).endsWith("\"experiments\":[],\"coroutines\":[],\"claims\":[]}"));
    }

    @Test
    void turnedOffItWritesASkippedFileSoThatNoOlderResultIsReported() throws IOException {
        CrossCheckResult written = runAndWrite(false, 3, TutorialExperiment.TUTORIAL, LIMIT);

        assertEquals("skipped", written.status());
        assertEquals("turned off with -Dbench.python=false", written.reason());
        assertTrue(written.experiments().isEmpty());
    }

    @Test
    void aFailingScriptSkipsTheCrossCheckNamingTheScriptAndItsLastErrorLine() throws IOException {
        script("t2_sleep.py", "echo 'Traceback (most recent call last):' >&2; echo 'OSError: out of processes' >&2; exit 3");

        CrossCheckResult written = runAndWrite(true, 3, TutorialExperiment.TUTORIAL, LIMIT);

        assertEquals("skipped", written.status());
        assertEquals(scripts.resolve("t2_sleep.py") + " processes --workers 400 --sleep 2 exited with status 3: "
                + "'OSError: out of processes'", written.reason());
        assertEquals("CPython 3.11.7", written.python(), "what was learnt before the failure is kept");
        assertTrue(written.experiments().isEmpty());
        String[] lines = console().split("\n");
        assertEquals("bench: " + written.reason() + "; the CPython cross-check of T1-T3 is skipped", lines[lines.length - 1]);
        assertFalse(console().contains("sleep-threads"), "nothing runs after a failure");
    }

    @Test
    void aScriptThatPrintsNoJsonOrNoTimingSkipsTheCrossCheckNamingTheScript() throws IOException {
        script("t3_spawn.py", "echo 'run time is 0.5'");
        CrossCheckResult notJson = runAndWrite(true, 1, TutorialExperiment.TUTORIAL, LIMIT);
        assertEquals("skipped", notJson.status());
        assertTrue(notJson.reason().startsWith(scripts.resolve("t3_spawn.py") + " process --repetitions 200 printed bad JSON"),
                notJson.reason());

        script("t3_spawn.py", "echo '{\"seconds\": -1}'");
        CrossCheckResult negative = runAndWrite(true, 1, TutorialExperiment.TUTORIAL, LIMIT);
        assertTrue(negative.reason().contains("t3_spawn.py process --repetitions 200 printed no positive \"seconds\""),
                negative.reason());

        script("about.py", "echo '[1, 2]'");
        CrossCheckResult array = runAndWrite(true, 1, TutorialExperiment.TUTORIAL, LIMIT);
        assertTrue(array.reason().contains("about.py printed no JSON object"), array.reason());
    }

    @Test
    void aScriptPastTheTimeLimitIsKilledWithTheProcessesItStarted() throws Exception {
        Path pidFile = temp.resolve("child.pid");
        script("t1_cpu_bound.py", "sleep 300 & echo $! > '" + pidFile + "'; wait");

        CrossCheckResult written = runAndWrite(true, 1, TutorialExperiment.TUTORIAL, Duration.ofSeconds(2));

        assertEquals("skipped", written.status());
        assertEquals(scripts.resolve("t1_cpu_bound.py") + " processes --workers 4 --iterations 100000000 took longer"
                + " than 2 s; it was killed, with every process it started", written.reason());
        assertDies(Long.parseLong(Files.readString(pidFile).strip()));
    }

    @Test
    void missingScriptsFolderSkipsTheCrossCheck() throws IOException {
        CrossCheckResult written = write(new PythonCrossCheck(
                new PythonCrossCheck.Settings(true, 1, temp.resolve("nowhere"), result, bin.toString()),
                TutorialExperiment.TUTORIAL, List.of(), LIMIT, out).run());
        assertEquals("skipped", written.status());
        assertTrue(written.reason().startsWith("no tutorial scripts in "), written.reason());
    }

    @Test
    void python3IsTheFirstExecutableOfThatNameOnThePath() throws IOException {
        Path notExecutable = Files.createDirectories(temp.resolve("a"));
        Files.writeString(notExecutable.resolve("python3"), "");
        String path = String.join(":", "", notExecutable.toString(), bin.toString());
        assertEquals(bin.resolve("python3"), Executables.onPath("python3", path).orElseThrow());
        assertTrue(Executables.onPath("python3", "").isEmpty());
        assertTrue(Executables.onPath("python3", null).isEmpty());
    }

    @Test
    void flagsFollowMavenWhereABarePropertyMeansTrue() {
        assertTrue(PythonCrossCheck.Settings.flag("bench.python", ""));
        assertTrue(PythonCrossCheck.Settings.flag("bench.python", "TRUE"));
        assertFalse(PythonCrossCheck.Settings.flag("bench.python", "false"));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> PythonCrossCheck.Settings.flag("bench.python", "off"));
        assertEquals("bench.python must be true or false, got 'off'", bad.getMessage());
    }

    /** The real scripts, with the tutorial's arguments but tiny sizes: each prints a usable timing. */
    @Test
    void theTutorialScriptsRunAndPrintTimingsAtTinySizes() throws IOException {
        String path = System.getenv("PATH");
        assumeTrue(Executables.onPath("python3", path).isPresent(), "no python3 on PATH");
        Path realScripts = Path.of("..", "scripts", "tutorial");
        assumeTrue(Files.isDirectory(realScripts), "run from the benchmarks module");
        Map<String, String> tiny = Map.of("--workers", "2", "--iterations", "1000", "--sleep", "0.01", "--repetitions", "3");
        List<TutorialExperiment> small = new ArrayList<>();
        for (TutorialExperiment e : TutorialExperiment.TUTORIAL) {
            List<String> args = new ArrayList<>(e.args());
            for (int i = 0; i + 1 < args.size(); i++) {
                if (tiny.containsKey(args.get(i))) {
                    args.set(i + 1, tiny.get(args.get(i)));
                }
            }
            small.add(new TutorialExperiment(e.claim(), e.id(), e.label(), e.model(), e.workers(), e.script(), args));
        }

        CrossCheckResult written = write(new PythonCrossCheck(
                new PythonCrossCheck.Settings(true, 1, realScripts, result, path), small, List.of(), LIMIT, out).run());

        assertEquals("ran", written.status(), written.reason());
        assertTrue(written.python().matches("\\S+ 3\\.\\d+.*"), written.python());
        assertTrue(written.platform().matches(".+, \\d+ CPUs"), written.platform());
        for (CrossCheckResult.Experiment e : written.experiments()) {
            assertEquals(1, e.samples().size(), e.id());
            assertTrue(e.samples().get(0) > 0, e.id());
        }
    }

    @Test
    void eachAsyncioExperimentRunsOrIsSkippedOnItsOwnAndTheOthersGoOn() throws IOException {
        script("asyncio_tasks.py", """
                case $1 in
                  sleep) echo '{"wall_over_sleep": 1.5, "bytes_per_task": 1500.5, "seconds": 1.5}' ;;
                  spawn) echo '{"seconds_per_task": 0.000006, "seconds": 0.000006}' ;;
                  tree) echo 'Traceback: RuntimeError: the tree summed to 1, not 2' >&2; exit 1 ;;
                esac""");
        List<CoroutineExperiment> asyncio = List.of(CoroutineExperiment.sleep(400, 2), CoroutineExperiment.tree(4, 1),
                CoroutineExperiment.spawn(1000, 1), CoroutineExperiment.sleep(Integer.MAX_VALUE, 1));

        CrossCheckResult written = write(new PythonCrossCheck(new PythonCrossCheck.Settings(true, 1, scripts, result, bin.toString()),
                TutorialExperiment.TUTORIAL, asyncio, LIMIT, out).run());

        assertEquals("ran", written.status(), "T1-T3 are not affected");
        List<CrossCheckResult.Coroutine> c = written.coroutines();
        assertEquals(List.of("asyncio-sleep-400", "asyncio-tree-10000", "asyncio-spawn", "asyncio-sleep-2147483647"),
                c.stream().map(CrossCheckResult.Coroutine::id).toList());
        assertEquals(List.of("ran", "skipped", "ran", "skipped"), c.stream().map(CrossCheckResult.Coroutine::status).toList());
        assertEquals(Map.of("wallOverSleep", List.of(1.5, 1.5), "bytesPerTask", List.of(1500.5, 1500.5)), c.get(0).metrics());
        assertEquals(Map.of("secondsPerTask", List.of(0.000006)), c.get(2).metrics());
        assertTrue(c.get(1).reason().contains("asyncio_tasks.py tree --depth 4 --width 10 exited with status 1"), c.get(1).reason());
        assertTrue(c.get(3).reason().matches("skipped: 2 147 483 647 asyncio tasks, each asyncio.sleep\\(1\\) needs [0-9.]+ GB,"
                + " [0-9.]+ GB available"), c.get(3).reason());
        assertTrue(console().contains("asyncio-tree-10000 is skipped, the others go on"), console());
        assertTrue(Files.readString(result).contains("\"coroutines\":[{\"claim\":\"Q5\",\"id\":\"asyncio-sleep-400\","
                + "\"label\":\"400 asyncio tasks, each asyncio.sleep(1)\",\"kind\":\"SLEEP\",\"size\":400,\"status\":\"ran\","
                + "\"reason\":null,\"metrics\":{\"wallOverSleep\":[1.5,1.5],\"bytesPerTask\":[1500.5,1500.5]},"
                + "\"params\":{\"mode\":\"sleep\",\"tasks\":\"400\",\"sleep\":\"1\"}}"));
    }

    @Test
    void aFailingTutorialScriptSkipsT1ToT3AndTheAsyncioExperimentsStillRun() throws IOException {
        script("t1_cpu_bound.py", "exit 1");
        script("asyncio_tasks.py", "echo '{\"wall_over_sleep\": 1.1, \"bytes_per_task\": 1400}'");

        CrossCheckResult written = write(new PythonCrossCheck(new PythonCrossCheck.Settings(true, 1, scripts, result, bin.toString()),
                TutorialExperiment.TUTORIAL, List.of(CoroutineExperiment.sleep(400, 1)), LIMIT, out).run());

        assertEquals("skipped", written.status());
        assertEquals("ran", written.coroutines().get(0).status());
        assertTrue(console().contains("; the CPython cross-check of T1-T3 is skipped (the asyncio experiments still run)"), console());
    }

    @Test
    void anEchoServerThatNeverSaysItsPortIsKilledWithItsChildrenAtTheTimeLimit() throws Exception {
        Path pidFile = temp.resolve("server-child.pid");
        script("asyncio_echo.py", "sleep 300 & echo $! > '" + pidFile + "'; wait");

        CrossCheckResult written = write(new PythonCrossCheck(new PythonCrossCheck.Settings(true, 1, scripts, result, bin.toString()),
                List.of(), List.of(CoroutineExperiment.echo(10, 5, 1)), Duration.ofSeconds(2), out).run());

        CrossCheckResult.Coroutine echo = written.coroutines().get(0);
        assertEquals("skipped", echo.status());
        assertEquals(scripts.resolve("asyncio_echo.py") + " --port 0 printed no port within 2 s; it was killed, with every"
                + " process it started", echo.reason());
        assertDies(Long.parseLong(Files.readString(pidFile).strip()));
    }

    @Test
    void theMemoryCheckSaysWhatARunNeedsAndWhatIsAvailable() {
        assertTrue(ChildMemoryGuard.shortfall(1).isEmpty());
        String shortfall = ChildMemoryGuard.shortfall(Long.MAX_VALUE / 2).orElseThrow();
        assertTrue(shortfall.matches("needs [0-9.]+ GB, [0-9.]+ GB available"), shortfall);
        assertEquals(64L * 1024 * 1024 + 1_000_000L * 2048, CoroutineExperiment.sleep(1_000_000, 1).bytesNeeded());
        assertEquals(64L * 1024 * 1024, CoroutineExperiment.echo(1_000, 10, 1).bytesNeeded());
    }

    /** The real asyncio scripts at small sizes, and the real echo server driven by the suite's load generator. */
    @Test
    void theAsyncioScriptsAndTheEchoServerRunAndAreCheckedAtSmallSizes() throws IOException {
        String path = System.getenv("PATH");
        assumeTrue(Executables.onPath("python3", path).isPresent(), "no python3 on PATH: the real asyncio run is skipped");
        Path realScripts = Path.of("..", "scripts", "tutorial");
        List<CoroutineExperiment> small = List.of(
                new CoroutineExperiment("Q5", "asyncio-sleep-50", "50 tasks", CoroutineExperiment.Kind.SLEEP, 50, 1, "asyncio_tasks.py",
                        List.of("sleep", "--tasks", "50", "--sleep", "0.05"), 0),
                CoroutineExperiment.spawn(500, 1), CoroutineExperiment.tree(2, 1), CoroutineExperiment.echo(10, 5, 1));

        CrossCheckResult written = write(new PythonCrossCheck(new PythonCrossCheck.Settings(true, 1, realScripts, result, path),
                List.of(), small, LIMIT, out).run());

        for (CrossCheckResult.Coroutine c : written.coroutines()) {
            assertEquals("ran", c.status(), c.id() + ": " + c.reason());
            List<String> names = CoroutineExperiment.Kind.valueOf(c.kind()).metrics.stream().map(CoroutineExperiment.Metric::name).toList();
            assertEquals(names, List.copyOf(c.metrics().keySet()), c.id());
            c.metrics().forEach((metric, samples) -> assertTrue(samples.size() == 1 && samples.get(0) > 0, c.id() + " " + metric));
        }
        assertTrue(written.coroutines().get(0).metrics().get("wallOverSleep").get(0) >= 1, "a sleep cannot end before it is due");
    }

    @Test
    void eachDemonstrationRunsOrIsSkippedOnItsOwnAndAFailingScriptSkipsOnlyItsOwn() throws IOException {
        Path counter = temp.resolve("q8-runs");
        script("t4_join_order.py", "echo '{\"processes_after_all_seconds\": 0.1, \"processes_after_each_seconds\": 1,"
                + " \"threads_after_all_seconds\": 0.1, \"threads_after_each_seconds\": 1}'");
        // Fails on its second run: its first sample is dropped, its later runs are not tried.
        script("q8_joinable_queue.py", "echo x >> '" + counter + "'; [ $(wc -l < '" + counter + "') -ge 2 ] &&"
                + " { echo 'RuntimeError: a unit failed' >&2; exit 1; }; echo '{}'");
        script("q11_daemon_terminate.py", "echo '{\"daemon_ended\": 1, \"daemon_end_seconds\": 0.001, \"lock_left_taken\": 1,"
                + " \"grandchild_orphaned\": 1, \"terminate_seconds\": 0.01}'");
        ClaimExperiment q8 = claim("Q8");
        ClaimExperiment q8Empty = new ClaimExperiment(q8.claim(), q8.id(), q8.label(), q8.driver(), q8.script(), q8.args(),
                List.of(), q8.processes(), 0, 0);
        ClaimExperiment huge = new ClaimExperiment("Q2", "q2-huge", "a run that cannot fit", ClaimExperiment.Driver.SCRIPT,
                "q2_switch.py", List.of(), List.of("x"), Integer.MAX_VALUE, 0, 0);

        CrossCheckResult written = write(new PythonCrossCheck(new PythonCrossCheck.Settings(true, 3, scripts, result, bin.toString()),
                TutorialExperiment.TUTORIAL, List.of(), List.of(claim("T4"), q8Empty, huge, claim("Q11")), LIMIT, out).run());

        assertEquals("ran", written.status(), "T1-T3 are not affected");
        List<CrossCheckResult.Claim> c = written.claims();
        assertEquals(List.of("t4-join-order", "q8-joinable-queue", "q2-huge", "q11-daemon-terminate"),
                c.stream().map(CrossCheckResult.Claim::id).toList());
        assertEquals(List.of("ran", "skipped", "skipped", "ran"), c.stream().map(CrossCheckResult.Claim::status).toList());
        assertEquals(List.of(0.1, 0.1, 0.1), c.get(0).metrics().get("processesAfterAllSeconds"));
        assertEquals(List.of("processesAfterAllSeconds", "processesAfterEachSeconds", "threadsAfterAllSeconds",
                "threadsAfterEachSeconds"), List.copyOf(c.get(0).metrics().keySet()));
        assertEquals(List.of(1.0, 1.0, 1.0), c.get(3).metrics().get("lockLeftTaken"));
        assertEquals(scripts.resolve("q8_joinable_queue.py") + " --items 1000 --rounds 3 --producers 1 --consumers 1,2"
                + " exited with status 1: 'RuntimeError: a unit failed'", c.get(1).reason());
        assertEquals(Map.of(), c.get(1).metrics());
        assertEquals(2, Files.readAllLines(counter).size(), "a failed experiment is not run again");
        assertTrue(c.get(2).reason().matches("skipped: a run that cannot fit needs [0-9.]+ GB, [0-9.]+ GB available"),
                c.get(2).reason());
        assertTrue(console().contains("; q8-joinable-queue is skipped, the others go on"), console());
        assertTrue(console().contains("bench: python 3/3 q11-daemon-terminate"), console());
    }

    @Test
    void aDemonstrationThatPrintsNoFigureItNamesIsSkippedSayingWhich() throws IOException {
        script("q12_slicing.py", "echo '{\"alone_p50_micros\": -1}'");
        CrossCheckResult written = write(new PythonCrossCheck(new PythonCrossCheck.Settings(true, 1, scripts, result, bin.toString()),
                List.of(), List.of(), List.of(claim("Q12")), LIMIT, out).run());
        CrossCheckResult.Claim q12 = written.claims().get(0);
        assertEquals("skipped", q12.status());
        assertTrue(q12.reason().contains("q12_slicing.py --ticks 200 --hog-limit 1 --hogs-per-cpu 2 printed no number"
                + " \"alone_p50_micros\" >= 0"), q12.reason());
    }

    @Test
    void theResultsFileCarriesEveryExperimentsParameters() throws IOException {
        script("asyncio_tasks.py", "echo '{\"wall_over_sleep\": 1.1, \"bytes_per_task\": 1400}'");
        script("q6_tickets.py", "exit 1");
        write(new PythonCrossCheck(new PythonCrossCheck.Settings(true, 1, scripts, result, bin.toString()),
                TutorialExperiment.TUTORIAL, List.of(CoroutineExperiment.sleep(400, 1)), ClaimExperiment.ALL, LIMIT, out).run());

        var root = new com.fasterxml.jackson.databind.ObjectMapper().readTree(result.toFile());
        for (String list : List.of("experiments", "coroutines", "claims")) {
            assertFalse(root.path(list).isEmpty(), list);
            for (var entry : root.path(list)) {
                assertTrue(entry.path("params").isObject() && !entry.path("params").isEmpty(), list + ": " + entry);
            }
        }
        assertEquals(ClaimExperiment.ALL.size(), root.path("claims").size(), "skipped ones too");
        var q6 = root.path("claims").get(ClaimExperiment.ALL.indexOf(claim("Q6")));
        assertEquals("skipped", q6.path("status").asText());
        assertEquals("{\"buyers\":\"10\",\"tickets\":\"5\",\"think\":\"5\",\"rushes\":\"3\"}", q6.path("params").toString());
        var udp = root.path("claims").get(ClaimExperiment.ALL.indexOf(ClaimExperiment.ALL.stream()
                .filter(e -> e.id().equals("q10-echo-udp")).findFirst().orElseThrow()));
        assertEquals("{\"mode\":\"udp\",\"port\":\"0\",\"connections\":\"100\",\"requests\":\"10\"}", udp.path("params").toString());
        assertEquals("{\"mode\":\"processes\",\"workers\":\"1\",\"iterations\":\"100000000\"}",
                root.path("experiments").get(2).path("params").toString());
    }

    @Test
    void metricNamesAreTheScriptsFieldsInCamelCase() {
        assertEquals("processesAfterAllSeconds", ClaimExperiment.metricName("processes_after_all_seconds"));
        assertEquals("processes1ItemsPerSecond", ClaimExperiment.metricName("processes_1_items_per_second"));
        assertEquals(Map.of("mode", "thread", "port", "0"), ClaimExperiment.paramsOf(List.of("thread", "--port", "0")));
        assertEquals(List.of("requests_per_second", "latency_p99_micros", "lost_requests"), claim("Q10").metrics());
    }

    /** Tiny sizes for the real scripts: every option the demonstrations use, made small. */
    private static final Map<String, String> TINY = Map.ofEntries(
            Map.entry("--workers", "3"), Map.entry("--sleep", "0.01"), Map.entry("--round-trips", "20"),
            Map.entry("--buyers", "4"), Map.entry("--tickets", "2"), Map.entry("--think", "1"), Map.entry("--rushes", "1"),
            Map.entry("--size", "1024"), Map.entry("--payload-kib", "8"), Map.entry("--units", "2"),
            Map.entry("--manager-updates", "5"), Map.entry("--items", "20"), Map.entry("--rounds", "1"),
            Map.entry("--files", "3"), Map.entry("--lines-per-file", "300"), Map.entry("--hold", "10"),
            Map.entry("--ticks", "10"), Map.entry("--hog-limit", "0.5"), Map.entry("--hogs-per-cpu", "1"));

    /**
     * Each real demonstration script at a tiny size, through the runner: it prints every figure
     * the runner reads, and its own checks hold (the locked ticket rushes and Value/Manager
     * updates lose nothing, or the script would have failed; join() waited for every task_done; a
     * daemon child ends with its parent; terminate() leaves the lock taken). The echo servers are
     * driven by the suite's load generator with 5 clients.
     */
    @Test
    void theDemonstrationScriptsRunAtTinySizesAndPrintEveryFigure() throws IOException {
        String path = System.getenv("PATH");
        assumeTrue(Executables.onPath("python3", path).isPresent(), "no python3 on PATH: the real demonstrations are skipped");
        Path realScripts = Path.of("..", "scripts", "tutorial");
        List<ClaimExperiment> tiny = new ArrayList<>();
        for (ClaimExperiment e : ClaimExperiment.ALL) {
            List<String> args = new ArrayList<>(e.args());
            for (int i = 0; i + 1 < args.size(); i++) {
                if (TINY.containsKey(args.get(i)) && !(args.get(i).equals("--updates") && args.get(i + 1).equals("0"))) {
                    args.set(i + 1, TINY.get(args.get(i)));
                }
            }
            if (args.contains("--updates") && !args.get(args.indexOf("--updates") + 1).equals("0")) {
                args.set(args.indexOf("--updates") + 1, "50");
            }
            tiny.add(new ClaimExperiment(e.claim(), e.id(), e.label(), e.driver(), e.script(), args, e.metrics(), e.processes(),
                    e.driver() == ClaimExperiment.Driver.SCRIPT || e.driver() == ClaimExperiment.Driver.ACCESS_LOGS ? 0 : 5,
                    e.requests() == 0 ? 0 : 3, e.runs()));
        }

        CrossCheckResult written = write(new PythonCrossCheck(new PythonCrossCheck.Settings(true, 1, realScripts, result, path),
                List.of(), List.of(), tiny, LIMIT, out).run());

        for (CrossCheckResult.Claim c : written.claims()) {
            assertEquals("ran", c.status(), c.id() + ": " + c.reason());
            ClaimExperiment e = ClaimExperiment.ALL.stream().filter(x -> x.id().equals(c.id())).findFirst().orElseThrow();
            assertEquals(e.metrics().stream().map(ClaimExperiment::metricName).toList(), List.copyOf(c.metrics().keySet()), c.id());
        }
        Map<String, CrossCheckResult.Claim> byId = new java.util.HashMap<>();
        written.claims().forEach(c -> byId.put(c.id(), c));
        for (String early : List.of("processes1JoinEarly", "processes2JoinEarly", "threads1JoinEarly", "threads2JoinEarly")) {
            assertEquals(List.of(0.0), byId.get("q8-joinable-queue").metrics().get(early), early);
        }
        for (String guarded : List.of("processesLockOversold", "processesSerialOversold", "threadsLockOversold", "threadsSerialOversold")) {
            assertEquals(List.of(0.0), byId.get("q6-tickets").metrics().get(guarded), guarded);
        }
        assertEquals(List.of(1.0), byId.get("q11-daemon-terminate").metrics().get("daemonEnded"));
        assertEquals(List.of(1.0), byId.get("q11-daemon-terminate").metrics().get("lockLeftTaken"));
        assertEquals(List.of(1.0), byId.get("q11-daemon-terminate").metrics().get("grandchildOrphaned"));
        assertEquals(List.of(0.0), byId.get("q10-echo-process").metrics().get("lostRequests"));
        // A fast, noisy experiment runs several times per repeat: one value per run, every metric aligned by run.
        ClaimExperiment q7 = ClaimExperiment.ALL.stream().filter(x -> x.id().equals("q7-ipc-64")).findFirst().orElseThrow();
        assertTrue(q7.runs() > 1, "q7-ipc-64 runs more than once per repeat");
        for (List<Double> values : byId.get("q7-ipc-64").metrics().values()) {
            assertEquals(q7.runs(), values.size());
        }
        assertTrue(byId.get("t4-join-order").metrics().get("threadsAfterEachSeconds").get(0) >= 3 * 0.01,
                "three sleeps joined one by one take at least three sleeps");
    }

    private static ClaimExperiment claim(String claim) {
        return ClaimExperiment.ALL.stream().filter(e -> e.claim().equals(claim)).findFirst().orElseThrow();
    }

    private static void assertDies(long pid) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "process " + pid + " is still alive");
    }

    private CrossCheckResult runAndWrite(boolean enabled, int repeats, List<TutorialExperiment> experiments, Duration limit)
            throws IOException {
        consoleBytes.reset();
        return write(new PythonCrossCheck(new PythonCrossCheck.Settings(enabled, repeats, scripts, result, bin.toString()),
                experiments, List.of(), limit, out).run());
    }

    private CrossCheckResult write(CrossCheckResult r) throws IOException {
        r.writeTo(result);
        return CrossCheckResult.read(result);
    }

    private String console() {
        return consoleBytes.toString(StandardCharsets.UTF_8);
    }

    private void script(String name, String body) throws IOException {
        Files.writeString(scripts.resolve(name), body + "\n");
    }

    private static void executable(Path file, String body) throws IOException {
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
    }
}
