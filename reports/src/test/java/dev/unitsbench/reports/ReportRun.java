package dev.unitsbench.reports;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** One in-process run of the reporter, with what it printed. */
record ReportRun(int exitCode, String out, String err) {

    static ReportRun of(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of());
        return new ReportRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static final Pattern CHART = Pattern.compile("<figure class=\"chart[^\"]*\" id=\"([^\"]+)\">\\s*<svg");

    /** The ids of the charts in a report's page, in page order: each chart is inline, in the page only. */
    static List<String> chartIds(Path reportFolder) throws IOException {
        return CHART.matcher(Files.readString(reportFolder.resolve("index.html"))).results().map(m -> m.group(1)).toList();
    }
}
