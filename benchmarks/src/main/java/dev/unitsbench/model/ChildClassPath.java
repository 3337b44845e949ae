package dev.unitsbench.model;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * The class path of a child JVM: one small uncompressed jar holding only the classes a child can
 * load, instead of the 6 MB shaded {@code benchmarks.jar} (3,500 entries, JMH and Jackson among
 * them) that the parent runs from. A JVM opens and indexes every jar on its class path at
 * start-up, so a thin jar is part of starting a child at the JVM's floor.
 *
 * <p>The jar is packed from the parent's own class path (folders and jars alike:
 * {@code target/classes}, {@code target/test-classes}, the shaded jar), keeping the entries under
 * {@link #CHILD_PACKAGES} and leaving out JMH's generated harness. {@link LeanChildJvm#prepare()}
 * packs it once into a private temporary folder, hands it down with the rest of the lean child,
 * and removes it when closed. Packing takes well under a second, outside every timed region.
 */
final class ChildClassPath {

    /**
     * Where the classes a child may load live, besides the JDK: this suite's own, and HdrHistogram
     * (the net family's load generator records its latencies in a child). A family whose child
     * needs another library adds its package here.
     */
    static final List<String> CHILD_PACKAGES = List.of("dev/unitsbench/", "org/HdrHistogram/");

    /** JMH's generated benchmark harness: no child runs JMH. */
    private static final String JMH_GENERATED = "/jmh_generated/";

    private ChildClassPath() {
    }

    /**
     * Packs the child's classes found on {@code classPath} into {@code jar}, uncompressed; where
     * two entries of the class path hold the same class, the first wins, as it would for the JVM.
     *
     * @return the jar
     */
    static Path pack(String classPath, Path jar) throws IOException {
        Set<String> written = new HashSet<>();
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(jar))) {
            out.setMethod(ZipOutputStream.STORED);
            for (String entry : classPath.split(File.pathSeparator)) {
                if (entry.isEmpty()) {
                    continue;
                }
                Path source = Path.of(entry);
                if (Files.isDirectory(source)) {
                    packFolder(source, out, written);
                } else if (Files.isRegularFile(source) && entry.endsWith(".jar")) {
                    packJar(source, out, written);
                }
            }
        }
        if (written.isEmpty()) {
            throw new IllegalStateException("no child classes (" + CHILD_PACKAGES + ") on the class path " + classPath);
        }
        return jar;
    }

    static boolean wanted(String name) {
        if (!name.endsWith(".class") || name.contains(JMH_GENERATED)) {
            return false;
        }
        for (String prefix : CHILD_PACKAGES) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static void packFolder(Path folder, ZipOutputStream out, Set<String> written) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                String name = folder.relativize(file).toString().replace(File.separatorChar, '/');
                if (wanted(name) && written.add(name)) {
                    put(out, name, Files.readAllBytes(file));
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static void packJar(Path source, ZipOutputStream out, Set<String> written) throws IOException {
        try (ZipFile zip = new ZipFile(source.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (!entry.isDirectory() && wanted(entry.getName()) && written.add(entry.getName())) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        put(out, entry.getName(), in.readAllBytes());
                    }
                }
            }
        }
    }

    /** One stored (uncompressed) entry: the child maps it without inflating. */
    private static void put(ZipOutputStream out, String name, byte[] bytes) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        CRC32 crc = new CRC32();
        crc.update(bytes);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(bytes.length);
        entry.setCompressedSize(bytes.length);
        entry.setCrc(crc.getValue());
        out.putNextEntry(entry);
        out.write(bytes);
        out.closeEntry();
    }

    /** For tests: the entries a jar holds. */
    static Set<String> entries(Path jar) throws IOException {
        Set<String> names = new HashSet<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            zip.stream().forEach(e -> names.add(e.getName()));
        }
        return names;
    }
}
