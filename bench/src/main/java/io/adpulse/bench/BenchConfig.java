package io.adpulse.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Settings of one benchmark run, from system properties ({@code -Dbench.observations=...}).
 *
 * @param observations       MetricObserved events of the throughput measure (bench.observations, default 600000: at least 30 s on 2 cores)
 * @param servicesDir        the executable jars, named {@code <module>.jar} (bench.services.dir, default
 *                           {@code stack/services} next to the bench jar)
 * @param output             the Markdown file written (bench.output, default docs/BENCHMARKS.md)
 * @param workDir            logs and the stack's home (bench.work.dir, default bench/target/bench-run)
 * @param measures           which measures run: pipeline, alerts, apicalls, footprint, gateway, freshness
 *                           (bench.measures, default all)
 * @param concurrency        concurrent clients of the gateway measure (bench.gateway.concurrency, default 16)
 * @param gatewayDuration    measured time per target of the gateway measure (bench.gateway.seconds, default 20)
 * @param gatewayWarmup      unmeasured warm-up per target (bench.gateway.warmup-seconds, default 10)
 * @param pipelineTimeout    longest wait for the pipeline to apply everything (bench.pipeline.timeout-minutes, 15)
 * @param alertCampaigns     campaigns made to overspend, one alert each, in the alert latency measure
 *                           (bench.alerts.campaigns, default 200); a quarter as many more warm up first
 * @param freshnessRounds    restatements timed by the freshness measure (bench.freshness.rounds, default 10)
 */
record BenchConfig(int observations, Path servicesDir, Path output, Path workDir, Set<String> measures,
        int concurrency, Duration gatewayDuration, Duration gatewayWarmup, Duration pipelineTimeout, int alertCampaigns,
        int freshnessRounds) {

    static final Set<String> ALL = Set.of("pipeline", "alerts", "apicalls", "footprint", "gateway", "freshness");
    /** The measures that run on the local stack (one stack for all of them). */
    static final Set<String> STACK = Set.of("apicalls", "footprint", "gateway", "freshness");

    static BenchConfig fromSystemProperties() {
        String measures = System.getProperty("bench.measures", String.join(",", ALL));
        Set<String> selected = Arrays.stream(measures.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toSet());
        if (!ALL.containsAll(selected)) {
            throw new IllegalArgumentException("bench.measures must name some of " + ALL + ", not " + measures);
        }
        return new BenchConfig(Integer.getInteger("bench.observations", 600_000), defaultServicesDir(),
                Path.of(System.getProperty("bench.output", "docs/BENCHMARKS.md")),
                Path.of(System.getProperty("bench.work.dir", "bench/target/bench-run")), selected,
                Integer.getInteger("bench.gateway.concurrency", 16),
                Duration.ofSeconds(Integer.getInteger("bench.gateway.seconds", 20)),
                Duration.ofSeconds(Integer.getInteger("bench.gateway.warmup-seconds", 10)),
                Duration.ofMinutes(Integer.getInteger("bench.pipeline.timeout-minutes", 15)),
                Integer.getInteger("bench.alerts.campaigns", 200), Integer.getInteger("bench.freshness.rounds", 10));
    }

    /** {@code bench.services.dir}, else {@code stack/services} next to the bench jar (java -jar puts only it on the class path). */
    private static Path defaultServicesDir() {
        String configured = System.getProperty("bench.services.dir");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath();
        }
        Path jar = Path.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator)[0]).toAbsolutePath();
        return jar.getParent().resolve("stack").resolve("services");
    }
}
