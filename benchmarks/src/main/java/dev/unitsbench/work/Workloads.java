package dev.unitsbench.work;

import dev.unitsbench.ipc.Channel;
import dev.unitsbench.net.EchoTransport;
import java.nio.file.Path;
import java.util.List;

/** Rebuilds a workload from its {@linkplain Workload#toArgs() command-line words}, in a child JVM. */
public final class Workloads {

    private static final String KINDS = "cpu, sleep, rendezvous, noop, echo, hold-lock, echo-server, echo-load, pool-worker, channel-peer, queue-server";

    private Workloads() {
    }

    /**
     * Rebuilds a workload. A workload that names a GIL gets {@code processGil}: in a child JVM,
     * the one interpreter lock of that process.
     *
     * @throws IllegalArgumentException if the words name no known workload or have the wrong shape
     */
    public static Workload fromArgs(List<String> args, EmulatedGil processGil) {
        if (args.isEmpty()) {
            throw new IllegalArgumentException("no workload given; expected one of: " + KINDS);
        }
        try {
            return switch (args.get(0)) {
                case "cpu" -> {
                    expectCount(args, 3);
                    yield new CpuLoop(Long.parseLong(args.get(1)), gil(args.get(2), processGil));
                }
                case "sleep" -> {
                    expectCount(args, 3);
                    yield new Sleep(Long.parseLong(args.get(1)), gil(args.get(2), processGil));
                }
                case "rendezvous" -> {
                    expectCount(args, 4);
                    yield new Rendezvous(Path.of(args.get(1)), Integer.parseInt(args.get(2)), Long.parseLong(args.get(3)));
                }
                case "tickets" -> {
                    expectCount(args, 4);
                    yield new TicketBuyer(Path.of(args.get(1)), TicketGuard.valueOf(args.get(2)),
                            Long.parseLong(args.get(3)), new TicketBuyer.JvmLocks());
                }
                case "tally" -> {
                    expectCount(args, 7);
                    SharedTally.Kind kind = SharedTally.Kind.valueOf(args.get(1));
                    int keys = Integer.parseInt(args.get(3));
                    // An in-JVM tally rebuilt in a child is that child's own: it shares nothing with other processes.
                    yield new TallyUpdates(kind, Path.of(args.get(2)), keys, Long.parseLong(args.get(4)),
                            Path.of(args.get(5)), Integer.parseInt(args.get(6)), kind.inJvm() ? new InJvmTally(kind, keys) : null);
                }
                case "dict-server" -> {
                    expectCount(args, 2);
                    yield new DictServer(Path.of(args.get(1)));
                }
                case "noop" -> {
                    expectCount(args, 1);
                    yield new Noop();
                }
                case "echo" -> {
                    expectCount(args, 1);
                    yield new Echo();
                }
                case "hold-lock" -> {
                    expectCount(args, 3);
                    yield new HoldFileLock(Path.of(args.get(1)), Long.parseLong(args.get(2)));
                }
                case "echo-server" -> {
                    expectCount(args, 3);
                    yield new EchoServerWorker(transport(args.get(1)), Integer.parseInt(args.get(2)));
                }
                case "echo-load" -> {
                    expectCount(args, 4);
                    yield new EchoLoadWorker(transport(args.get(1)), Integer.parseInt(args.get(2)), Integer.parseInt(args.get(3)));
                }
                case "pool-worker" -> {
                    expectCount(args, 1);
                    yield new PoolWorker();
                }
                case "channel-peer" -> {
                    expectCount(args, 4);
                    yield new ChannelPeer(channel(args.get(1)), Path.of(args.get(2)), Integer.parseInt(args.get(3)));
                }
                case "queue-server" -> {
                    expectCount(args, 2);
                    yield new QueueServer(Path.of(args.get(1)));
                }
                default -> throw new IllegalArgumentException("unknown workload '" + args.get(0)
                        + "'; expected one of: " + KINDS);
            };
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad number in workload " + args + ": " + e.getMessage(), e);
        }
    }

    private static void expectCount(List<String> args, int count) {
        if (args.size() != count) {
            throw new IllegalArgumentException("workload '" + args.get(0) + "' takes " + (count - 1)
                    + " arguments, got " + args.subList(1, args.size()));
        }
    }

    private static EchoTransport transport(String word) {
        return switch (word) {
            case "tcp" -> EchoTransport.TCP;
            case "udp" -> EchoTransport.UDP;
            default -> throw new IllegalArgumentException("expected 'tcp' or 'udp', got '" + word + "'");
        };
    }

    private static Channel channel(String word) {
        try {
            Channel channel = Channel.valueOf(word);
            if (channel.betweenProcesses()) {
                return channel;
            }
        } catch (IllegalArgumentException e) {
            // Said below.
        }
        throw new IllegalArgumentException("expected a channel between processes (PIPE, UNIX_SOCKET, TCP_LOOPBACK, SHARED_MEMORY, FILE), got '" + word + "'");
    }

    private static EmulatedGil gil(String word, EmulatedGil processGil) {
        return switch (word) {
            case "gil" -> processGil;
            case "free" -> null;
            default -> throw new IllegalArgumentException("expected 'gil' or 'free', got '" + word + "'");
        };
    }
}
