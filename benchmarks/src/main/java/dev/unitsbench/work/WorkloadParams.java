package dev.unitsbench.work;

import java.nio.file.Path;
import java.util.List;

/**
 * The parameters that follow a workload's kind on the command line, read in order by its
 * {@link WorkloadFactory}. Reading one too many, or leaving one unread, is an error here
 * ({@link Workloads#fromArgs} checks the latter), so no factory declares or checks its arity.
 */
public final class WorkloadParams {

    private final String kind;
    private final List<String> params;
    private final EmulatedGil processGil;
    private int read;

    WorkloadParams(String kind, List<String> params, EmulatedGil processGil) {
        this.kind = kind;
        this.params = params;
        this.processGil = processGil;
    }

    /** The next parameter as it stands. */
    public String next() {
        if (read == params.size()) {
            throw new IllegalArgumentException("workload '" + kind + "' takes more arguments than the " + read
                    + " given: " + params);
        }
        return params.get(read++);
    }

    public long nextLong() {
        return Long.parseLong(next());
    }

    public int nextInt() {
        return Integer.parseInt(next());
    }

    public Path nextPath() {
        return Path.of(next());
    }

    /** {@code gil}: this process's one GIL; {@code free}: none ({@code null}). */
    public EmulatedGil nextGil() {
        String word = next();
        return switch (word) {
            case "gil" -> processGil;
            case "free" -> null;
            default -> throw new IllegalArgumentException("expected 'gil' or 'free', got '" + word + "'");
        };
    }

    /** Fails if a parameter was left unread: the words had more than the workload takes. */
    void expectAllRead() {
        if (read != params.size()) {
            throw new IllegalArgumentException("workload '" + kind + "' takes " + read + " arguments, got " + params);
        }
    }
}
