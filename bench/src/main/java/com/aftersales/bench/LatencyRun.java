package com.aftersales.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Latencies of one measured run of requests, in nanoseconds, its wall time and how many requests failed; and the
 * closed-loop driver that produces one: a fixed number of clients, each sending its next request as soon as its
 * previous one is answered.
 */
public record LatencyRun(long[] nanos, double seconds, int failures) {

    private static final double NANOS_PER_SECOND = 1e9;
    private static final double NANOS_PER_MILLI = 1e6;
    private static final double PERCENT = 100.0;

    /** One request of a run; answers whether it succeeded (a failure is counted, not thrown). */
    @FunctionalInterface
    public interface Request {
        boolean send(int index) throws Exception;
    }

    /**
     * Sends requests {@code 0 .. count-1} from {@code clients} threads, each taking the next index when it is free,
     * and times each; the wall time covers them all. An exception from a request fails the run.
     */
    public static LatencyRun measure(int clients, int count, Request request) throws Exception {
        long[] nanos = new long[count];
        AtomicInteger cursor = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Callable<Void>> workers = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                workers.add(() -> {
                    for (int i = cursor.getAndIncrement(); i < count; i = cursor.getAndIncrement()) {
                        long start = System.nanoTime();
                        boolean ok = request.send(i);
                        nanos[i] = System.nanoTime() - start;
                        if (!ok) {
                            failures.incrementAndGet();
                        }
                    }
                    return null;
                });
            }
            long start = System.nanoTime();
            for (Future<Void> worker : pool.invokeAll(workers)) {
                worker.get();
            }
            return new LatencyRun(nanos, (System.nanoTime() - start) / NANOS_PER_SECOND, failures.get());
        } finally {
            pool.shutdown();
        }
    }

    /** The runs as one: every latency, the wall times and failures added up. */
    public static LatencyRun merge(List<LatencyRun> runs) {
        return new LatencyRun(runs.stream().flatMapToLong(run -> Arrays.stream(run.nanos())).toArray(),
                runs.stream().mapToDouble(LatencyRun::seconds).sum(), runs.stream().mapToInt(LatencyRun::failures).sum());
    }

    public int count() {
        return nanos.length;
    }

    public double perSecond() {
        return nanos.length / seconds;
    }

    /** The nearest-rank percentile {@code p} (0-100) of the latencies, in milliseconds. */
    public double percentileMillis(int p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / PERCENT * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / NANOS_PER_MILLI;
    }
}
