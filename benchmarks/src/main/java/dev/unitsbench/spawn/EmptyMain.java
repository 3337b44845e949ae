package dev.unitsbench.spawn;

/**
 * A main that does nothing and depends on nothing but {@code java.lang}: the program of
 * {@code SpawnBenchmark}'s JVM_BARE child. Its compiled class file is copied, alone, into a
 * private folder at trial set-up, so that the child's class path holds this one class and no jar.
 */
public final class EmptyMain {

    private EmptyMain() {
    }

    public static void main(String[] args) {
        // Nothing: the JVM's own start-up and exit are the whole run.
    }
}
