package dev.unitsbench.work;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finding a program the suite runs but does not ship ({@code python3}, {@code taskset}). */
public final class Executables {

    private Executables() {
    }

    /** The first executable file called {@code name} in a PATH-style list of folders. */
    public static Optional<Path> onPath(String name, String pathVariable) {
        if (pathVariable == null || pathVariable.isBlank()) {
            return Optional.empty();
        }
        for (String folder : pathVariable.split(File.pathSeparator)) {
            if (folder.isBlank()) {
                continue;
            }
            Path candidate = Path.of(folder, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
