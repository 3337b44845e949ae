package dev.unitsbench.harness;

import dev.unitsbench.child.ChildMain;
import dev.unitsbench.model.ChildJvm;
import dev.unitsbench.model.ChildJvmLauncher;
import dev.unitsbench.work.EmulatedGil;
import dev.unitsbench.work.Workload;
import dev.unitsbench.work.Workloads;
import java.util.List;

/**
 * The command line of a running child JVM, as the operating system holds it, split in two: the
 * launcher's arguments (JVM flags, class path, {@link ChildMain}) and the workload rebuilt from
 * the words after them. Two sides whose children show the same launcher arguments and equal
 * workloads run the same code in their children.
 */
public record ChildCommand(List<String> launcher, Workload workload) {

    /** Reads {@code child}'s command line; the child must have started (exec'd) already. */
    public static ChildCommand of(ChildJvm child) throws ReflectiveOperationException {
        Process process = Built.field(child, "process", Process.class);
        List<String> arguments = List.of(process.info().arguments()
                .orElseThrow(() -> new IllegalStateException("no command line for child " + process.pid())));
        int main = arguments.indexOf(ChildMain.class.getName());
        if (main < 0) {
            throw new IllegalStateException("child " + process.pid() + " does not run " + ChildMain.class.getName() + ": " + arguments);
        }
        return new ChildCommand(List.copyOf(arguments.subList(0, main + 1)),
                Workloads.fromArgs(arguments.subList(main + 1, arguments.size()), new EmulatedGil()));
    }

    /** The arguments {@code launcher} gives every child before its workload's words. */
    public static List<String> launcherArguments(ChildJvmLauncher launcher) {
        List<String> command = launcher.command(List.of());
        return List.copyOf(command.subList(1, command.size()));
    }
}
