package dev.unitsbench.spawn;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The floor of a child JVM: the parent's own {@code java}, no flags, running
 * {@link EmptyMain} from a folder that holds that one class file. It is what {@code java -cp DIR
 * EmptyMain} costs on this machine, the reference every child JVM of the suite is compared with.
 *
 * <p>The class file is the one this suite was compiled with, copied byte for byte from this JVM's
 * class path into {@code folder}/dev/unitsbench/spawn/; nothing is generated or compiled at run
 * time.
 */
final class BareJvm {

    private BareJvm() {
    }

    /** Copies {@link EmptyMain}'s class file into {@code folder} and returns the child's command. */
    static List<String> command(Path folder) throws IOException {
        String resource = EmptyMain.class.getSimpleName() + ".class";
        Path target = folder.resolve(EmptyMain.class.getPackageName().replace('.', '/')).resolve(resource);
        Files.createDirectories(target.getParent());
        try (InputStream bytes = EmptyMain.class.getResourceAsStream(resource)) {
            if (bytes == null) {
                throw new IOException("the class file of " + EmptyMain.class.getName() + " is not on the class path");
            }
            Files.copy(bytes, target);
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return List.of(java.toString(), "-cp", folder.toString(), EmptyMain.class.getName());
    }
}
