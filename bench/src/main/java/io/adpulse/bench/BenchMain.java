package io.adpulse.bench;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the benchmarks and writes docs/BENCHMARKS.md. Each headline figure comes with a reference measured beside it
 * in the same run; see bench/README.md for the command and the settings.
 */
public final class BenchMain {

    private static final Logger log = LoggerFactory.getLogger(BenchMain.class);
    static final String COMMAND = "./mvnw -q -pl bench -am package -DskipTests && java -jar bench/target/bench-0.1.0-SNAPSHOT-exec.jar";
    static final double PIPELINE_TARGET_PER_SECOND = 50_000;
    /** The "< 2.5 GB", read strictly as decimal gigabytes (2,384 MiB). */
    static final long FOOTPRINT_TARGET_BYTES = 2_500_000_000L;
    static final Duration READY_TARGET = Duration.ofSeconds(60);
    static final String ADVERTISERS = "/api/reporting/advertisers";
    /** Pause after the first full sync before the gateway load, for reporting-service to apply what it produced. */
    static final Duration SETTLE = Duration.ofSeconds(15);
    static final Duration ALERT_TARGET = Duration.ofSeconds(1);
    /** The freshness target is the poll interval plus this. */
    static final Duration FRESHNESS_SLACK = Duration.ofSeconds(2);

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        BenchConfig config = BenchConfig.fromSystemProperties();
        Instant startedAt = Instant.now();
        Machine machine = Machine.current();
        List<Row> rows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        if (config.measures().contains("pipeline")) {
            rows.addAll(pipeline(config, notes));
        }
        if (config.measures().contains("alerts")) {
            rows.addAll(alerts(config, notes));
        }
        if (config.measures().stream().anyMatch(BenchConfig.STACK::contains)) {
            rows.addAll(stack(config, notes));
        }
        notes.add(jarsNote(config.servicesDir()));
        if (!ServiceJvm.extraFlags().isEmpty()) {
            notes.add("The services the bench started itself (pipeline, alerts) ran with extra JVM flags `"
                    + String.join(" ", ServiceJvm.extraFlags()) + "` after the stack's.");
        }
        Report.Previous previous = Files.exists(config.output())
                ? Report.Previous.of(Files.readString(config.output())) : Report.Previous.NONE;
        String markdown = Report.markdown(machine, startedAt, COMMAND, rows, notes, previous);
        Report.write(config.output(), markdown);
        System.out.println(markdown);
        log.info("wrote {}", config.output().toAbsolutePath());
    }

    /** Which executable jars were measured, and when they were built (their files' modification times). */
    static String jarsNote(Path servicesDir) throws java.io.IOException {
        List<String> jars = new ArrayList<>();
        try (var files = java.nio.file.Files.list(servicesDir)) {
            for (Path jar : files.filter(f -> f.toString().endsWith(".jar")).sorted().toList()) {
                jars.add(jar.getFileName() + " " + java.nio.file.Files.getLastModifiedTime(jar).toInstant()
                        .truncatedTo(java.time.temporal.ChronoUnit.MINUTES));
            }
        }
        return "Executable jars measured, from `" + servicesDir + "` (file times, UTC): " + String.join(", ", jars) + ".";
    }

    /** Measure 1 and its two references, on one embedded broker and database. */
    static List<Row> pipeline(BenchConfig config, List<String> notes) throws Exception {
        MetricWorkload workload = MetricWorkload.generate(config.observations());
        MetricWorkload warmup = MetricWorkload.generate(Math.max(200, config.observations() / 10), 1);
        Path reportingJar = config.servicesDir().resolve("reporting-service.jar");
        log.info("workload: {} observations, {} daily and {} hourly keys", workload.size(),
                workload.expectedDailyRows(), workload.expectedHourlyRows());
        try (Infrastructure infra = Infrastructure.start()) {
            JdbcUpsertReference.run(infra, JdbcUpsertReference.DATABASE + "_warmup", warmup, reportingJar);
            long jdbc = JdbcUpsertReference.run(infra, JdbcUpsertReference.DATABASE, workload, reportingJar);
            log.info("plain JDBC batched upsert: {} ms", jdbc / 1_000_000);
            RawKafkaReference.run(infra, PipelineThroughput.records(warmup), "bench.raw.warmup.v1",
                    config.pipelineTimeout());
            long raw = RawKafkaReference.run(infra, PipelineThroughput.records(workload), "bench.raw.v1",
                    config.pipelineTimeout());
            log.info("raw Kafka produce+consume: {} ms", raw / 1_000_000);
            PipelineThroughput.Result pipeline = PipelineThroughput.run(infra, warmup, workload, reportingJar,
                    config.workDir().resolve("logs"), config.pipelineTimeout());
            log.info("pipeline: {} ms (producing alone {} ms)", pipeline.elapsedNanos() / 1_000_000,
                    pipeline.produceNanos() / 1_000_000);
            notes.add(String.format(Locale.ROOT, "Pipeline workload: %,d MetricObserved events (%,d daily and %,d hourly "
                    + "keys of %d advertisers; about 10%% are restatements of a key seen before) produced to "
                    + "`tiktok.metrics.v1`; done when reporting-service's tables hold the latest observation of every "
                    + "key (row counts and the sum of impressions match). The pipeline took %.1f s, of which producing "
                    + "took %.1f s. The JDBC reference upserts the same rows, already decoded, in batches of %d into "
                    + "tables created by reporting-service's own migrations; the Kafka reference produces the same "
                    + "records to a fresh topic with the same partitions and consumes them without doing anything. "
                    + "Each of the three first runs an unmeasured warm-up of %,d other observations.",
                    workload.size(), workload.expectedDailyRows(), workload.expectedHourlyRows(),
                    MetricWorkload.ADVERTISERS, pipeline.elapsedNanos() / 1e9, pipeline.produceNanos() / 1e9,
                    JdbcUpsertReference.BATCH, warmup.size()));
            return pipelineRows(workload.size(), pipeline.elapsedNanos(), jdbc, raw);
        }
    }

    /** Measure 3 and its reference, on an embedded broker and database of their own. */
    static List<Row> alerts(BenchConfig config, List<String> notes) throws Exception {
        int warmup = Math.max(2, config.alertCampaigns() / 4);
        try (Infrastructure infra = Infrastructure.start()) {
            AlertLatency.Result result = AlertLatency.run(infra, config.alertCampaigns(), warmup,
                    config.servicesDir().resolve("alerting-service.jar"), config.workDir().resolve("logs"),
                    config.pipelineTimeout());
            log.info("alert latency p50 {} ms, p99 {} ms; raw Kafka p99 {} ms", HttpLoad.percentileMillis(
                    result.alertNanos(), 50), HttpLoad.percentileMillis(result.alertNanos(), 99),
                    HttpLoad.percentileMillis(result.kafkaNanos(), 99));
            notes.add(alertsNote(result));
            return alertRows(result);
        }
    }

    static String alertsNote(AlertLatency.Result result) {
        return String.format(Locale.ROOT, "Alert latency: alerting-service's executable jar as its own JVM (the "
                + "launcher's flags) on an embedded broker and PostgreSQL, its only receiver a webhook on a local HTTP "
                + "server of the bench (`--adpulse.alerting.receivers[0].webhooks[0].url`, `routes.group-wait=0s`, "
                + "everything else as shipped: a fired alert runs the notification and outbox passes at once, otherwise every second). %d campaigns, each of its "
                + "own advertiser (so each alert is its own notification group) in %s with a daily budget of %s USD "
                + "on `tiktok.entities.v1`; once alerting-service held them all, one MetricObserved of today's spend "
                + "of %s USD per campaign was produced to `tiktok.metrics.v1`, one every %d ms, and each was timed "
                + "from its send until the webhook received the campaign's firing OVERSPEND alert (matched by the "
                + "`campaign_id` label; %d webhook requests). The reference is the same records seen by a plain "
                + "consumer of the topic in the bench, in the same run on the same broker. An unmeasured warm-up of "
                + "%d other campaigns went first.", result.campaigns(), AlertLatency.TIME_ZONE, AlertLatency.BUDGET,
                AlertLatency.SPEND, AlertLatency.SPACING.toMillis(), result.notifications(), result.warmup());
    }

    static List<Row> alertRows(AlertLatency.Result result) {
        String m = "3 Alert latency";
        long[] alerts = result.alertNanos();
        long[] kafka = result.kafkaNanos();
        List<Row> rows = new ArrayList<>();
        for (double p : new double[] {50, 99, 100}) {
            double value = HttpLoad.percentileMillis(alerts, p);
            double reference = HttpLoad.percentileMillis(kafka, p);
            String name = p == 100 ? "max" : "p" + (int) p;
            boolean p99 = p == 99;
            rows.add(new Row(m, name + " metric observation on tiktok.metrics.v1 → alert at a webhook ("
                    + result.campaigns() + " campaigns)", Format.millis(value),
                    "raw Kafka produce→consume: " + Format.millis(reference), Format.ratio(value / reference),
                    p99 ? "< 1 s" : "", p99 ? Row.verdict(value < ALERT_TARGET.toMillis()) : ""));
        }
        return rows;
    }

    static List<Row> freshnessRows(Freshness.Result result) {
        String m = "4 Freshness";
        long[] nanos = result.sortedNanos();
        double poll = result.pollInterval().toMillis();
        double target = poll + FRESHNESS_SLACK.toMillis();
        List<Row> rows = new ArrayList<>();
        for (double p : new double[] {50, 99, 100}) {
            double value = HttpLoad.percentileMillis(nanos, p);
            String name = p == 100 ? "max" : "p" + (int) p;
            boolean p99 = p == 99;
            rows.add(new Row(m, name + " sandbox restatement → shown by the reporting API through the gateway ("
                    + nanos.length + " restatements)", Format.seconds(value / 1000),
                    "ingest poll interval: " + Format.seconds(poll / 1000), Format.ratio(value / poll),
                    p99 ? "≤ poll interval + 2 s (" + Format.seconds(target / 1000) + ")" : "",
                    p99 ? Row.verdict(value <= target) : ""));
        }
        return rows;
    }

    static String freshnessNote(Freshness.Result result) {
        return String.format(Locale.ROOT, "Freshness: on the stack above, after the first full sync, today's spend of campaign %s of advertiser %s was restated in the sandbox (`POST "
                + "/sandbox/restatements`) %d times, each to a whole amount well above what was shown, after a random "
                + "wait of up to one poll interval (so the rounds do not all start at the same phase of ingest-service's "
                + "polls); each was timed from sending it until `GET %s` for today, through the gateway with a session "
                + "cookie and read every %d ms, showed at least the restated total (the sandbox keeps adding today's "
                + "hours still to come on top of it; %d reads in all). The reference is ingest-service's poll interval "
                + "on that stack (read from its command line: %s; the launcher's executable jar uses 30 s with "
                + "`ADPULSE_PORTS=random` and takes no setting for it). The restatements are undone afterwards.",
                result.campaignId(), result.advertiserId(), result.sortedNanos().length, Freshness.CAMPAIGNS_DAILY,
                Freshness.READ_EVERY.toMillis(), result.reads(), Format.seconds(result.pollInterval().toMillis() / 1000.0));
    }

    static List<Row> pipelineRows(int observations, long pipelineNanos, long jdbcNanos, long rawNanos) {
        double pipeline = observations * 1e9 / pipelineNanos;
        double jdbc = observations * 1e9 / jdbcNanos;
        double raw = observations * 1e9 / rawNanos;
        String m = "1 Pipeline throughput";
        return List.of(
                new Row(m, "observations/s, tiktok.metrics.v1 → reporting-service aggregates ("
                        + Format.count(observations) + " observations in " + Format.seconds(pipelineNanos / 1e9) + ")",
                        Format.perSecond(pipeline), "", "", "≥ 50,000 /s on 2 cores",
                        Row.verdict(pipeline >= PIPELINE_TARGET_PER_SECOND)),
                new Row(m, "vs plain JDBC batched upsert of the same rows", Format.perSecond(pipeline),
                        "JDBC batched upsert: " + Format.perSecond(jdbc), Format.ratio(pipeline / jdbc), "≥ 2×",
                        Row.verdict(pipeline / jdbc >= 2)),
                new Row(m, "vs raw Kafka produce+consume of the same records", Format.perSecond(pipeline),
                        "raw Kafka: " + Format.perSecond(raw), Format.ratio(pipeline / raw), "≥ 0.25×",
                        Row.verdict(pipeline / raw >= 0.25)));
    }

    /**
     * Measures 2 (API calls), 6 (footprint), 5 (gateway) and 4 (freshness) on one local stack started as the launcher
     * starts it.
     */
    static List<Row> stack(BenchConfig config, List<String> notes) throws Exception {
        List<Row> rows = new ArrayList<>();
        try (LocalStack stack = LocalStack.start(config.servicesDir(), config.workDir().resolve("stack-home"),
                Duration.ofMinutes(5))) {
            Map<String, ProcessTree.Resident> rss = stack.residentByComponent();
            // Waits for the first full sync of the sandbox too, so that the gateway load does not race the backfill.
            ApiCallsPerSync.Result calls = ApiCallsPerSync.measure(stack.ingestUrl(), stack.sandboxUrl(),
                    Duration.ofMinutes(5));
            if (config.measures().contains("apicalls")) {
                rows.addAll(apiCallsRows(calls));
                notes.add(apiCallsNote(calls));
            }
            if (config.measures().contains("footprint")) {
                rows.addAll(footprintRows(stack.readyNanos(), stack.reportedSeconds(), rss));
                notes.add("Footprint: the launcher's executable jar as a process (its `AdpulseStack.start`, services "
                        + "with its flags `" + String.join(" ", ServiceJvm.STACK_JVM_FLAGS) + "`, the launcher with `"
                        + String.join(" ", ServiceJvm.LAUNCHER_JVM_FLAGS) + "` as `./run-local` starts it, on free "
                        + "ports through `ADPULSE_PORTS=random` so the run can share the machine with a stack on the "
                        + "documented ports), timed from starting the process to its line `Adpulse stack ready in N s`. "
                        + "Memory is read from /proc right after the sandbox's advertisers were connected (their "
                        + "history being ingested): RSS (VmRSS) and PSS (Pss of smaps_rollup). The total is judged on "
                        + "PSS: RSS counts every shared page in full in each process that maps it (PostgreSQL's shared "
                        + "buffers in each of its processes, the JDK's libraries in each JVM), so a sum of RSS counts "
                        + "them many times; PSS shares them out, so it adds up to what the stack occupies.");
            }
            if (config.measures().contains("gateway")) {
                Thread.sleep(SETTLE.toMillis());
                String session = GatewaySession.signIn(stack.gatewayUrl(), "admin", stack.password());
                String basic = "Basic " + Base64.getEncoder()
                        .encodeToString(("admin:" + stack.password()).getBytes(StandardCharsets.UTF_8));
                HttpLoad.Result direct = HttpLoad.run(URI.create(stack.reportingUrl() + ADVERTISERS), Map.of(),
                        config.concurrency(), config.gatewayWarmup(), config.gatewayDuration());
                HttpLoad.Result gateway = HttpLoad.run(URI.create(stack.gatewayUrl() + ADVERTISERS),
                        Map.of("Cookie", session), config.concurrency(), config.gatewayWarmup(),
                        config.gatewayDuration());
                HttpLoad.Result gatewayBasic = HttpLoad.run(URI.create(stack.gatewayUrl() + ADVERTISERS),
                        Map.of("Authorization", basic), config.concurrency(), config.gatewayWarmup(),
                        config.gatewayDuration());
                HttpLoad.Result directAgain = HttpLoad.run(URI.create(stack.reportingUrl() + ADVERTISERS), Map.of(),
                        config.concurrency(), config.gatewayWarmup(), config.gatewayDuration());
                rows.addAll(gatewayRows(config.concurrency(), gateway, direct));
                rows.addAll(gatewayBasicRows(gatewayBasic, direct));
                notes.add(String.format(Locale.ROOT, "Gateway: `GET %s` by %d closed-loop clients (platform threads, "
                        + "java.net.http, HTTP/1.1 keep-alive), after the first full sync and a %d s pause; %d s "
                        + "warm-up then %d s measured per target: directly on reporting-service, then through the "
                        + "gateway signed in as the dashboard is (form login, session cookie), then through the gateway "
                        + "with HTTP Basic on every request (as scripts do), then directly again as a drift check "
                        + "(%s, p99 %s). "
                        + "The gateway's per-address and per-user rate limits (defaults 100/s and 50/s, answered "
                        + "with 429) are raised for the run through ADPULSE_GATEWAY_LIMITS_PERIPPERSECOND and "
                        + "ADPULSE_GATEWAY_LIMITS_PERUSERPERSECOND, as the load comes from one address and one user. "
                        + "Errors (non-2xx or I/O): direct %d, session %d, Basic %d.", ADVERTISERS,
                        config.concurrency(), SETTLE.toSeconds(), config.gatewayWarmup().toSeconds(),
                        config.gatewayDuration().toSeconds(), Format.perSecond(directAgain.requestsPerSecond()),
                        Format.millis(directAgain.percentileMillis(99)), direct.errors(), gateway.errors(),
                        gatewayBasic.errors()));
            }
            if (config.measures().contains("freshness")) {
                Duration poll = stack.ingestPollInterval();
                String session = GatewaySession.signIn(stack.gatewayUrl(), "admin", stack.password());
                Freshness.Result freshness = Freshness.measure(stack.gatewayUrl(), stack.sandboxUrl(),
                        Map.of("Cookie", session), poll, config.freshnessRounds(), poll.multipliedBy(3).plusMinutes(1));
                rows.addAll(freshnessRows(freshness));
                notes.add(freshnessNote(freshness));
            }
        }
        return rows;
    }

    static List<Row> apiCallsRows(ApiCallsPerSync.Result calls) {
        double ratio = (double) calls.adpulseCalls() / calls.usualCalls();
        return List.of(new Row("2 TikTok API calls", "calls of the first full sync of the seeded sandbox ("
                + calls.advertisers() + " advertisers × " + ApiCallsPerSync.DAILY_DAYS + " days daily at 4 levels + "
                + ApiCallsPerSync.HOURLY_DAYS + " days campaign-hourly, entities)", Format.count(calls.adpulseCalls()),
                "usual connector slicing, same data: " + Format.count(calls.usualCalls()), Format.ratio(ratio), "≤ 0.5×",
                Row.verdict(ratio <= 0.5)));
    }

    static String apiCallsNote(ApiCallsPerSync.Result calls) {
        return "TikTok API calls: counted by the sandbox (`GET /sandbox/calls`) once every connection's first (GRANT) "
                + "sync succeeded, the connect flow's OAuth calls left out; ingest-service counted "
                + Format.count(calls.ingestCounted()) + " on its runs. By path: " + calls.byPath() + ". Adpulse learns "
                + "the advertisers of one token in one advertiser-info call and reads their reports together (up to 5 "
                + "advertisers per call, `advertiser_ids`), where their dates due coincide within a day. The usual "
                + "slicing (../shared/tiktok-api.md §7, Airbyte defaults) for the same streams and days: advertiser "
                + "info per 100 advertisers, per advertiser campaigns ×3 (buying types), ad groups, ads, one call per "
                + "30-day window per daily level and one per day of hourly, one page per window (every window here has "
                + "under 1000 rows)."
                + (calls.clean() ? "" : " A scheduled poll started before every first sync had ended, so the sandbox's "
                        + "count (by path above) includes it; the figure is the calls ingest-service counted on the "
                        + "first (GRANT) sync runs.");
    }

    static List<Row> gatewayBasicRows(HttpLoad.Result basic, HttpLoad.Result direct) {
        String m = "5 Gateway";
        return List.of(
                new Row(m, "requests/s through the gateway with HTTP Basic (credentials checked on every request)",
                        Format.perSecond(basic.requestsPerSecond()), "direct: " + Format.perSecond(direct.requestsPerSecond()),
                        Format.ratio(basic.requestsPerSecond() / direct.requestsPerSecond()), "", ""),
                new Row(m, "p99 latency through the gateway with HTTP Basic", Format.millis(basic.percentileMillis(99)),
                        "direct: " + Format.millis(direct.percentileMillis(99)),
                        Format.ratio(basic.percentileMillis(99) / direct.percentileMillis(99)), "", ""));
    }

    static List<Row> footprintRows(long readyNanos, int reportedSeconds,
            Map<String, ProcessTree.Resident> byComponent) {
        String m = "6 Footprint";
        List<Row> rows = new ArrayList<>();
        rows.add(new Row(m, "run command → ready stack", Format.seconds(readyNanos / 1e9)
                + " (launcher reports " + reportedSeconds + " s)", "", "", "< 60 s",
                Row.verdict(readyNanos < READY_TARGET.toNanos())));
        ProcessTree.Resident total = new ProcessTree.Resident(0, 0);
        for (Map.Entry<String, ProcessTree.Resident> e : byComponent.entrySet()) {
            rows.add(Row.context(m, "memory " + e.getKey(), "RSS " + Format.mebibytes(e.getValue().rss())
                    + ", PSS " + Format.mebibytes(e.getValue().pss())));
            total = total.plus(e.getValue());
        }
        rows.add(Row.context(m, "RSS total (shared pages counted once per process)", Format.mebibytes(total.rss())));
        rows.add(new Row(m, "PSS total", Format.mebibytes(total.pss()), "", "", "< 2.5 GB (2,384 MiB)",
                Row.verdict(total.pss() < FOOTPRINT_TARGET_BYTES)));
        return rows;
    }

    static List<Row> gatewayRows(int concurrency, HttpLoad.Result gateway, HttpLoad.Result direct) {
        String m = "5 Gateway";
        double p50 = gateway.percentileMillis(50);
        double p99 = gateway.percentileMillis(99);
        double directP50 = direct.percentileMillis(50);
        double directP99 = direct.percentileMillis(99);
        return List.of(
                new Row(m, "requests/s through the gateway (session cookie), " + concurrency + " concurrent clients",
                        Format.perSecond(gateway.requestsPerSecond()),
                        "direct: " + Format.perSecond(direct.requestsPerSecond()),
                        Format.ratio(gateway.requestsPerSecond() / direct.requestsPerSecond()), "≥ 1000 req/s",
                        Row.verdict(gateway.requestsPerSecond() >= 1000)),
                new Row(m, "p50 latency through the gateway (session cookie)", Format.millis(p50), "direct: " + Format.millis(directP50),
                        Format.ratio(p50 / directP50), "", ""),
                new Row(m, "p99 latency through the gateway (session cookie)", Format.millis(p99), "direct: " + Format.millis(directP99),
                        Format.ratio(p99 / directP99), "≤ 1.3× direct p99", Row.verdict(p99 <= 1.3 * directP99)));
    }
}
