package dev.unitsbench.reports.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SvgChartsTest {

    @Test
    void pathCoordinatesAreCutToOneDecimalAndNothingElseChanges() {
        String svg = "<path d=\"M-9.125,-2.375 L-7.109375,12.23779296875 Q1,2 3.5,4 Z\"/>"
                + "<rect height=\"323.5\" width=\"737.986328125\"/><text x=\"1.23456\">v1.2345</text>";
        assertEquals("<path d=\"M-9.1,-2.3 L-7.1,12.2 Q1,2 3.5,4 Z\"/>"
                        + "<rect height=\"323.5\" width=\"737.986328125\"/><text x=\"1.23456\">v1.2345</text>",
                SvgCharts.truncatePathCoordinates(svg));
    }
}
