package io.adpulse.faults;

import io.adpulse.launcher.AdpulseStack;
import io.adpulse.launcher.StackOptions;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one Adpulse stack of the fault suite's JVM (every service its own process, random ports), started by the first
 * test that asks, whichever engine runs it (jqwik or Jupiter), and stopped when the JVM exits. Tests must not rely on
 * each other's effects. {@link StackSession} stops it when the test run ends; a shutdown hook is the fallback.
 */
final class FaultStack {

    /** The seeded administrator's password, fresh for every run. */
    static final String PASSWORD = "faults-" + Long.toHexString(System.nanoTime());
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static AdpulseStack stack;

    private FaultStack() {
    }

    static synchronized AdpulseStack get() {
        if (stack == null) {
            Path services = Path.of(System.getProperty("adpulse.services.dir", "target/services"));
            stack = AdpulseStack.start(StackOptions.randomPorts(services, Path.of("target", "fault-logs"), PASSWORD,
                            Duration.ofSeconds(5))
                    .withCreatorTokenLifetime(Duration.ofSeconds(30))
                    .withAlertWebhook(URI.create("http://localhost:9/unreachable"), new StackOptions.AlertTiming(
                            Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofSeconds(5))));
            AdpulseStack started = stack;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "fault-stack-shutdown"));
        }
        return stack;
    }

    /** Stops the stack if it was started (every service process, the sandbox, PostgreSQL, Kafka). */
    static synchronized void close() {
        if (stack != null) {
            stack.close();
            stack = null;
        }
    }

    /** {@code Bearer <jwt>} of the stack's service account (role ADMIN): how scripts call the API. */
    static String authorization() {
        return get().authorization();
    }

    /** GETs JSON; the gateway's URLs with the administrator's sign-in. */
    static JsonNode getJson(String url) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json").GET();
        if (url.startsWith(get().gatewayUrl())) {
            request.header("Authorization", authorization());
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + url + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** Sends JSON to the sandbox's control API; answers the status and body. */
    static HttpResponse<String> sandbox(String method, String path, String json) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(get().sandboxUrl() + path))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json");
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
