package dev.unitsbench.switching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.unitsbench.harness.Built;
import dev.unitsbench.harness.ChildCommand;
import dev.unitsbench.model.ChildJvmLauncher;
import dev.unitsbench.model.ExecutionModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/*
 * Guards Q2's rows.
 * - pipeBetweenThreads PLATFORM_THREAD against pipeBetweenProcesses PROCESS (cpus=ALL and ONE):
 *   the child is the lean JVM running Echo, whose loop (Echo.serve) the pair's pong thread runs
 *   too, and both pings are Echo.ping over kernel pipes; only the process boundary differs. Both
 *   states pin through the same SwitchBenchmark.pinIf (cpus=ONE needs taskset; SameCpuTest).
 * - synchronousQueue and parkUnpark, VIRTUAL_THREAD against PLATFORM_THREAD: the same PingPong
 *   with the same hand-over on both sides; only the kind of thread differs.
 */
class SwitchSameCodeTest {

    @Test
    void aPipeBetweenThreadsRunsTheEchoLoopsOfAPipeBetweenProcesses() throws Exception {
        SwitchBenchmark.Processes processes = new SwitchBenchmark.Processes();
        SwitchBenchmark.PipePair threads = new SwitchBenchmark.PipePair();
        processes.model = ExecutionModel.PROCESS;
        threads.model = ExecutionModel.PLATFORM_THREAD;
        processes.cpus = threads.cpus = SwitchBenchmark.Cpus.ALL;
        processes.setUp();
        try {
            threads.setUp();
            try {
                ChildCommand child = ChildCommand.of(processes.echo);
                assertEquals(ChildCommand.launcherArguments(ChildJvmLauncher.lean()), child.launcher(), "the lean child JVM");
                assertEquals(new Echo(), child.workload(), "the child serves Echo.serve on its standard input and output");
                assertEquals(PingPong.Handoff.PIPE, Built.field(threads.pair, "handoff", PingPong.Handoff.class),
                        "the threads serve Echo.serve over kernel pipes");
                assertFalse(Built.field(threads.pair, "pong", Thread.class).isVirtual());
                assertFalse(Built.field(threads.pair, "ping", Thread.class).isVirtual());
                assertNull(processes.pinned, "cpus=ALL pins nothing");
                assertNull(threads.pinned, "cpus=ALL pins nothing");
                SwitchBenchmark bench = new SwitchBenchmark();
                assertEquals(SwitchBenchmark.ROUNDS, bench.pipeBetweenProcesses(processes));
                assertEquals(SwitchBenchmark.ROUNDS, bench.pipeBetweenThreads(threads));
            } finally {
                threads.tearDown();
            }
        } finally {
            processes.tearDown();
        }
    }

    @ParameterizedTest
    @EnumSource(value = ExecutionModel.class, names = {"PLATFORM_THREAD", "VIRTUAL_THREAD"})
    void bothKindsOfThreadHandTheTokenOverTheSameWay(ExecutionModel model) throws Exception {
        SwitchBenchmark.ThreadPairs pairs = new SwitchBenchmark.ThreadPairs();
        pairs.model = model;
        pairs.setUp();
        try {
            assertEquals(PingPong.Handoff.SYNCHRONOUS_QUEUE, Built.field(pairs.queuePair, "handoff", PingPong.Handoff.class));
            assertEquals(PingPong.Handoff.PARK_UNPARK, Built.field(pairs.parkPair, "handoff", PingPong.Handoff.class));
            for (PingPong pair : new PingPong[] {pairs.queuePair, pairs.parkPair}) {
                boolean virtual = model == ExecutionModel.VIRTUAL_THREAD;
                assertEquals(virtual, Built.field(pair, "ping", Thread.class).isVirtual(), "the kind of thread is the factor");
                assertEquals(virtual, Built.field(pair, "pong", Thread.class).isVirtual(), "the kind of thread is the factor");
            }
            SwitchBenchmark bench = new SwitchBenchmark();
            assertEquals(SwitchBenchmark.ROUNDS, bench.synchronousQueue(pairs));
            assertEquals(SwitchBenchmark.ROUNDS, bench.parkUnpark(pairs));
        } finally {
            pairs.tearDown();
        }
    }
}
