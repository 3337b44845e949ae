package dev.unitsbench.work;

import java.nio.file.Path;
import java.util.List;

/** The workloads several families share: the CPU loop, the sleep, the rendezvous, the no-op. */
public final class CommonWorkloads implements WorkloadFactory {

    @Override
    public Workload create(List<String> words, EmulatedGil processGil) {
        return switch (words.get(0)) {
            case "cpu" -> {
                Workloads.expectParams(words, 2);
                yield new CpuLoop(Long.parseLong(words.get(1)), Workloads.gil(words.get(2), processGil));
            }
            case "sleep" -> {
                Workloads.expectParams(words, 2);
                yield new Sleep(Long.parseLong(words.get(1)), Workloads.gil(words.get(2), processGil));
            }
            case "rendezvous" -> {
                Workloads.expectParams(words, 3);
                yield new Rendezvous(Path.of(words.get(1)), Integer.parseInt(words.get(2)), Long.parseLong(words.get(3)));
            }
            case "noop" -> {
                Workloads.expectParams(words, 0);
                yield new Noop();
            }
            default -> throw Workloads.unknownKind(words, "cpu, sleep, rendezvous, noop");
        };
    }
}
