package io.adpulse.sandbox;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * A local stand-in for TikTok API for Business v1.3: OAuth, advertiser info, the campaign / ad group / ad
 * hierarchy and synchronous integrated reports over deterministic seeded data, plus test-only ground truth,
 * fault injection and call counting under {@code /sandbox/}.
 *
 * <p>The sandbox is often started inside another JVM (the launcher, end-to-end tests) whose classpath holds more
 * than this module. So that it never picks up that JVM's surprises, its settings file has its own name
 * ({@code tiktok-sandbox.yml}, not {@code application.yml}, which another jar may shadow), it is always a reactive
 * web application, and the data-store, messaging and security auto-configurations that other jars could drag in
 * are excluded.
 */
@SpringBootApplication
public class TikTokSandboxApplication {

    /** Property: the seed every account, entity and metric is derived from. */
    public static final String SEED = "adpulse.sandbox.seed";
    /** Property: OAuth app id accepted by the sandbox. */
    public static final String APP_ID = "adpulse.sandbox.app-id";
    /** Property: OAuth app secret accepted by the sandbox. */
    public static final String APP_SECRET = "adpulse.sandbox.app-secret";
    /** Property: days of metric history before today. */
    public static final String HISTORY_DAYS = "adpulse.sandbox.history-days";
    /** Property: per-app request budget per second. */
    public static final String QPS = "adpulse.sandbox.qps";
    /** Property: an ISO instant that pins the sandbox clock (reproducible tests); unset means the system clock. */
    public static final String FIXED_CLOCK = "adpulse.sandbox.fixed-clock";
    /** Property: lifetime of a Login Kit (creator) access token, e.g. {@code 30s}. */
    public static final String CREATOR_ACCESS_TTL = "adpulse.sandbox.creator-access-ttl";
    /** Property: lifetime of a Login Kit (creator) refresh token. */
    public static final String CREATOR_REFRESH_TTL = "adpulse.sandbox.creator-refresh-ttl";

    private static final List<String> FOREIGN_AUTO_CONFIGURATIONS = List.of(
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.health.DataSourceHealthContributorAutoConfiguration",
            "org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration",
            "org.springframework.boot.r2dbc.autoconfigure.health.ConnectionFactoryHealthContributorAutoConfiguration",
            "org.springframework.boot.data.r2dbc.autoconfigure.DataR2dbcAutoConfiguration",
            "org.springframework.boot.data.r2dbc.autoconfigure.DataR2dbcRepositoriesAutoConfiguration",
            "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
            "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
            "org.springframework.boot.kafka.autoconfigure.metrics.KafkaMetricsAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.actuate.web.reactive.ReactiveManagementWebSecurityAutoConfiguration");

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(TikTokSandboxApplication.class);
        application.setDefaultProperties(isolationDefaults());
        application.run(args);
    }

    /**
     * Starts a sandbox in this JVM.
     *
     * @param port       HTTP port; 0 picks a free one (read it back with {@link #port})
     * @param properties sandbox settings (see the constants above); they win over environment variables and files
     * @return the running context; close it to stop the sandbox
     */
    public static ConfigurableApplicationContext start(int port, Map<String, Object> properties) {
        Map<String, Object> overrides = new HashMap<>(properties);
        overrides.put("server.port", port);
        return new SpringApplicationBuilder(TikTokSandboxApplication.class)
                .properties(isolationDefaults())
                .initializers(context -> context.getEnvironment().getPropertySources()
                        .addFirst(new MapPropertySource("tiktok-sandbox-start", overrides)))
                .run();
    }

    /** The port a started sandbox listens on. */
    public static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    private static Map<String, Object> isolationDefaults() {
        return Map.of(
                "spring.config.name", "tiktok-sandbox",
                "spring.main.web-application-type", "reactive",
                "spring.autoconfigure.exclude", String.join(",", FOREIGN_AUTO_CONFIGURATIONS));
    }
}
