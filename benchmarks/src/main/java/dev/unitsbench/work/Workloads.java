package dev.unitsbench.work;

import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;

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
        try {
            return factory.create(args.subList(1, args.size()), processGil);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad number in workload " + args.subList(1, args.size()) + ": " + e.getMessage(), e);
        }
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

    /** For factories: fails unless the words are the kind and exactly {@code params} parameters. */
    public static void expectParams(List<String> words, int params) {
        if (words.size() != params + 1) {
            throw new IllegalArgumentException("workload '" + words.get(0) + "' takes " + params
                    + " arguments, got " + words.subList(1, words.size()));
        }
    }

    /**
     * For a factory of one kind that takes no parameters: fails unless the words are exactly
     * that kind.
     */
    public static void expectOnly(List<String> words, String kind) {
        if (!words.get(0).equals(kind)) {
            throw unknownKind(words, kind);
        }
        expectParams(words, 0);
    }

    /** For factories: the error for a kind the factory does not know. */
    public static IllegalArgumentException unknownKind(List<String> words, String known) {
        return new IllegalArgumentException("unknown workload '" + words.get(0) + "'; expected one of: " + known);
    }

    /** For factories: {@code gil} is the process's GIL, {@code free} none. */
    public static EmulatedGil gil(String word, EmulatedGil processGil) {
        return switch (word) {
            case "gil" -> processGil;
            case "free" -> null;
            default -> throw new IllegalArgumentException("expected 'gil' or 'free', got '" + word + "'");
        };
    }
}
