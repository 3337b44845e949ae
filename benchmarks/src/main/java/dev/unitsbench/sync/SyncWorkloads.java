package dev.unitsbench.sync;

import dev.unitsbench.work.EmulatedGil;
import dev.unitsbench.work.Workload;
import dev.unitsbench.work.WorkloadFactory;
import dev.unitsbench.work.Workloads;
import java.nio.file.Path;
import java.util.List;

/** The child-JVM workloads of the coordination family: a ticket buyer, a tally worker, the dict server. */
public final class SyncWorkloads implements WorkloadFactory {

    @Override
    public Workload create(List<String> words, EmulatedGil processGil) {
        return switch (words.get(0)) {
            case "tickets" -> {
                Workloads.expectParams(words, 3);
                yield new TicketBuyer(Path.of(words.get(1)), TicketGuard.valueOf(words.get(2)),
                        Long.parseLong(words.get(3)), new TicketBuyer.JvmLocks());
            }
            case "tally-worker" -> {
                Workloads.expectParams(words, 4);
                yield new TallyWorker(SharedTally.Kind.valueOf(words.get(1)), Path.of(words.get(2)),
                        Integer.parseInt(words.get(3)), Long.parseLong(words.get(4)));
            }
            case "dict-server" -> {
                Workloads.expectParams(words, 1);
                yield new DictServer(Path.of(words.get(1)));
            }
            default -> throw Workloads.unknownKind(words, "tickets, tally-worker, dict-server");
        };
    }
}
