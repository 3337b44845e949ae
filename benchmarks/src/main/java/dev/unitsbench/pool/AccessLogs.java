package dev.unitsbench.pool;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.zip.GZIPOutputStream;

/**
 * A deterministic set of gzip web-server logs for the tutorial's log-scanning example (claim Q9),
 * and the answer the scan must find: the hosts that fetched {@code /robots.txt}.
 *
 * <p>Each line is in the Apache/NCSA combined format the tutorial shows, for example
 * <pre>
 * 124.115.6.12 - - [10/Jul/2012:00:18:50 -0500] "GET /robots.txt HTTP/1.1" 200 71 "-" "Mozilla/5.0 (compatible; crawler-7)"
 * </pre>
 * so that the tutorial's parse ({@code fields = line.split(); fields[6] == '/robots.txt'})
 * applies as it is. Hosts come from one pool shared by all files, so the files' host sets
 * overlap and the merge matters. Only a few hosts are crawlers, and only crawlers ever fetch
 * {@code /robots.txt}; every host also fetches look-alikes ({@code /robots.txt.bak},
 * {@code /blog/robots.txt}) that an exact comparison must reject.
 *
 * <p>Everything follows from the seed: the same arguments write the same bytes.
 *
 * @param files the {@code .log.gz} files, in order
 * @param robotHosts per file, the hosts that fetched {@code /robots.txt} in it
 */
public record AccessLogs(List<Path> files, List<Set<String>> robotHosts) {

    /** Distinct client hosts across all files: far fewer than lines, so hosts recur. */
    static final int HOSTS = 5_000;

    /** One host in this many is a crawler. */
    static final int CRAWLER_EVERY = 25;

    /** A crawler's request is for {@code /robots.txt} once in this many. */
    static final int ROBOTS_EVERY = 20;

    /** A request of any host is for a look-alike of {@code /robots.txt} once in this many. */
    static final int DECOY_EVERY = 200;

    private static final String[] PAGES = {
        "/", "/index.html", "/ply/", "/ply/ply-3.4.tar.gz", "/favicon.ico", "/blog/atom.xml",
        "/blog/2012/07/09/when-to-use-threads.html", "/css/main.css", "/js/site.js", "/images/logo.png",
        "/publications.html", "/talks/concurrency.pdf", "/swig/", "/cookbook/ch12.html",
    };

    private static final String[] DECOYS = {"/robots.txt.bak", "/blog/robots.txt", "/robots.txt?x=1", "/Robots.txt"};

    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

    public AccessLogs {
        files = List.copyOf(files);
        robotHosts = List.copyOf(robotHosts);
    }

    /**
     * Writes {@code fileCount} logs of {@code linesPerFile} lines each into {@code folder}
     * (which must exist; make it private, e.g. {@code Files.createTempDirectory}).
     */
    public static AccessLogs write(Path folder, int fileCount, int linesPerFile, long seed) throws IOException {
        if (fileCount < 1 || linesPerFile < 1) {
            throw new IllegalArgumentException("need at least one file of at least one line, got "
                    + fileCount + " files of " + linesPerFile + " lines");
        }
        String[] hosts = hosts(new SplittableRandom(seed));
        List<Path> files = new ArrayList<>(fileCount);
        List<Set<String>> answers = new ArrayList<>(fileCount);
        for (int f = 0; f < fileCount; f++) {
            Path file = folder.resolve(String.format(Locale.ROOT, "access-%03d.log.gz", f));
            answers.add(writeFile(file, hosts, linesPerFile, new SplittableRandom(seed * 31 + f + 1),
                    LocalDateTime.of(2012, 7, 10, 0, 0).plusDays(f)));
            files.add(file);
        }
        return new AccessLogs(files, answers);
    }

    /** All hosts that fetched {@code /robots.txt} in any file: what the tutorial's {@code find_all_robots} returns. */
    public Set<String> allRobotHosts() {
        Set<String> all = new TreeSet<>();
        robotHosts.forEach(all::addAll);
        return Collections.unmodifiableSet(all);
    }

    /** The log's time stamp, e.g. {@code 10/Jul/2012:00:18:50}; by hand, as a formatter is the generator's slowest part. */
    static String clfTime(LocalDateTime t) {
        return two(t.getDayOfMonth()) + "/" + MONTHS[t.getMonthValue() - 1] + "/" + t.getYear() + ":"
                + two(t.getHour()) + ":" + two(t.getMinute()) + ":" + two(t.getSecond());
    }

    private static String two(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }

    private static String[] hosts(SplittableRandom random) {
        Set<String> distinct = new TreeSet<>();
        while (distinct.size() < HOSTS) {
            distinct.add((1 + random.nextInt(223)) + "." + random.nextInt(256) + "." + random.nextInt(256) + "."
                    + (1 + random.nextInt(254)));
        }
        return distinct.toArray(String[]::new);
    }

    private static Set<String> writeFile(Path file, String[] hosts, int lines, SplittableRandom random,
                                         LocalDateTime start) throws IOException {
        Set<String> robots = new TreeSet<>();
        LocalDateTime time = start;
        try (BufferedWriter out = new BufferedWriter(new OutputStreamWriter(
                new GZIPOutputStream(Files.newOutputStream(file, StandardOpenOption.CREATE_NEW), 1 << 16),
                StandardCharsets.US_ASCII), 1 << 16)) {
            for (int i = 0; i < lines; i++) {
                int h = random.nextInt(hosts.length);
                String host = hosts[h];
                boolean crawler = h % CRAWLER_EVERY == 0;
                String path;
                String agent;
                if (crawler && random.nextInt(ROBOTS_EVERY) == 0) {
                    path = "/robots.txt";
                    robots.add(host);
                } else if (random.nextInt(DECOY_EVERY) == 0) {
                    path = DECOYS[random.nextInt(DECOYS.length)];
                } else {
                    path = PAGES[random.nextInt(PAGES.length)];
                }
                agent = crawler ? "Mozilla/5.0 (compatible; crawler-" + (h % 97) + "; +http://example.org/bot)"
                        : "Mozilla/5.0 (X11; Linux x86_64; rv:" + (10 + h % 5) + ".0) Gecko/20100101 Firefox/" + (10 + h % 5) + ".0";
                int status = path.equals("/favicon.ico") ? 404 : random.nextInt(10) == 0 ? 304 : 200;
                String bytes = status == 304 ? "-" : Integer.toString(status == 404 ? 369 : 71 + random.nextInt(20_000));
                time = time.plusSeconds(random.nextInt(3));
                out.write(host);
                out.write(" - - [");
                out.write(clfTime(time));
                out.write(" -0500] \"");
                out.write(random.nextInt(50) == 0 ? "HEAD " : "GET ");
                out.write(path);
                out.write(" HTTP/1.1\" ");
                out.write(Integer.toString(status));
                out.write(' ');
                out.write(bytes);
                out.write(" \"-\" \"");
                out.write(agent);
                out.write("\"\n");
            }
        }
        return Collections.unmodifiableSet(robots);
    }
}
