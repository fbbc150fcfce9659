package com.aftersales.bench.load;

import com.aftersales.bench.platform.EventTimes;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Prints what {@code bench/load} measured: per request type the throughput and p50/p95/p99 from Gatling's report
 * ({@code js/stats.json} of the newest run; Gatling's percentiles 1-4 are 50/75/95/99), and the end-to-end event
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
        printRequests(newestRun(results).resolve("js/stats.json"));
        printEventLatency(bootstrap, start, end);
    }

    static void printRequests(Path statsJson) throws IOException {
        JsonNode root = JsonMapper.builder().build().readTree(Files.readString(statsJson));
        System.out.printf(Locale.ROOT, "%n%-28s %8s %6s %9s %8s %8s %8s%n", "request", "count", "KO", "req/s", "p50 ms", "p95 ms", "p99 ms");
        for (JsonNode request : root.path("contents")) {
            print(request.path("stats"));
        }
        print(root.path("stats"));
    }

    private static void print(JsonNode stats) {
        System.out.printf(Locale.ROOT, "%-28s %8d %6d %9.2f %8d %8d %8d%n", stats.path("name").asString(),
                stats.path("numberOfRequests").path("total").asLong(), stats.path("numberOfRequests").path("ko").asLong(),
                stats.path("meanNumberOfRequestsPerSecond").path("total").asDouble(),
                stats.path("percentiles1").path("total").asLong(), stats.path("percentiles3").path("total").asLong(),
                stats.path("percentiles4").path("total").asLong());
    }

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
            return runs.filter(p -> Files.isRegularFile(p.resolve("js/stats.json")))
                    .max(Comparator.comparing(p -> p.toFile().lastModified()))
                    .orElseThrow(() -> new IllegalStateException("no Gatling report under " + results));
        }
    }
}
