package dev.unitsbench.model;

import dev.unitsbench.work.EmulatedGil;
import dev.unitsbench.work.Workload;
import dev.unitsbench.work.WorkloadFactory;
import dev.unitsbench.work.Workloads;
import java.nio.file.Path;
import java.util.List;

/** The child-JVM workloads of the process-semantics tests (claim Q11). */
public final class SemanticsWorkloads implements WorkloadFactory {

    @Override
    public Workload create(List<String> words, EmulatedGil processGil) {
        return switch (words.get(0)) {
            case "hold-lock" -> {
                Workloads.expectParams(words, 2);
                yield new HoldFileLock(Path.of(words.get(1)), Long.parseLong(words.get(2)));
            }
            case "hold-shared-lock" -> {
                Workloads.expectParams(words, 2);
                yield new HoldSharedLock(Path.of(words.get(1)), Long.parseLong(words.get(2)));
            }
            default -> throw Workloads.unknownKind(words, "hold-lock, hold-shared-lock");
        };
    }
}
