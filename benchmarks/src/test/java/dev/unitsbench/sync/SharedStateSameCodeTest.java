package dev.unitsbench.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.unitsbench.harness.Built;
import dev.unitsbench.harness.ChildCommand;
import dev.unitsbench.model.ChildJvm;
import dev.unitsbench.model.ChildJvmLauncher;
import dev.unitsbench.model.ExecutionModel;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.OperationsPerInvocation;

/*
 * Guards Q7's "shared memory is fast": sharedMemory MAPPED_ATOMIC against manager MANAGER_ADD. Both
 * sides are the same long-lived lean child JVMs, as many, each running the same TallyUnit round
 * (read back from the children's command lines); only the store differs (a mapped file, the dict
 * server) and with it the updates per round, which each method's @OperationsPerInvocation
 * divides out: a round sends exactly that many updates per unit, so the scores compare per update.
 */
class SharedStateSameCodeTest {

    private static final int UNITS = 2;

    @Test
    void mappedAndManagedUnitsAreTheSameChildrenRunningTheSameRoundOnAnotherStore() throws Exception {
        SharedStateBenchmark bench = new SharedStateBenchmark();
        bench.units = UNITS;
        bench.keys = 8;
        bench.createFolder();
        SharedStateBenchmark.MappedUnits mapped = new SharedStateBenchmark.MappedUnits();
        mapped.model = ExecutionModel.PROCESS;
        mapped.store = SharedTally.Kind.MAPPED_ATOMIC;
        SharedStateBenchmark.ManagedUnits managed = new SharedStateBenchmark.ManagedUnits();
        managed.model = ExecutionModel.PROCESS;
        managed.store = SharedTally.Kind.MANAGER_ADD;
        try {
            mapped.setUp(bench);
            managed.setUp(bench);
            List<ChildCommand> mappedChildren = children(mapped);
            List<ChildCommand> managedChildren = children(managed);
            assertEquals(UNITS, mappedChildren.size());
            assertEquals(UNITS, managedChildren.size());
            List<String> lean = ChildCommand.launcherArguments(ChildJvmLauncher.lean());
            for (List<ChildCommand> side : List.of(mappedChildren, managedChildren)) {
                for (ChildCommand child : side) {
                    assertEquals(lean, child.launcher(), "every unit is a lean child JVM");
                    assertEquals(side.get(0).workload(), child.workload(), "every unit of a side runs the same round");
                }
            }
            TallyUnit onFile = (TallyUnit) mappedChildren.get(0).workload();
            TallyUnit onServer = (TallyUnit) managedChildren.get(0).workload();
            assertEquals(SharedTally.Kind.MAPPED_ATOMIC, onFile.kind());
            assertEquals(SharedTally.Kind.MANAGER_ADD, onServer.kind());
            assertEquals(onFile.keys(), onServer.keys());
            assertNotEquals(onFile.location(), onServer.location(), "the store is the factor");

            assertEquals(UNITS * perOperation("sharedMemory"), updatesOfOneRound(mapped, onFile),
                    "sharedMemory's score divides by the updates one unit makes");
            assertEquals(UNITS * perOperation("manager"), updatesOfOneRound(managed, onServer),
                    "manager's score divides by the updates one unit makes");
        } finally {
            try {
                mapped.tearDown();
                managed.tearDown();
            } finally {
                bench.deleteFolder();
            }
        }
    }

    private static List<ChildCommand> children(SharedStateBenchmark.Units units) throws ReflectiveOperationException {
        List<ChildCommand> children = new ArrayList<>();
        for (Object unit : Built.field(units.round, "crew", List.class)) {
            children.add(ChildCommand.of(Built.field(unit, "process", ChildJvm.class)));
        }
        return children;
    }

    private static long perOperation(String benchmark) throws NoSuchMethodException {
        for (Method method : SharedStateBenchmark.class.getMethods()) {
            if (method.getName().equals(benchmark)) {
                return method.getAnnotation(OperationsPerInvocation.class).value();
            }
        }
        throw new NoSuchMethodException(benchmark);
    }

    private static long updatesOfOneRound(SharedStateBenchmark.Units units, TallyUnit workload) throws Exception {
        SharedStateRound.Outcome outcome = units.round.run(Duration.ofSeconds(60));
        assertEquals(0, outcome.lostCounterUpdates(), "an atomic store loses nothing");
        assertEquals(UNITS * workload.updates(), outcome.sent());
        return outcome.sent();
    }
}
