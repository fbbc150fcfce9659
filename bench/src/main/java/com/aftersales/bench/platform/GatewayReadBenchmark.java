package com.aftersales.bench.platform;

import com.aftersales.bench.BenchContext;
import com.aftersales.bench.BenchResult;
import com.aftersales.bench.Benchmark;
import com.aftersales.bench.JfrProfiles;
import com.aftersales.bench.LatencyRun;
import com.aftersales.devidentity.DevUser;
import com.aftersales.launcher.EmbeddedPlatform;
import com.aftersales.launcher.PlatformOptions;
import com.aftersales.launcher.PlatformService;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reading a ticket ({@code GET /api/tickets/{id}}, the desk's most frequent call) with {@value #CLIENTS} concurrent
 * keep-alive clients, three ways in alternating rounds of the same size: straight to ticket-service, through the
 * gateway (token check, rate limit, breaker and bulkhead, proxy hop), and through a plain nginx reverse proxy on the
 * same backend when Debian's nginx is installed ({@code apt-get install nginx-light}; otherwise that baseline is left
 * out, said so). The ratios say what the gateway costs over no proxy and over a plain one; the target is at least 0.7x
 * of direct throughput, 0.8x of nginx's, and at most 5 ms added at p50.
 * <p>
 * Beside the rates it counts the CPU time the gateway and ticket-service processes spend in each path's rounds (the
 * kernel's utime + stime, {@link ProcessHandle.Info#totalCpuDuration()}), per read: on a machine shared with other work
 * the rates move with the neighbours' load, CPU per read much less. {@value JfrProfiles#VARIABLE} profiles both JVMs
 * over the measured rounds.
 */
public final class GatewayReadBenchmark implements Benchmark {

    static final String NAME = "gateway-read";
    /** Connections in flight, as in the wrk runs (8 connections). */
    static final int CLIENTS = 8;
    /** Distinct agents whose tokens the clients take turns with, so no one agent's rate limit is what is measured. */
    static final int AGENTS = 32;
    static final int ROUNDS = 4;
    private static final String NGINX = "/usr/sbin/nginx";
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-fA-F-]{36})\"");
    private static final Duration NGINX_START = Duration.ofSeconds(10);
    private static final int HTTP_OK = 200;
    /** Failed reads printed per path; the rest are only counted. */
    private static final int REPORTED_FAILURES = 3;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<BenchResult> run(BenchContext context) throws Exception {
        int warmup = context.quick() ? 500 : 2_000;
        int measured = context.quick() ? 2_000 : 12_000;
        Path data = Files.createTempDirectory("gateway-read-bench");
        try (EmbeddedPlatform platform = EmbeddedPlatform.start(PlatformOptions.withFreePorts(context.projectRoot(), data))) {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10)).build();
            List<String> agents = new ArrayList<>();
            for (int a = 0; a < AGENTS; a++) {
                agents.add("Bearer " + platform.mintToken(DevUser.of("bench-reader-" + a, "压测坐席 " + a, "AGENT"),
                        Duration.ofHours(1)));
            }
            String ticketId = openTicket(http, platform.gatewayUrl(), agents.get(0));
            Map<String, String> paths = new LinkedHashMap<>();
            paths.put("direct", platform.serviceUrl(PlatformService.TICKET));
            paths.put("gateway", platform.gatewayUrl());
            Process nginx = null;
            if (Files.isExecutable(Path.of(NGINX))) {
                int port = freePort();
                nginx = startNginx(data.resolve("nginx"), port, URI.create(platform.serviceUrl(PlatformService.TICKET)).getPort());
                paths.put("nginx", "http://127.0.0.1:" + port);
            } else {
                System.out.println("nginx baseline left out: " + NGINX + " not installed (Debian: apt-get install nginx-light)");
            }
            try {
                Map<String, List<LatencyRun>> runs = new LinkedHashMap<>();
                Map<String, Long> pids = new LinkedHashMap<>();
                pids.put(PlatformService.GATEWAY.module(), platform.pid(PlatformService.GATEWAY));
                pids.put(PlatformService.TICKET.module(), platform.pid(PlatformService.TICKET));
                // CPU milliseconds of each process (outer key) in each path's rounds (inner key).
                Map<String, Map<String, Double>> cpu = new LinkedHashMap<>();
                pids.keySet().forEach(process -> cpu.put(process, new LinkedHashMap<>()));
                for (Map.Entry<String, String> path : paths.entrySet()) {
                    LatencyRun warm = read(http, path.getValue(), ticketId, agents, warmup);
                    System.out.printf("warm-up %s: %d reads, %d failed%n", path.getKey(), warmup, warm.failures());
                    runs.put(path.getKey(), new ArrayList<>());
                }
                JfrProfiles.jfr("start", pids);
                for (int round = 0; round < ROUNDS; round++) {
                    for (Map.Entry<String, String> path : paths.entrySet()) {
                        Map<String, Double> before = cpuMillis(pids);
                        runs.get(path.getKey()).add(read(http, path.getValue(), ticketId, agents, measured / ROUNDS));
                        Map<String, Double> after = cpuMillis(pids);
                        after.forEach((process, millis) -> cpu.get(process)
                            .merge(path.getKey(), millis - before.get(process), Double::sum));
                    }
                }
                JfrProfiles.jfr("stop", pids);
                Map<String, LatencyRun> merged = new LinkedHashMap<>();
                runs.forEach((path, list) -> merged.put(path, LatencyRun.merge(list)));
                merged.forEach((path, run) -> System.out.printf("%-8s %d reads in %.2f s (%.0f/s), p50 %.2f ms, p99 %.2f ms, %d failed%n",
                        path, run.nanos().length, run.seconds(), run.perSecond(), run.percentileMillis(50),
                        run.percentileMillis(99), run.failures()));
                cpu.forEach((process, byPath) -> byPath.forEach((path, millis) -> System.out.printf(
                        "CPU %-15s in the %-7s rounds: %.3f ms per read%n", process, path, millis / merged.get(path).nanos().length)));
                int failed = merged.values().stream().mapToInt(LatencyRun::failures).sum();
                if (failed > 0) {
                    throw new IllegalStateException(failed + " reads failed; see " + platform.logDir());
                }
                LatencyRun gateway = merged.get("gateway");
                LatencyRun direct = merged.get("direct");
                List<BenchResult> results = new ArrayList<>(List.of(
                        new BenchResult(NAME, "throughput, gateway (" + CLIENTS + " clients)", gateway.perSecond(), "req/s",
                                "direct to ticket-service", direct.perSecond(), false),
                        new BenchResult(NAME, "p50, gateway", gateway.percentileMillis(50), "ms", "direct p50",
                                direct.percentileMillis(50), true),
                        new BenchResult(NAME, "p99, gateway", gateway.percentileMillis(99), "ms", "direct p99",
                                direct.percentileMillis(99), true)));
                double gatewayCpu = cpu.get(PlatformService.GATEWAY.module()).get("gateway") / gateway.nanos().length;
                double ticketCpu = cpu.get(PlatformService.TICKET.module()).get("direct") / direct.nanos().length;
                results.add(new BenchResult(NAME, "CPU ms/read, gateway process", gatewayCpu, "ms",
                        "ticket-service CPU ms/read, direct", ticketCpu, true));
                LatencyRun proxy = merged.get("nginx");
                if (proxy != null) {
                    results.add(new BenchResult(NAME, "throughput, gateway", gateway.perSecond(), "req/s",
                            "plain nginx proxy", proxy.perSecond(), false));
                    results.add(new BenchResult(NAME, "p50, gateway", gateway.percentileMillis(50), "ms", "nginx p50",
                            proxy.percentileMillis(50), true));
                }
                return results;
            } finally {
                if (nginx != null) {
                    nginx.destroy();
                    nginx.waitFor(NGINX_START.toSeconds(), TimeUnit.SECONDS);
                }
            }
        } finally {
            try (var files = Files.walk(data)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    /** nginx in the foreground with one upstream, keep-alive to the backend, an access log line per request (as the gateway writes). */
    private static Process startNginx(Path dir, int port, int backendPort) throws Exception {
        Files.createDirectories(dir.resolve("logs"));
        Path conf = dir.resolve("nginx.conf");
        Files.writeString(conf, """
                daemon off;
                worker_processes auto;
                pid %1$s/nginx.pid;
                error_log %1$s/logs/error.log warn;
                events { worker_connections 1024; }
                http {
                  access_log %1$s/logs/access.log;
                  client_body_temp_path %1$s/body;
                  proxy_temp_path %1$s/proxy;
                  upstream ticket { server 127.0.0.1:%3$d; keepalive 32; }
                  server {
                    listen 127.0.0.1:%2$d;
                    location / {
                      proxy_pass http://ticket;
                      proxy_http_version 1.1;
                      proxy_set_header Connection "";
                      proxy_set_header Host $host;
                    }
                  }
                }
                """.formatted(dir, port, backendPort), StandardCharsets.UTF_8);
        Process process = new ProcessBuilder(NGINX, "-c", conf.toString(), "-p", dir.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("logs/stdout.log").toFile()).start();
        long deadline = System.nanoTime() + NGINX_START.toNanos();
        while (System.nanoTime() < deadline) {
            try (var socket = new java.net.Socket("127.0.0.1", port)) {
                return process;
            } catch (IOException notYet) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("nginx exited: " + Files.readString(dir.resolve("logs/stdout.log")));
                }
                Thread.sleep(100);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("nginx did not listen on " + port);
    }

    /** CPU time so far of each named process, in milliseconds. */
    private static Map<String, Double> cpuMillis(Map<String, Long> pids) {
        Map<String, Double> millis = new LinkedHashMap<>();
        pids.forEach((name, pid) -> millis.put(name, ProcessHandle.of(pid).flatMap(h -> h.info().totalCpuDuration())
            .orElseThrow(() -> new IllegalStateException("no CPU time for " + name + " (pid " + pid + ")"))
            .toNanos() / 1e6));
        return millis;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static LatencyRun read(HttpClient http, String base, String ticketId, List<String> agents, int count)
            throws Exception {
        URI uri = URI.create(base + "/api/tickets/" + ticketId);
        AtomicInteger reported = new AtomicInteger();
        return LatencyRun.measure(CLIENTS, count, i -> {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(uri)
                    .header("Authorization", agents.get(i % agents.size())).header("Accept", "application/json")
                    .GET().build(), HttpResponse.BodyHandlers.discarding());
            boolean ok = response.statusCode() == HTTP_OK;
            if (!ok && reported.incrementAndGet() <= REPORTED_FAILURES) {
                System.out.println("read via " + base + " failed: HTTP " + response.statusCode());
            }
            return ok;
        });
    }

    private static String openTicket(HttpClient http, String gateway, String bearer) throws Exception {
        String customer = id(post(http, gateway + "/api/customers", """
                {"name":"压测客户 读","phones":["13900000002"],"tier":"B","preferredLanguage":"zh-CN",
                 "addresses":[{"line":"上海市徐汇区漕溪北路 1 号","regionCode":"310104","latitude":31.19,"longitude":121.43}]}""",
                bearer));
        id(post(http, gateway + "/api/customers/" + customer + "/products", """
                {"serialNumber":"BENCH-READ-1","model":"KFR-35GW/BpR3","category":"AIR_CONDITIONER","batchNumber":"2026W10",
                 "purchaseDate":"%s","storeCode":"SH-PD-012","receiptNumber":"R-READ-1","priceType":"REGULAR","warrantyCardPresent":true}"""
                .formatted(LocalDate.now().minusMonths(2)), bearer));
        return id(post(http, gateway + "/api/tickets", """
                {"customerId":"%s","serialNumber":"BENCH-READ-1","model":"KFR-35GW/BpR3","ticketType":"REPAIR","channel":"PHONE",
                 "priority":"NORMAL","faultCategory":"COOLING","faultDescription":"空调不制冷，室外机不转"}""".formatted(customer),
                bearer));
    }

    private static HttpResponse<String> post(HttpClient http, String url, String body, String bearer) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .header("Authorization", bearer).header("Idempotency-Key", "bench-read-" + url.hashCode())
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String id(HttpResponse<String> response) {
        Matcher matcher = ID.matcher(response.body());
        if (response.statusCode() != 201 || !matcher.find()) {
            throw new IllegalStateException("setup request failed: HTTP " + response.statusCode() + " " + response.body());
        }
        return matcher.group(1);
    }
}
