package dev.unitsbench.work;

import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns a workload into command-line words and back, through the {@link WorkloadFactory} its
 * words name first. A child JVM's {@code main} calls {@link #fromArgs}; a workload's
 * {@code toArgs()} calls {@link #words}.
 *
 * <p>{@link #fromArgs} is on every child JVM's start path: it stays free of lambdas and of string
 * concatenation except where it fails.
 */
public final class Workloads {

    private Workloads() {
    }

    /** A workload's words: its factory's class name, its kind, then its parameters. */
    public static List<String> words(Class<? extends WorkloadFactory> factory, String kind, String... params) {
        List<String> words = new ArrayList<>(params.length + 2);
        words.add(factory.getName());
        words.add(kind);
        words.addAll(List.of(params));
        return List.copyOf(words);
    }

    /**
     * Rebuilds a workload from its words. A workload that names a GIL gets {@code processGil}:
     * in a child JVM, the one interpreter lock of that process.
     *
     * @throws IllegalArgumentException if the words name no factory or kind, or have the wrong shape
     */
    public static Workload fromArgs(List<String> args, EmulatedGil processGil) {
        if (args.isEmpty()) {
            throw new IllegalArgumentException("no workload given; expected the class name of a "
                    + WorkloadFactory.class.getSimpleName() + ", a kind and its parameters");
        }
        WorkloadFactory factory = factory(args.get(0));
        if (args.size() < 2) {
            throw new IllegalArgumentException("no workload kind given after " + args.get(0));
        }
        WorkloadParams params = new WorkloadParams(args.get(1), args.subList(2, args.size()), processGil);
        try {
            Workload workload = factory.create(args.get(1), params);
            params.expectAllRead();
            return workload;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad number in workload " + args.subList(1, args.size()) + ": " + e.getMessage(), e);
        }
    }

    /**
     * For factories: the kind among {@code kinds} (an enum's {@code values()}) that {@code word}
     * names, its constant's name in lower case with {@code -} for {@code _}.
     *
     * @throws IllegalArgumentException naming every kind, if {@code word} names none
     */
    public static <K extends Enum<K>> K kind(K[] kinds, String word) {
        for (K kind : kinds) {
            if (word(kind).equals(word)) {
                return kind;
            }
        }
        List<String> known = new ArrayList<>(kinds.length);
        for (K kind : kinds) {
            known.add(word(kind));
        }
        throw unknownKind(word, String.join(", ", known));
    }

    /** For a factory of one kind: fails unless {@code word} is that kind. */
    public static void expectOnly(String word, String kind) {
        if (!word.equals(kind)) {
            throw unknownKind(word, kind);
        }
    }

    /** A kind's word on the command line: its constant's name in lower case, with {@code -} for {@code _}. */
    public static String word(Enum<?> kind) {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static IllegalArgumentException unknownKind(String word, String known) {
        return new IllegalArgumentException("unknown workload '" + word + "'; expected one of: " + known);
    }

    private static WorkloadFactory factory(String className) {
        if (className.equals(CommonWorkloads.class.getName())) {
            // The shared workloads (the no-op of every spawn figure among them) are built without
            // reflection, which would spin method-handle classes on a child's start path.
            return new CommonWorkloads();
        }
        Class<?> type;
        try {
            type = Class.forName(className);
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("unknown workload factory '" + className + "': no such class on the class path");
        }
        if (!WorkloadFactory.class.isAssignableFrom(type)) {
            throw new IllegalArgumentException("'" + className + "' is not a " + WorkloadFactory.class.getSimpleName());
        }
        try {
            return (WorkloadFactory) type.getConstructor().newInstance();
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException("workload factory " + className + " failed to start: " + e.getCause(), e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("workload factory " + className + " has no public no-argument constructor", e);
        }
    }
}
