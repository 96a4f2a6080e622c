package io.adpulse.launcher;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How to start the stack.
 *
 * @param servicesDir   folder with the services' executable jars ({@code <module>.jar})
 * @param logDir        where each service writes its log ({@code <module>.log})
 * @param kafkaPort     broker port
 * @param postgresPort  database port
 * @param sandboxPort   TikTok sandbox port
 * @param ports         service ports
 * @param adminPassword the seeded administrator's password
 * @param pollInterval  how often ingest-service polls TikTok
 * @param startTimeout  how long to wait for every service to report ready
 * @param creatorTokenLifetime lifetime of the sandbox's creator (Login Kit) access tokens: short, so that the
 *                      local stack shows auth-service refreshing them on its own (TikTok: 2 hours)
 * @param alertWebhook  where alerting-service sends every alert notification (an Alertmanager-compatible JSON
 *                      webhook), or null for none
 * @param alertTiming   how quickly alerts are evaluated and notified: {@code evaluationInterval},
 *                      {@code groupWait} and {@code groupInterval}
 */
public record StackOptions(Path servicesDir, Path logDir, int kafkaPort, int postgresPort, int sandboxPort,
        Map<Service, Integer> ports, String adminPassword, Duration pollInterval, Duration startTimeout,
        Duration creatorTokenLifetime, URI alertWebhook, AlertTiming alertTiming) {

    /** Alerting's evaluation interval, group wait and group interval. */
    public record AlertTiming(Duration evaluationInterval, Duration groupWait, Duration groupInterval) {

        /** alerting-service's own defaults. */
        public static final AlertTiming DEFAULT = new AlertTiming(Duration.ofSeconds(30), Duration.ofSeconds(30),
                Duration.ofMinutes(5));
    }

    static final int DEFAULT_KAFKA_PORT = 19092;
    static final int DEFAULT_POSTGRES_PORT = 15432;
    static final int DEFAULT_SANDBOX_PORT = 18090;
    /** Five minutes: a creator connection made in the local stack lives through an expiry every few minutes. */
    static final Duration DEFAULT_CREATOR_TOKEN_LIFETIME = Duration.ofMinutes(5);

    /** The fixed, documented ports of the local stack (see docs/CONVENTIONS.md). */
    static StackOptions defaults(Path servicesDir, Path logDir, String adminPassword) {
        Map<Service, Integer> ports = new EnumMap<>(Service.class);
        for (Service s : Service.values()) {
            ports.put(s, s.defaultPort());
        }
        return new StackOptions(servicesDir, logDir, DEFAULT_KAFKA_PORT, DEFAULT_POSTGRES_PORT, DEFAULT_SANDBOX_PORT,
                ports, adminPassword, Duration.ofSeconds(30), Duration.ofMinutes(3), DEFAULT_CREATOR_TOKEN_LIFETIME,
                null, AlertTiming.DEFAULT);
    }

    /** Free ports everywhere, for tests that must not collide with a running stack. */
    public static StackOptions randomPorts(Path servicesDir, Path logDir, String adminPassword, Duration pollInterval) {
        Map<Service, Integer> ports = new EnumMap<>(Service.class);
        for (Service s : Service.values()) {
            ports.put(s, freePort());
        }
        return new StackOptions(servicesDir, logDir, freePort(), freePort(), freePort(), ports, adminPassword,
                pollInterval, Duration.ofMinutes(4), DEFAULT_CREATOR_TOKEN_LIFETIME, null, AlertTiming.DEFAULT);
    }

    /** The same options with sandbox creator tokens living {@code lifetime}. */
    public StackOptions withCreatorTokenLifetime(Duration lifetime) {
        return new StackOptions(servicesDir, logDir, kafkaPort, postgresPort, sandboxPort, ports, adminPassword,
                pollInterval, startTimeout, lifetime, alertWebhook, alertTiming);
    }

    /** The same options with every alert notification also sent to {@code webhook}, on {@code timing}. */
    public StackOptions withAlertWebhook(URI webhook, AlertTiming timing) {
        return new StackOptions(servicesDir, logDir, kafkaPort, postgresPort, sandboxPort, ports, adminPassword,
                pollInterval, startTimeout, creatorTokenLifetime, webhook, timing);
    }

    public int port(Service service) {
        return ports.get(service);
    }

    /** Ports handed out by this JVM, never handed out twice (several stacks may start in one test JVM). */
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    /**
     * A port that is free now, taken below Linux's ephemeral range (32768-60999). A port the kernel picks for
     * {@code bind(0)} comes from that range, which is also where outgoing connections get their local ports, and a
     * service may bind its port a minute after it was chosen on a busy machine: in between, a Kafka or database
     * client's connection took such a port and the service failed with "Port already in use".
     */
    private static int freePort() {
        for (int attempt = 0; attempt < 500; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(20000, 32768);
            if (HANDED_OUT.contains(port)) {
                continue;
            }
            try (ServerSocket socket = new ServerSocket(port)) {
                if (HANDED_OUT.add(port)) {
                    return port;
                }
            } catch (IOException inUse) {
                // taken: try another
            }
        }
        throw new IllegalStateException("no free port between 20000 and 32767");
    }

    @Override
    public String toString() {
        return "StackOptions[servicesDir=" + servicesDir + ", ports=" + ports + ", adminPassword=<redacted>]";
    }
}
