package dev.unitsbench.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.unitsbench.work.EmulatedGil;
import dev.unitsbench.work.Workloads;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TicketBuyerTest {

    @TempDir
    Path folder;

    @Test
    void theOfficeKeepsItsCountInTheTutorialsJsonShape() throws IOException {
        Path office = folder.resolve("tickets.json");
        TicketOffice.open(office, 5);
        assertEquals("{\"count\": 0000000005}\n", Files.readString(office));
        assertEquals(5, TicketOffice.count(office));
    }

    @Test
    void aLoneBuyerBuysUntilNoTicketIsLeft() throws Exception {
        Path office = folder.resolve("tickets.json");
        TicketOffice.open(office, 2);
        TicketBuyer buyer = new TicketBuyer(office, TicketGuard.FILE_LOCK, 0, new TicketBuyer.JvmLocks());
        assertEquals(1, buyer.run());
        assertEquals(1, buyer.run());
        assertEquals(0, buyer.run());
        assertEquals(0, TicketOffice.count(office));
    }

    @Test
    void aBuyerSurvivesTheTripThroughItsArguments() {
        TicketBuyer buyer = new TicketBuyer(Path.of("/tmp/some office.json"), TicketGuard.SYNCHRONIZED, 7,
                new TicketBuyer.JvmLocks());
        TicketBuyer rebuilt = (TicketBuyer) Workloads.fromArgs(buyer.toArgs(), new EmulatedGil());
        assertEquals(List.of(buyer.office(), buyer.guard(), buyer.thinkMillis()),
                List.of(rebuilt.office(), rebuilt.guard(), rebuilt.thinkMillis()));
    }

    @Test
    void aBrokenTicketFileIsAnError() throws IOException {
        Path office = folder.resolve("tickets.json");
        Files.writeString(office, "{\"count\": 5}");
        assertThrows(IOException.class, () -> TicketOffice.count(office));
    }
}
