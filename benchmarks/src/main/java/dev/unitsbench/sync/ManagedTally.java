package dev.unitsbench.sync;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A {@link SharedTally} kept by a {@link DictServer} process: the counter is the entry
 * {@code num} (the tutorial's {@code data["num"]}), the map's entries are {@code k0, k1, ...}.
 *
 * <p>{@link SharedTally.Kind#MANAGER_ADD} sends one {@code ADD} per entry, which the server
 * applies atomically. {@link SharedTally.Kind#MANAGER_GET_SET} sends {@code GET} and then
 * {@code SET}, the two proxy calls behind the tutorial's {@code data["num"] = data["num"] - 1}
 * (here + 1), with nothing locking the pair.
 */
public final class ManagedTally implements SharedTally {

    static final String COUNTER = "num";

    private final DictClient dict;
    private final int keys;
    private final boolean atomic;

    public ManagedTally(Path socket, int keys, boolean atomic) throws IOException {
        SharedTally.checkKeys(keys);
        this.dict = new DictClient(socket);
        this.keys = keys;
        this.atomic = atomic;
    }

    @Override
    public void update(int key) throws IOException {
        add(COUNTER);
        add("k" + key);
    }

    private void add(String entry) throws IOException {
        if (atomic) {
            dict.add(entry, 1);
        } else {
            dict.set(entry, dict.get(entry) + 1);
        }
    }

    @Override
    public long counter() throws IOException {
        return dict.get(COUNTER);
    }

    @Override
    public long mapTotal() throws IOException {
        long total = 0;
        for (int key = 0; key < keys; key++) {
            total += dict.get("k" + key);
        }
        return total;
    }

    @Override
    public void reset() throws IOException {
        dict.reset();
    }

    @Override
    public void close() throws IOException {
        dict.close();
    }
}
