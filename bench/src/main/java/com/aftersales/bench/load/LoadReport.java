package com.aftersales.bench.load;

import com.aftersales.bench.platform.EventTimes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Prints what {@code bench/load} measured: per request type the throughput and p50/p95/p99 from Gatling's report
 * (the statistics table of the newest run's {@code index.html}), and the end-to-end event
 * latency (ticket opened to technician assigned, from the events' own timestamps) of the tickets opened during the
 * run. {@code LoadReport <gatling results dir> <kafka bootstrap> <run start epoch ms> <run end epoch ms>}
 */
public final class LoadReport {

    /** Events of the last tickets may still be on their way when Gatling stops. */
    private static final Duration SETTLE = Duration.ofSeconds(20);

    private LoadReport() {
    }

    public static void main(String[] args) throws Exception {
        Path results = Path.of(args[0]);
        String bootstrap = args[1];
        Instant start = Instant.ofEpochMilli(Long.parseLong(args[2]));
        Instant end = Instant.ofEpochMilli(Long.parseLong(args[3]));
        printRequests(newestRun(results).resolve("index.html"));
        printEventLatency(bootstrap, start, end);
    }

    /**
     * Gatling 3.14 keeps its statistics only in the HTML report: the table rows of {@code index.html} (columns 2-14:
     * total, OK, KO, %KO, req/s, min, p50, p75, p95, p99, max, mean, std dev), "All Requests" first.
     */
    static void printRequests(Path indexHtml) throws IOException {
        String html = Files.readString(indexHtml);
        System.out.printf(Locale.ROOT, "%n%-28s %8s %6s %9s %8s %8s %8s%n", "request", "count", "KO", "req/s", "p50 ms", "p95 ms", "p99 ms");
        Matcher row = ROW.matcher(html);
        List<String> lines = new java.util.ArrayList<>();
        while (row.find()) {
            lines.add(String.format(Locale.ROOT, "%-28s %8s %6s %9s %8s %8s %8s", row.group(1), row.group(2), row.group(3), row.group(4),
                    row.group(5), row.group(6), row.group(7)));
        }
        if (lines.isEmpty()) {
            throw new IllegalStateException("no statistics table in " + indexHtml);
        }
        // the global row last, under the request types
        lines.subList(1, lines.size()).forEach(System.out::println);
        System.out.println(lines.get(0));
    }

    private static final Pattern ROW = Pattern.compile("class=\"ellipsed-name\">([^<]+)</span>.*?col-2\">([^<]*)<.*?col-4\">([^<]*)<"
            + ".*?col-6\">([^<]*)<.*?col-8\">([^<]*)<.*?col-10\">([^<]*)<.*?col-11\">([^<]*)<", Pattern.DOTALL);

    static void printEventLatency(String bootstrap, Instant start, Instant end) throws InterruptedException {
        Thread.sleep(SETTLE.toMillis());
        try (EventTimes times = new EventTimes(bootstrap)) {
            times.catchUp();
            List<String> tickets = times.opened().entrySet().stream()
                    .filter(e -> !e.getValue().isBefore(start) && !e.getValue().isAfter(end)).map(Map.Entry::getKey).toList();
            double[] latencies = times.latenciesMillis(tickets);
            System.out.printf(Locale.ROOT, "%nticket opened -> technician assigned (event timestamps), %d tickets opened during the run, "
                            + "%d assigned: p50 %.0f ms, p95 %.0f ms, p99 %.0f ms, max %.0f ms%n", tickets.size(), latencies.length,
                    EventTimes.percentile(latencies, 50), EventTimes.percentile(latencies, 95), EventTimes.percentile(latencies, 99),
                    EventTimes.percentile(latencies, 100));
        }
    }

    private static Path newestRun(Path results) throws IOException {
        try (Stream<Path> runs = Files.list(results)) {
            return runs.filter(p -> Files.isRegularFile(p.resolve("index.html")))
                    .max(Comparator.comparing(p -> p.toFile().lastModified()))
                    .orElseThrow(() -> new IllegalStateException("no Gatling report under " + results));
        }
    }
}
