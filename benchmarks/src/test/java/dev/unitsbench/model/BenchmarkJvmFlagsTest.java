package dev.unitsbench.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Worker JVMs that must run as this JVM does get its collector and heap bounds. */
class BenchmarkJvmFlagsTest {

    private static final HotSpotDiagnosticMXBean HOT_SPOT = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);

    private static long option(String name) {
        return Long.parseLong(HOT_SPOT.getVMOption(name).getValue());
    }

    @Test
    void theFlagsNameThisJvmsCollectorAndHeapBounds() {
        List<String> flags = BenchmarkJvmFlags.gcAndHeapOfThisJvm();

        List<String> gcs = flags.stream().filter(f -> f.startsWith("-XX:+Use") && f.endsWith("GC")).toList();
        assertEquals(1, gcs.size(), "one collector: " + flags);
        assertEquals("true", HOT_SPOT.getVMOption(gcs.get(0).substring("-XX:+".length())).getValue(), "this JVM's collector: " + flags);
        assertTrue(flags.contains("-Xmx" + option("MaxHeapSize") / 1024 + "k"), flags.toString());
        assertTrue(flags.contains("-Xms" + option("InitialHeapSize") / 1024 + "k"), flags.toString());
        assertEquals(List.of("-XX:-UsePerfData", "-Xshare:auto"), flags.subList(flags.size() - 2, flags.size()));
    }

    @Test
    void aChildStartedWithThemRunsThatCollectorAndHeap() throws Exception {
        List<String> flags = BenchmarkJvmFlags.gcAndHeap(List.of("-XX:+PrintFlagsFinal"));
        List<String> command = ChildJvmLauncher.withFlags(flags).command(List.of("--bad"));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes());
        child.waitFor();
        String gc = flags.get(0).substring("-XX:+".length());
        assertTrue(output.lines().anyMatch(l -> l.matches("\\s*bool " + gc + "\\s+= true.*")), gc + " on in the child");
        assertTrue(output.lines().anyMatch(l -> l.matches("\\s*size_t MaxHeapSize\\s+= " + option("MaxHeapSize") + " .*")),
                "the child's MaxHeapSize is this JVM's");
    }
}
