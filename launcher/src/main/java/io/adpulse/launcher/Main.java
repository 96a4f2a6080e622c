package io.adpulse.launcher;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar launcher/target/launcher-<version>-exec.jar}: starts the local stack and keeps it
 * running until Ctrl-C. Settings: {@code ADPULSE_ADMIN_PASSWORD} (otherwise a random one is printed),
 * {@code ADPULSE_HOME} (folder for logs, default {@code .adpulse} in the working directory),
 * {@code ADPULSE_CONNECT_SANDBOX} ({@code false} leaves connecting the sandbox's accounts to the operator),
 * {@code ADPULSE_PORTS} ({@code random}: free ports instead of the documented ones),
 * {@code ADPULSE_ALERT_WEBHOOK_URL} (every alert notification is also POSTed there, Alertmanager's webhook format).
 */
public final class Main {

    private Main() {
    }

    /**
     * Where the services' jars are: {@code adpulse.services.dir} if set, else {@code services/} next to the launcher's
     * own jar. With {@code java -jar}, the class path is exactly that jar (its nested jars have no file path).
     */
    private static Path servicesDir() {
        String configured = System.getProperty("adpulse.services.dir");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath();
        }
        Path jar = Path.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator)[0]).toAbsolutePath();
        return jar.getParent().resolve("services");
    }

    public static void main(String[] args) throws Exception {
        Path servicesDir = servicesDir();
        Path home = Path.of(System.getenv().getOrDefault("ADPULSE_HOME", ".adpulse")).toAbsolutePath();
        String password = System.getenv("ADPULSE_ADMIN_PASSWORD");
        if (password == null || password.isBlank()) {
            byte[] bytes = new byte[12];
            new SecureRandom().nextBytes(bytes);
            password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        }
        // ADPULSE_PORTS=random runs beside another stack (benchmarks, a second checkout): free ports everywhere.
        StackOptions options = "random".equalsIgnoreCase(System.getenv("ADPULSE_PORTS"))
                ? StackOptions.randomPorts(servicesDir, home.resolve("logs"), password, Duration.ofSeconds(30))
                : StackOptions.defaults(servicesDir, home.resolve("logs"), password);
        String alertWebhook = System.getenv("ADPULSE_ALERT_WEBHOOK_URL");
        if (alertWebhook != null && !alertWebhook.isBlank()) {
            // Every alert notification also goes to this Alertmanager-compatible JSON webhook.
            options = options.withAlertWebhook(URI.create(alertWebhook.strip()), StackOptions.AlertTiming.DEFAULT);
        }
        AdpulseStack stack = AdpulseStack.start(options);
        String connected = "";
        if (!"false".equalsIgnoreCase(System.getenv().getOrDefault("ADPULSE_CONNECT_SANDBOX", "true"))) {
            // The sandbox is the only TikTok here: connect its advertisers through the real OAuth flow so the
            // dashboard has data at once. ADPULSE_CONNECT_SANDBOX=false leaves connecting to the operator.
            try {
                SandboxConnector connector = new SandboxConnector(stack.gatewayUrl(), stack.sandboxUrl(),
                        stack.authorization());
                connector.connect();
                connector.connectCreator(null);
                connected = "The sandbox's advertisers and a creator account are connected; history is being ingested.\n "
                        + "The creator's token expires every " + options.creatorTokenLifetime().toMinutes()
                        + " minutes and auth-service refreshes it (see Connections).\n ";
            } catch (IllegalStateException | IOException e) {
                connected = "Connecting the sandbox failed (" + e.getMessage() + ");\n connect from the UI instead.\n ";
            }
        }
        // One machine-readable line for tools that start the stack (the bench module).
        System.out.println("ADPULSE-STACK gateway=" + options.port(Service.GATEWAY) + " reporting="
                + options.port(Service.REPORTING) + " ingest=" + options.port(Service.INGEST) + " sandbox="
                + options.sandboxPort() + " postgres=" + options.postgresPort());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.close();
            stopped.countDown();
        }, "adpulse-stack-shutdown"));
        System.out.printf("""

                ================================================================
                 Adpulse is running.
                   UI and API:   %s
                   Sign in as:   admin / %s  (you set up an authenticator app, TOTP, at the first sign-in)
                   API token:    T=$(curl -s -u %s:%s -d grant_type=client_credentials %s/idp/oauth2/token | sed 's/.*"access_token":"\\([^"]*\\)".*/\\1/')
                   API example:  curl -H "Authorization: Bearer $T" %s/api/reporting/advertisers
                   TikTok sandbox (stands in for TikTok): %s
                   Service logs: %s
                 %sCtrl-C stops everything.
                ================================================================
                %n""", stack.gatewayUrl(), password, AdpulseStack.SERVICE_ACCOUNT, stack.serviceAccountSecret(),
                stack.gatewayUrl(), stack.gatewayUrl(), stack.sandboxUrl(),
                options.logDir(), connected);
        stopped.await();
    }
}
