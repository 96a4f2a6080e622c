package io.adpulse.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Closed-loop HTTP load: {@code concurrency} platform threads each send GET requests back to back for a fixed time
 * through one shared {@link HttpClient} (HTTP/1.1, kept-alive connections). Every latency is recorded; percentiles
 * are exact (sorted), not estimated.
 */
final class HttpLoad {

    /** What one load run saw. Non-2xx answers and I/O failures count as errors and are left out of the latencies. */
    record Result(long requests, long errors, double seconds, long[] sortedNanos) {

        double requestsPerSecond() {
            return requests / seconds;
        }

        double percentileMillis(double p) {
            return HttpLoad.percentileMillis(sortedNanos, p);
        }
    }

    private HttpLoad() {
    }

    /** The exact (nearest-rank) {@code p}th percentile of sorted latencies in nanoseconds, in milliseconds; NaN if none. */
    static double percentileMillis(long[] sortedNanos, double p) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, Math.min(index, sortedNanos.length - 1))] / 1e6;
    }

    static Result run(URI uri, Map<String, String> headers, int concurrency, Duration warmup, Duration duration)
            throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET();
        headers.forEach(builder::header);
        HttpRequest request = builder.build();
        loop(http, request, concurrency, warmup);
        return loop(http, request, concurrency, duration);
    }

    private static Result loop(HttpClient http, HttpRequest request, int concurrency, Duration duration)
            throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        try {
            java.util.List<Future<long[]>> workers = new java.util.ArrayList<>();
            long[] errors = new long[concurrency];
            for (int w = 0; w < concurrency; w++) {
                int worker = w;
                workers.add(pool.submit(() -> {
                    long[] latencies = new long[1024];
                    int n = 0;
                    while (System.nanoTime() < end) {
                        long t0 = System.nanoTime();
                        try {
                            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                            long t = System.nanoTime() - t0;
                            if (response.statusCode() / 100 == 2) {
                                if (n == latencies.length) {
                                    latencies = Arrays.copyOf(latencies, n * 2);
                                }
                                latencies[n++] = t;
                            } else {
                                errors[worker]++;
                            }
                        } catch (IOException e) {
                            errors[worker]++;
                        }
                    }
                    return Arrays.copyOf(latencies, n);
                }));
            }
            long[] all = new long[0];
            for (Future<long[]> f : workers) {
                long[] part;
                try {
                    part = f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException("load worker failed: " + e.getCause(), e.getCause());
                }
                int old = all.length;
                all = Arrays.copyOf(all, old + part.length);
                System.arraycopy(part, 0, all, old, part.length);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            Arrays.sort(all);
            return new Result(all.length, Arrays.stream(errors).sum(), seconds, all);
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
    }
}
