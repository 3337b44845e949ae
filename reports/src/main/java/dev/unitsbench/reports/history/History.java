package dev.unitsbench.reports.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.unitsbench.reports.error.UserError;
import dev.unitsbench.reports.read.RunMetadata;
import dev.unitsbench.reports.stats.AnalyzedResult;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The history file ({@code --history}): one JSON line per report run, appended and never
 * rewritten, so that the report can draw each headline benchmark over the runs.
 *
 * <p>A line: {@code {"schema":1,"commit":"...","date":"...","jdk":"...","machine":"...",
 * "benchmarks":{"ID":{"score":1.5,"unit":"ms/op","low":1.4,"high":1.6,"n":5}}}}, where ID is
 * the benchmark's name, mode and params ({@code pkg.Class.method [ss](model=PROCESS, workers=4)}).
 *
 * <p>Appending is one write of one whole line at the end of the file, forced to disk; when the
 * file does not end with a line break (an earlier write was cut short), a line break comes
 * first, so the cut line stays alone and is reported as corrupt instead of spoiling this one.
 * Reading reports every line that is not a run with its line number, and skips it.
 */
public final class History {

    public static final int SCHEMA = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One benchmark's figure in one run. */
    public record Point(double score, String unit, double low, double high, long n) {
    }

    /** One run: where it came from and its figures by benchmark id. */
    public record Run(String commit, String date, String jdk, String machine, Map<String, Point> benchmarks) {
    }

    /**
     * @param runs     the readable runs, oldest first
     * @param problems one line per line that was skipped, with its line number
     */
    public record Read(List<Run> runs, List<String> problems) {

        /** The runs read, then {@code current}: what the trend charts draw. */
        public List<Run> with(Run current) {
            List<Run> all = new ArrayList<>(runs);
            all.add(current);
            return List.copyOf(all);
        }
    }

    private History() {
    }

    public static Run of(String commit, String date, String jdk, String machine, List<AnalyzedResult> results) {
        Map<String, Point> points = new LinkedHashMap<>();
        for (AnalyzedResult r : results) {
            points.put(r.result().id(), new Point(r.estimate().mean(), r.estimate().unit(), r.estimate().low(), r.estimate().high(),
                    r.estimate().n()));
        }
        return new Run(commit, date, jdk, machine, points);
    }

    /**
     * This run as a line of the history: the commit from {@code --meta commit=...} or git, the
     * date of the run (else of the report), the JDK, and {@code --meta machine=...} or what this
     * machine is (its OS, CPU count and memory).
     *
     * @param meta     the {@code --meta} pairs
     * @param metadata the facts {@link RunMetadata#collect} found
     */
    public static Run thisRun(Map<String, String> meta, List<RunMetadata.Fact> metadata, List<AnalyzedResult> results) {
        String machine = meta.containsKey("machine") ? meta.get("machine")
                : fact(metadata, "Operating system") + ", " + fact(metadata, "CPU count") + " CPUs, " + fact(metadata, "Memory");
        return of(firstKnown(meta.get("commit"), fact(metadata, "Git commit")),
                firstKnown(fact(metadata, "Date of the run"), fact(metadata, "Report made")),
                firstKnown(fact(metadata, "JDK version")), machine, results);
    }

    /** The value of the metadata fact named {@code name}; null when absent. */
    private static String fact(List<RunMetadata.Fact> metadata, String name) {
        return metadata.stream().filter(f -> f.name().equals(name)).map(RunMetadata.Fact::value).findFirst().orElse(null);
    }

    private static String firstKnown(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank() && !v.equals("unknown")) {
                return v;
            }
        }
        return "unknown";
    }

    /** The runs of {@code file}; a missing file has none. */
    public static Read read(Path file) {
        if (!Files.exists(file)) {
            return new Read(List.of(), List.of());
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserError("history file " + file + " cannot be read (" + e.getMessage() + "): check its permissions, or drop --history.");
        }
        List<Run> runs = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            try {
                runs.add(parse(line));
            } catch (IllegalArgumentException e) {
                problems.add("history file " + file + ", line " + (i + 1) + ": " + e.getMessage() + "; the line is skipped.");
            }
        }
        return new Read(List.copyOf(runs), List.copyOf(problems));
    }

    static Run parse(String line) {
        JsonNode root;
        try {
            root = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON (" + e.getOriginalMessage() + ")");
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        if (root.path("schema").asInt(0) != SCHEMA) {
            throw new IllegalArgumentException("\"schema\" is not " + SCHEMA);
        }
        JsonNode benchmarks = root.path("benchmarks");
        if (!benchmarks.isObject()) {
            throw new IllegalArgumentException("no \"benchmarks\" object");
        }
        Map<String, Point> points = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = benchmarks.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> b = it.next();
            JsonNode p = b.getValue();
            if (!p.path("score").isNumber() || !p.path("unit").isTextual()) {
                throw new IllegalArgumentException("benchmark " + b.getKey() + " has no numeric \"score\" and text \"unit\"");
            }
            points.put(b.getKey(), new Point(p.get("score").asDouble(), p.get("unit").asText(),
                    p.path("low").asDouble(Double.NaN), p.path("high").asDouble(Double.NaN), p.path("n").asLong(0)));
        }
        return new Run(root.path("commit").asText("unknown"), root.path("date").asText("unknown"),
                root.path("jdk").asText("unknown"), root.path("machine").asText("unknown"), points);
    }

    static String line(Run run) {
        ObjectNode root = JSON.createObjectNode();
        root.put("schema", SCHEMA);
        root.put("commit", run.commit());
        root.put("date", run.date());
        root.put("jdk", run.jdk());
        root.put("machine", run.machine());
        ObjectNode benchmarks = root.putObject("benchmarks");
        run.benchmarks().forEach((id, p) -> {
            ObjectNode node = benchmarks.putObject(id);
            node.put("score", p.score());
            node.put("unit", p.unit());
            if (Double.isFinite(p.low()) && Double.isFinite(p.high())) {
                node.put("low", p.low());
                node.put("high", p.high());
            }
            node.put("n", p.n());
        });
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot happen: a tree of plain values failed to serialize", e);
        }
    }

    /** Appends {@code run} as one line; earlier lines are never touched. */
    public static void append(Path file, Run run) {
        byte[] bytes = (line(run) + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            boolean needsBreak = false;
            if (Files.exists(file) && Files.size(file) > 0) {
                try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
                    raf.seek(raf.length() - 1);
                    needsBreak = raf.read() != '\n';
                }
            }
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
                ByteBuffer buffer = ByteBuffer.allocate(bytes.length + (needsBreak ? 1 : 0));
                if (needsBreak) {
                    buffer.put((byte) '\n');
                }
                buffer.put(bytes).flip();
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
        } catch (IOException e) {
            throw new UserError("could not append this run to the history file " + file + " (" + e.getMessage()
                    + "): check that its folder is writable, or drop --history.", e);
        }
    }
}
