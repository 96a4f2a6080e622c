package io.adpulse.deploy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Micrometer meters the services register, found by reading their sources: every {@code "adpulse...."} string
 * literal is a candidate name, and where it is passed to a builder or registry method (directly or through a
 * constant) its type is known. Prometheus names follow Micrometer's naming: dots become underscores, counters
 * get {@code _total}, timers {@code _seconds_count/_sum/_max/_bucket}, gauges stay bare.
 */
final class MeterCatalog {

    enum Type { COUNTER, TIMER, GAUGE, UNKNOWN }

    /**
     * Meters that Spring Boot, Micrometer, Spring Kafka and the Kafka clients register in every service without
     * code of ours (actuator + micrometer-registry-prometheus + spring-boot-starter-kafka), plus Prometheus' own
     * {@code up}. Only these may appear in rules and dashboards besides the adpulse_* meters.
     */
    static final Set<String> STANDARD = Set.of(
            "up",
            "http_server_requests_seconds_count", "http_server_requests_seconds_sum", "http_server_requests_seconds_max",
            "jvm_memory_used_bytes", "jvm_memory_max_bytes", "jvm_gc_pause_seconds_sum", "jvm_gc_pause_seconds_count",
            "jvm_threads_live_threads", "process_cpu_usage", "process_uptime_seconds", "system_cpu_usage",
            // KafkaMetricsAutoConfiguration binds the client metrics of Boot's consumer and producer factories.
            "kafka_consumer_fetch_manager_records_lag_max", "kafka_consumer_fetch_manager_records_lag",
            "kafka_consumer_fetch_manager_records_consumed_rate", "kafka_producer_record_error_total",
            // Spring Kafka's listener container timer (micrometer enabled by default): tags name, result, exception.
            "spring_kafka_listener_seconds_count", "spring_kafka_listener_seconds_sum", "spring_kafka_listener_seconds_max");

    private static final Pattern LITERAL = Pattern.compile("\"(adpulse\\.[a-z0-9_.]+)\"");
    private static final Pattern CONSTANT = Pattern.compile("(\\w+)\\s*=\\s*\"(adpulse\\.[a-z0-9_.]+)\"");
    private static final Pattern REGISTRATION = Pattern.compile(
            "(Counter|Timer|Gauge)\\.builder\\(\\s*(\"[a-z0-9_.]+\"|\\w+)|\\.(counter|timer|gauge)\\(\\s*(\"[a-z0-9_.]+\"|\\w+)");

    private final Map<String, Type> meters = new HashMap<>();

    MeterCatalog(List<Path> sources) {
        for (Path source : sources) {
            String text = Workspace.read(source);
            Map<String, String> constants = new HashMap<>();
            Matcher c = CONSTANT.matcher(text);
            while (c.find()) {
                constants.put(c.group(1), c.group(2));
            }
            Matcher l = LITERAL.matcher(text);
            while (l.find()) {
                meters.putIfAbsent(l.group(1), Type.UNKNOWN);
            }
            Matcher r = REGISTRATION.matcher(text);
            while (r.find()) {
                String kind = r.group(1) != null ? r.group(1) : r.group(3);
                String argument = r.group(1) != null ? r.group(2) : r.group(4);
                String name = argument.startsWith("\"") ? argument.substring(1, argument.length() - 1) : constants.get(argument);
                if (name != null && name.startsWith("adpulse.")) {
                    meters.put(name, Type.valueOf(kind.toUpperCase()));
                }
            }
        }
    }

    Set<String> names() {
        return new TreeSet<>(meters.keySet());
    }

    /** The meter a Prometheus series name belongs to, if the services register it (with a fitting type). */
    Optional<String> meterFor(String prometheusName) {
        for (Map.Entry<String, Type> meter : meters.entrySet()) {
            String base = meter.getKey().replace('.', '_');
            if (!prometheusName.startsWith(base)) {
                continue;
            }
            String suffix = prometheusName.substring(base.length());
            if (suffixes(meter.getValue()).contains(suffix)) {
                return Optional.of(meter.getKey());
            }
        }
        return Optional.empty();
    }

    private static Set<String> suffixes(Type type) {
        return switch (type) {
            case COUNTER -> Set.of("_total");
            case TIMER -> Set.of("_seconds_count", "_seconds_sum", "_seconds_max", "_seconds_bucket");
            case GAUGE -> Set.of("");
            case UNKNOWN -> Set.of("", "_total", "_seconds_count", "_seconds_sum", "_seconds_max", "_seconds_bucket");
        };
    }

    /** Series names in a PromQL expression: identifiers outside quotes with a known metric prefix, or {@code up}. */
    static Set<String> seriesIn(String promql) {
        String unquoted = promql.replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\"").replaceAll("'[^']*'", "''");
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("(?<![A-Za-z0-9_:])([a-zA-Z_][a-zA-Z0-9_:]*)").matcher(unquoted);
        while (m.find()) {
            String id = m.group(1);
            if (id.equals("up") || id.matches("(adpulse|kafka|spring|jvm|process|system|http)_[a-z0-9_]+")) {
                names.add(id);
            }
        }
        return names;
    }
}
