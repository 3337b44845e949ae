package dev.unitsbench.switching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The same-CPU pinning of Q2's cpus=ONE: what it pins, what it gives back, how it fails. */
@Timeout(60)
class SameCpuTest {

    @Test
    void withoutTasksetPinningFailsWithOneLineThatNamesIt() {
        IllegalStateException missing = assertThrows(IllegalStateException.class,
                () -> SameCpu.pin(null, ProcessHandle.current().pid()));
        assertTrue(missing.getMessage().contains("taskset"), missing.getMessage());
        assertTrue(!missing.getMessage().contains("\n"), missing.getMessage());
        assertThrows(IllegalStateException.class,
                () -> SameCpu.pin(Path.of("/no/such/dir/taskset"), ProcessHandle.current().pid()));
    }

    @Test
    void theFirstCpuOfALinuxCpuList() {
        assertEquals("0", SameCpu.firstCpu("0-1"));
        assertEquals("3", SameCpu.firstCpu("3"));
        assertEquals("2", SameCpu.firstCpu("2,4-7"));
        assertThrows(IllegalArgumentException.class, () -> SameCpu.firstCpu(""));
        assertThrows(IllegalArgumentException.class, () -> SameCpu.firstCpu("ff"));
    }

    @Test
    void pinsEveryThreadOfAProcessToOneCpuAndGivesTheOldSetBack() throws Exception {
        Path taskset = SameCpu.findTaskset();
        assumeTrue(taskset != null, "no taskset here");
        Process sleeper = new ProcessBuilder("sleep", "60").start();
        try {
            String before = SameCpu.allowedCpus(sleeper.pid());
            try (SameCpu pinned = SameCpu.pin(taskset, sleeper.pid())) {
                assertEquals(SameCpu.firstCpu(before), SameCpu.allowedCpus(sleeper.pid()));
            }
            assertEquals(before, SameCpu.allowedCpus(sleeper.pid()));
        } finally {
            sleeper.destroyForcibly().waitFor();
        }
    }
}
