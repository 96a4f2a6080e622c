package io.adpulse.launcher;

import io.adpulse.sandbox.TikTokSandboxApplication;
import io.adpulse.testsupport.EmbeddedKafkaServer;
import io.adpulse.testsupport.EmbeddedPostgresServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole of Adpulse on one machine: embedded Kafka and PostgreSQL, the TikTok sandbox in this JVM,
 * and each service as its own process. Fresh encryption keys are generated for every run and handed to
 * the services through their environment; they are never printed.
 */
public final class AdpulseStack implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AdpulseStack.class);

    /** The app credentials the sandbox is seeded with; real ones are configuration. */
    static final String SANDBOX_APP_ID = "sandbox-app";
    static final String SANDBOX_APP_SECRET = "sandbox-secret";

    /** The seeded service account's client id. */
    public static final String SERVICE_ACCOUNT = "launcher";

    private final StackOptions options;
    /** URL-safe: OAuth client secrets are form-encoded inside HTTP Basic, where '+' would read as a space. */
    private final String serviceAccountSecret = randomSecret();
    private final List<AutoCloseable> started = new ArrayList<>();
    private String token;
    private Instant tokenExpires = Instant.MIN;
    /** The running process of each service, in start order; a restart replaces the entry. */
    private final Map<Service, ServiceProcess> services = new EnumMap<>(Service.class);
    private final Map<Service, Map<String, String>> environments = new EnumMap<>(Service.class);
    private EmbeddedKafkaServer kafka;
    private EmbeddedPostgresServer postgres;
    private ConfigurableApplicationContext sandbox;

    private AdpulseStack(StackOptions options) {
        this.options = options;
    }

    /** Starts everything and returns once every service reports ready; on failure stops what it started. */
    public static AdpulseStack start(StackOptions options) {
        AdpulseStack stack = new AdpulseStack(options);
        try {
            stack.startAll();
            return stack;
        } catch (Exception e) {
            stack.close();
            throw new IllegalStateException("Adpulse stack did not start: " + e.getMessage(), e);
        }
    }

    private void startAll() throws IOException, InterruptedException {
        Instant begun = Instant.now();
        log.info("starting Kafka (KRaft) on port {}", options.kafkaPort());
        kafka = EmbeddedKafkaServer.start(options.kafkaPort());
        started.add(kafka);
        log.info("starting PostgreSQL on port {}", options.postgresPort());
        postgres = EmbeddedPostgresServer.start(options.postgresPort());
        started.add(postgres);
        for (Service s : Service.values()) {
            if (s.database() != null) {
                postgres.createDatabase(s.database());
            }
        }
        log.info("starting the TikTok sandbox on port {}", options.sandboxPort());
        sandbox = TikTokSandboxApplication.start(options.sandboxPort(), Map.of(
                "adpulse.sandbox.app-id", SANDBOX_APP_ID, "adpulse.sandbox.app-secret", SANDBOX_APP_SECRET,
                "adpulse.sandbox.creator-access-ttl", options.creatorTokenLifetime().toMillis() + "ms",
                // TikTok posts webhooks (authorization.removed, ...) to the app's public callback: the gateway.
                "adpulse.sandbox.webhook-url", gatewayUrl() + "/webhooks/tiktok",
                // The launcher's console belongs to the stack's progress, not to the sandbox's start-up.
                "spring.main.banner-mode", "off", "spring.main.log-startup-info", "false"));
        started.add(sandbox::close);

        Map<String, String> common = commonEnvironment(kafka, postgres);
        for (Service s : Service.values()) {
            Map<String, String> env = new HashMap<>(common);
            if (s.database() != null) {
                env.put("DB_NAME", s.database());
            }
            environments.put(s, env);
            ServiceProcess process = ServiceProcess.start(s, options.servicesDir().resolve(s.module() + ".jar"),
                    options.port(s), options.logDir(), env, arguments(s));
            services.put(s, process);
            started.add(() -> services.get(s).stop());
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(options.startTimeout());
        for (ServiceProcess process : services.values()) {
            process.awaitReady(http, deadline);
            log.info("{} ready on port {}", process.service().module(), process.port());
        }
        log.info("Adpulse stack ready in {} s", Duration.between(begun, Instant.now()).toSeconds());
    }

    private Map<String, String> commonEnvironment(EmbeddedKafkaServer kafka, EmbeddedPostgresServer postgres) {
        String sandboxUrl = sandboxUrl();
        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("DB_HOST", "localhost");
        env.put("DB_PORT", Integer.toString(postgres.port()));
        env.put("DB_USER", EmbeddedPostgresServer.USER);
        env.put("DB_PASSWORD", EmbeddedPostgresServer.PASSWORD);
        env.put("TIKTOK_BUSINESS_API_BASE_URL", sandboxUrl + "/open_api/v1.3");
        env.put("TIKTOK_BUSINESS_AUTH_URL", sandboxUrl + "/portal/auth");
        env.put("TIKTOK_LOGIN_KIT_AUTH_URL", sandboxUrl + "/v2/auth/authorize/");
        env.put("TIKTOK_OPEN_API_BASE_URL", sandboxUrl);
        env.put("TIKTOK_APP_ID", SANDBOX_APP_ID);
        env.put("TIKTOK_APP_SECRET", SANDBOX_APP_SECRET);
        env.put("ADPULSE_PUBLIC_URL", gatewayUrl());
        env.put("ADPULSE_TRANSIT_KEYS", "local-transit-1:" + randomKey());
        env.put("ADPULSE_TOKEN_KEYS", "local-token-1:" + randomKey());
        env.put("ADPULSE_ADMIN_PASSWORD", options.adminPassword());
        // Sign-in through the embedded identity provider, which browsers reach through the gateway under /idp:
        // every user, the seeded admin included, enrols TOTP before seeing anything. No password-only local users,
        // unless ADPULSE_LOCAL_USERS_ENABLED=true is set for the launcher (the bench compares with HTTP Basic).
        env.put("ADPULSE_IDENTITY_ISSUER", gatewayUrl() + "/idp");
        env.put("ADPULSE_OIDC_ISSUER_URI", gatewayUrl() + "/idp");
        env.put("ADPULSE_OIDC_CLIENT_SECRET", randomSecret());
        env.put("ADPULSE_IDENTITY_MFA_KEYS", "local-mfa-1:" + randomKey());
        env.put("ADPULSE_LOCAL_USERS_ENABLED",
                System.getenv().getOrDefault("ADPULSE_LOCAL_USERS_ENABLED", "false"));
        // Plain http on localhost.
        env.put("ADPULSE_COOKIE_SECURE", "false");
        // The service account scripts (and the launcher itself) use: bearer JWTs by client_credentials.
        env.put("ADPULSE_IDENTITY_SERVICEACCOUNTS_0_CLIENTID", SERVICE_ACCOUNT);
        env.put("ADPULSE_IDENTITY_SERVICEACCOUNTS_0_CLIENTSECRET", serviceAccountSecret);
        env.put("ADPULSE_IDENTITY_SERVICEACCOUNTS_0_ROLES", "ADMIN");
        // Look for creator tokens due for refresh often enough for the sandbox's short lifetimes.
        env.put("ADPULSE_AUTH_REFRESH_CHECK_INTERVAL", Math.max(1, Math.min(15,
                options.creatorTokenLifetime().toSeconds() / 10)) + "s");
        for (Service s : Service.values()) {
            env.put(s.gatewayUriVariable(), "http://localhost:" + options.port(s));
        }
        return env;
    }

    private List<String> arguments(Service service) {
        if (service == Service.INGEST) {
            return List.of("--adpulse.ingest.poll-interval=" + options.pollInterval());
        }
        if (service == Service.ALERTING) {
            List<String> args = new ArrayList<>(List.of(
                    "--adpulse.alerting.evaluation-interval=" + options.alertTiming().evaluationInterval(),
                    "--adpulse.alerting.routes.group-wait=" + options.alertTiming().groupWait().toMillis() + "ms",
                    "--adpulse.alerting.routes.group-interval=" + options.alertTiming().groupInterval().toMillis()
                            + "ms"));
            if (options.alertWebhook() != null) {
                // replaces the shipped "none" receiver: every alert goes to the configured webhook
                args.add("--adpulse.alerting.receivers[0].name=webhook");
                args.add("--adpulse.alerting.receivers[0].webhooks[0].url=" + options.alertWebhook());
                args.add("--adpulse.alerting.routes.receiver=webhook");
            }
            return args;
        }
        return List.of();
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    /** The service account's secret, fresh for every run. */
    public String serviceAccountSecret() {
        return serviceAccountSecret;
    }

    /**
     * {@code Bearer <jwt>} for the seeded service account (role ADMIN), from the identity provider's token endpoint
     * through the gateway ({@code client_credentials}); a token is reused until a minute before it expires.
     */
    public synchronized String authorization() {
        if (token == null || Instant.now().isAfter(tokenExpires.minusSeconds(60))) {
            try {
                HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                                URI.create(gatewayUrl() + "/idp/oauth2/token"))
                        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                                (SERVICE_ACCOUNT + ":" + serviceAccountSecret).getBytes(StandardCharsets.UTF_8)))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                        HttpResponse.BodyHandlers.ofString());
                Matcher accessToken = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
                Matcher expiresIn = Pattern.compile("\"expires_in\"\\s*:\\s*(\\d+)").matcher(response.body());
                if (response.statusCode() != 200 || !accessToken.find()) {
                    throw new IllegalStateException("the identity provider answered " + response.statusCode()
                            + " to the service account's token request");
                }
                token = accessToken.group(1);
                tokenExpires = Instant.now().plusSeconds(expiresIn.find() ? Long.parseLong(expiresIn.group(1)) : 300);
            } catch (IOException e) {
                throw new IllegalStateException("no token for the service account: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while asking for a token", e);
            }
        }
        return "Bearer " + token;
    }

    private static String randomSecret() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    public String gatewayUrl() {
        return "http://localhost:" + options.port(Service.GATEWAY);
    }

    public String sandboxUrl() {
        return "http://localhost:" + options.sandboxPort();
    }

    public String serviceUrl(Service service) {
        return "http://localhost:" + options.port(service);
    }

    List<ServiceProcess> services() {
        return List.copyOf(services.values());
    }

    /** How the stack was started. */
    public StackOptions options() {
        return options;
    }

    /** The broker's {@code bootstrap.servers}. */
    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** JDBC URL of a service's database (user and password: {@link EmbeddedPostgresServer#USER}/{@code PASSWORD}). */
    public String jdbcUrl(String database) {
        return postgres.jdbcUrl(database);
    }

    /** The in-process TikTok sandbox's application context (its beans: issued tokens, fault injection). */
    public ConfigurableApplicationContext sandbox() {
        return sandbox;
    }

    /** The log file a service writes to; a restarted service appends to it. */
    public Path logFile(Service service) {
        return services.get(service).log();
    }

    /** Whether a service's JVM is running (a crash or a {@link #kill} ends it). */
    public boolean isRunning(Service service) {
        return services.get(service).isAlive();
    }

    /** Kills a service's JVM with SIGKILL (no graceful shutdown) and waits until it is gone. */
    public void kill(Service service) {
        log.info("killing {} (SIGKILL)", service.module());
        services.get(service).kill();
    }

    /**
     * Starts a service again, on the same port with the same environment, after {@link #kill} (or stops it
     * gracefully first if it is still running), and waits until it reports ready.
     */
    public void restart(Service service) throws IOException, InterruptedException {
        ServiceProcess old = services.get(service);
        if (old.isAlive()) {
            old.stop();
        }
        ServiceProcess process = ServiceProcess.start(service, options.servicesDir().resolve(service.module() + ".jar"),
                options.port(service), options.logDir(), environments.get(service), arguments(service), true);
        services.put(service, process);
        process.awaitReady(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build(),
                Instant.now().plus(options.startTimeout()));
        log.info("{} restarted and ready on port {}", service.module(), process.port());
    }

    /** Restarts the Kafka broker on the same port and log directories; every client's connections are cut. */
    public void restartKafka() {
        log.info("restarting the Kafka broker on {}", kafka.bootstrapServers());
        kafka.restartBroker();
    }

    /** Restarts PostgreSQL on the same port and data directory; every service's connections are cut. */
    public void restartPostgres() {
        log.info("restarting PostgreSQL on port {}", postgres.port());
        postgres.restart();
    }

    /** Stops services first, then the sandbox, the database and the broker. */
    @Override
    public void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                log.warn("while stopping: {}", e.getMessage());
            }
        }
        started.clear();
    }
}
