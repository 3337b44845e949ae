package dev.unitsbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unitsbench.SequentialStage.Decision;
import dev.unitsbench.SequentialStage.DeciderException;
import dev.unitsbench.SequentialStage.OpenResult;
import dev.unitsbench.SequentialStage.Outcome;
import dev.unitsbench.SequentialStage.ProcessDecider;
import dev.unitsbench.harness.MachineFingerprint.Sequential;
import dev.unitsbench.harness.MachineFingerprint.Stage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.RunnerException;

/** The sequential stage's rules, with a stand-in decider, round and writer: no JMH run. */
class SequentialStageTest {

    private static final String CPU = "dev.unitsbench.cpu.CpuBoundBenchmark.computeAll";
    private static final String SLEEP = "dev.unitsbench.io.SleepBenchmark.sleepAll";
    private static final OpenResult CPU_PROCESS = new OpenResult(CPU, Map.of("model", "PROCESS", "workers", "4"));
    private static final OpenResult CPU_VIRTUAL = new OpenResult(CPU, Map.of("model", "VIRTUAL_THREAD", "workers", "4"));
    private static final OpenResult SLEEP_PROCESS = new OpenResult(SLEEP, Map.of("model", "PROCESS"));

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

    @Test
    void theDecidersLinesNameABenchmarkAndItsParamsInAnyOrder() throws DeciderException {
        Decision d = SequentialStage.parse("# 2 rows open: T1 (PROCESS vs VIRTUAL_THREAD)\n"
                + CPU + "\tmodel=PROCESS\tworkers=4\n"
                + CPU + "\tworkers=4\tmodel=VIRTUAL_THREAD\n"
                + "\n"
                + CPU + "\tworkers=4\tmodel=PROCESS\n" // the same result again: once is enough
                + "dev.unitsbench.io.NoParams.run\n");
        assertEquals(List.of(CPU_PROCESS, CPU_VIRTUAL, new OpenResult("dev.unitsbench.io.NoParams.run", Map.of())), d.open());
        assertEquals(List.of("# 2 rows open: T1 (PROCESS vs VIRTUAL_THREAD)"), d.comments());
    }

    @Test
    void anEmptyAnswerOrOnlyCommentsMeansNothingIsOpen() throws DeciderException {
        assertEquals(List.of(), SequentialStage.parse("").open());
        assertEquals(List.of(), SequentialStage.parse("# every row is decided\n\n").open());
    }

    @Test
    void aLineThatIsNotAResultIsAClearError() {
        for (String bad : List.of("T1 is open", CPU + "\tmodel", CPU + "\t=PROCESS", CPU + "\tmodel=A\tmodel=B", CPU + " model=PROCESS")) {
            DeciderException e = assertThrows(DeciderException.class, () -> SequentialStage.parse("# fine\n" + bad + "\n"), bad);
            assertTrue(e.getMessage().startsWith("line 2 "), e.getMessage());
            assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        }
    }

    @Test
    void onlyResultsThatRanInEveryRoundRunTheNext() {
        List<RunResult> results = List.of(
                FakeResults.result(CPU, CPU_PROCESS.params(), 3, 1),
                FakeResults.result(CPU, CPU_VIRTUAL.params(), 2, 1), // missed a round
                FakeResults.result(SLEEP, SLEEP_PROCESS.params(), 3, 1));
        OpenResult unknown = new OpenResult(CPU, Map.of("model", "PROCESS")); // a param short: not a result of this run
        List<OpenResult> runnable = SequentialStage.runnable(List.of(CPU_PROCESS, CPU_VIRTUAL, unknown, SLEEP_PROCESS), results, 4, out);
        assertEquals(List.of(CPU_PROCESS, SLEEP_PROCESS), runnable);
        String said = printed.toString(StandardCharsets.UTF_8);
        assertTrue(said.contains("skipped " + CPU_VIRTUAL + " in round 4: it has 2 forks, not 3"), said);
        assertTrue(said.contains("skipped " + unknown + ": no result of this run has exactly these params"), said);
        assertEquals(List.of(), SequentialStage.runnable(List.of(CPU_PROCESS), results, 5, out), "3 forks cannot take round 5");
    }

    @Test
    void aRoundIsEstimatedFromTheMeanOfEachResultsEarlierForks() {
        assertEquals(30.0, SequentialStage.estimateSeconds(List.of(List.of(10.0, 12.0, 8.0), List.of(20.0))), 1e-9);
        assertEquals(0.0, SequentialStage.estimateSeconds(List.of()), 1e-9);
    }

    @Test
    void aRoundRunsOnlyIfItEndsWithinTheBudget() {
        // A budget of 100 s and rounds estimated at 40 s each: rounds run while spent + estimate <= 100.
        double spent = 0;
        int rounds = 0;
        while (SequentialStage.withinBudget(spent, 40, 100)) {
            spent += 40;
            rounds++;
        }
        assertEquals(2, rounds);
        assertTrue(SequentialStage.withinBudget(60, 40, 100), "a round that ends on the budget runs");
        assertFalse(SequentialStage.withinBudget(0, 1, 0), "a budget of 0 runs nothing");
    }

    @Test
    void openResultsGetFurtherRoundsUpToTheMaximumEachMergedInRoundOrder() throws IOException {
        List<RunResult> first = List.of(FakeResults.result(CPU, CPU_PROCESS.params(), 3, 1),
                FakeResults.result(CPU, CPU_VIRTUAL.params(), 3, 1), FakeResults.result(SLEEP, SLEEP_PROCESS.params(), 3, 1));
        Deque<String> answers = new ArrayDeque<>(List.of(
                line(CPU_PROCESS) + "\n" + line(CPU_VIRTUAL) + "\n", // look 1: T1 is open
                line(CPU_PROCESS) + "\n" + line(CPU_VIRTUAL) + "\n", // look 2: still open
                line(CPU_PROCESS) + "\n")); // look 3: still open, but 5 rounds is the most
        List<Integer> roundsRun = new ArrayList<>();
        List<Sequential> written = new ArrayList<>();
        SequentialStage stage = stage(file -> SequentialStage.parse(answers.pop()), (round, open) -> {
            roundsRun.add(round);
            // the fork of this round scores the round's number, so the merged order can be checked
            return open.stream().map(o -> FakeResults.result(o.benchmark(), o.params(), 1, round)).toList();
        }, (results, sequential) -> written.add(sequential), 10);

        Outcome outcome = stage.run(first, 100);

        assertEquals(List.of(4, 5), roundsRun);
        assertEquals(3, written.size(), "the results are written before each look");
        written.forEach(s -> assertEquals(Sequential.planned(SequentialStage.SEQUENTIAL_LOOKS), s));
        assertEquals("the maximum of 5 rounds", outcome.sequential().stopped());
        assertEquals(List.of(new Stage(List.of(1, 2, 3), 100, 3), new Stage(List.of(4), 1, 2), new Stage(List.of(5), 1, 2)),
                outcome.sequential().stages());
        RunResult process = outcome.results().stream().filter(r -> CPU_PROCESS.names(r.getParams())).findFirst().orElseThrow();
        assertEquals(List.of(1.0, 1.0, 1.0, 4.0, 5.0), process.getBenchmarkResults().stream()
                .map(b -> b.getPrimaryResult().getScore()).toList());
        assertEquals(5, process.getParams().getForks());
        RunResult sleep = outcome.results().stream().filter(r -> SLEEP_PROCESS.names(r.getParams())).findFirst().orElseThrow();
        assertEquals(3, sleep.getBenchmarkResults().size(), "a decided result gets no further fork");
        String said = printed.toString(StandardCharsets.UTF_8);
        assertTrue(said.contains("look 1 of 3 after round 3: 2 results still open; round 4 takes about 20 s"), said);
    }

    @Test
    void aFailingDeciderKeepsTheResultsOfTheFirstStage() throws IOException {
        List<RunResult> first = List.of(FakeResults.result(CPU, CPU_PROCESS.params(), 3, 1));
        List<List<RunResult>> written = new ArrayList<>();
        SequentialStage stage = stage(file -> {
            throw new DeciderException("it exited with 1: no such file");
        }, (round, open) -> {
            throw new AssertionError("no round runs without a decision");
        }, (results, sequential) -> written.add(results), 10);

        Outcome outcome = stage.run(first, 100);

        assertSame(first, outcome.results());
        assertEquals(List.of(first), written, "the results were written before the decider was asked");
        assertEquals("the decider failed: it exited with 1: no such file", outcome.sequential().stopped());
        assertEquals(1, outcome.sequential().stages().size());
        assertTrue(printed.toString(StandardCharsets.UTF_8)
                .contains("bench: the decider failed: it exited with 1: no such file; keeping the 3 rounds"));
    }

    @Test
    void theStageStopsWhenNoRowIsOpenOrTheBudgetIsSpent() throws IOException {
        List<RunResult> first = List.of(FakeResults.result(CPU, CPU_PROCESS.params(), 3, 1));
        SequentialStage.Round none = (round, open) -> {
            throw new AssertionError("no round should run");
        };
        Outcome decided = stage(file -> SequentialStage.parse("# all decided\n"), none, (r, s) -> { }, 10).run(first, 100);
        assertEquals("no row open", decided.sequential().stopped());
        assertTrue(printed.toString(StandardCharsets.UTF_8).contains("# all decided"), "comments are printed as progress");

        // One fork took 10 s: with 0.1 min (6 s) of budget the round does not run.
        Outcome budget = stage(file -> SequentialStage.parse(line(CPU_PROCESS)), none, (r, s) -> { }, 10, 0.1).run(first, 100);
        assertEquals("the time budget (0.1 min)", budget.sequential().stopped());
        assertEquals(first, budget.results());
    }

    @Test
    void theDecisionCodeRunsInAJvmOfItsOwn() throws DeciderException {
        ProcessDecider answers = ProcessDecider.java(System.getProperty("java.class.path"), StubDecider.class.getName());
        Decision d = answers.decide(Path.of("results.json"));
        assertEquals(List.of(new OpenResult(CPU, Map.of("model", "PROCESS", "workers", "4"))), d.open());
        assertEquals(List.of("# asked about results.json"), d.comments());

        ProcessDecider fails = ProcessDecider.java(System.getProperty("java.class.path"), StubDecider.Failing.class.getName());
        DeciderException e = assertThrows(DeciderException.class, () -> fails.decide(Path.of("results.json")));
        assertEquals("it exited with 3: results.json is not a JMH result file", e.getMessage());
    }

    @Test
    void aDeciderThatHangsIsStoppedAtItsTimeout() {
        ProcessDecider hangs = new ProcessDecider(
                ProcessDecider.java(System.getProperty("java.class.path"), StubDecider.Hanging.class.getName()).command(), 1);
        DeciderException e = assertThrows(DeciderException.class, () -> hangs.decide(Path.of("results.json")));
        assertEquals("it did not finish within 1 s", e.getMessage());
    }

    private static String line(OpenResult o) {
        StringBuilder line = new StringBuilder(o.benchmark());
        o.params().forEach((k, v) -> line.append('\t').append(k).append('=').append(v));
        return line.toString();
    }

    private SequentialStage stage(SequentialStage.Decider decider, SequentialStage.Round round, SequentialStage.Writer writer,
                                  double forkSeconds) {
        return stage(decider, round, writer, forkSeconds, 3);
    }

    /** A stage whose clock moves 1 s per reading and whose every fork is estimated at {@code forkSeconds}. */
    private SequentialStage stage(SequentialStage.Decider decider, SequentialStage.Round round, SequentialStage.Writer writer,
                                  double forkSeconds, double budgetMinutes) {
        AtomicLong clock = new AtomicLong();
        return new SequentialStage(SequentialStage.SEQUENTIAL_LOOKS, budgetMinutes, SequentialStage.budgetName(budgetMinutes),
                Path.of("jmh-result.json"), decider, round, writer, r -> forkSeconds, out, () -> clock.addAndGet(1_000_000_000L));
    }

    /** Stands in for the reporter's decision code: names one open result. */
    public static final class StubDecider {
        public static void main(String[] args) {
            System.out.println("# asked about " + args[0]);
            System.out.println(CPU + "\tmodel=PROCESS\tworkers=4");
        }

        /** Stands in for decision code that never answers. */
        public static final class Hanging {
            public static void main(String[] args) throws InterruptedException {
                Thread.sleep(60_000);
            }
        }

        /** Stands in for decision code that cannot read its file. */
        public static final class Failing {
            public static void main(String[] args) {
                System.err.println(args[0] + " is not a JMH result file");
                System.err.println("a second line the runner does not repeat");
                System.exit(3);
            }
        }
    }
}
