package dev.unitsbench.sync;

import dev.unitsbench.work.EmulatedGil;
import dev.unitsbench.work.Workload;
import dev.unitsbench.work.WorkloadFactory;
import dev.unitsbench.work.Workloads;
import java.nio.file.Path;
import java.util.List;

/** The child-JVM workloads of the coordination family: a ticket buyer, a tally updater, the dict server. */
public final class SyncWorkloads implements WorkloadFactory {

    @Override
    public Workload create(List<String> words, EmulatedGil processGil) {
        return switch (words.get(0)) {
            case "tickets" -> {
                Workloads.expectParams(words, 3);
                yield new TicketBuyer(Path.of(words.get(1)), TicketGuard.valueOf(words.get(2)),
                        Long.parseLong(words.get(3)), new TicketBuyer.JvmLocks());
            }
            case "tally" -> {
                Workloads.expectParams(words, 6);
                SharedTally.Kind kind = SharedTally.Kind.valueOf(words.get(1));
                int keys = Integer.parseInt(words.get(3));
                // An in-JVM tally rebuilt in a child is that child's own: it shares nothing with other processes.
                yield new TallyUpdates(kind, Path.of(words.get(2)), keys, Long.parseLong(words.get(4)),
                        Path.of(words.get(5)), Integer.parseInt(words.get(6)), kind.inJvm() ? new InJvmTally(kind, keys) : null);
            }
            case "dict-server" -> {
                Workloads.expectParams(words, 1);
                yield new DictServer(Path.of(words.get(1)));
            }
            default -> throw Workloads.unknownKind(words, "tickets, tally, dict-server");
        };
    }
}
