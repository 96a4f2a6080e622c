package io.adpulse.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Connects the sandbox's advertisers (and a creator account) the way an operator's browser would: start the OAuth flow through the gateway,
 * approve on the sandbox's consent page, follow the redirect back to the gateway's callback. Nothing is taken as a
 * shortcut: the auth code, the token exchange, encryption and the {@code ConnectionGranted} events are the real ones.
 *
 * <p>The local stack runs it once at start so that a newcomer sees data without clicking; the end-to-end test runs
 * it to connect, and then checks what the gateway reports.
 */
public final class SandboxConnector {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String gatewayUrl;
    private final String sandboxUrl;
    private final String authorization;

    /**
     * @param authorization the {@code Authorization} header of an ADMIN caller, e.g. the service account's
     *                      {@link AdpulseStack#authorization()}
     */
    public SandboxConnector(String gatewayUrl, String sandboxUrl, String authorization) {
        this.gatewayUrl = gatewayUrl;
        this.sandboxUrl = sandboxUrl;
        this.authorization = authorization;
    }

    /**
     * Runs start → consent → callback.
     *
     * @return the callback's JSON body ({@code {"connections":[...]}})
     * @throws IllegalStateException naming the step that did not answer as expected
     */
    public String connect() throws IOException, InterruptedException {
        HttpResponse<String> start = send(HttpRequest.newBuilder(
                URI.create(gatewayUrl + "/api/auth/connections/tiktok-business/start"))
                .header("Authorization", authorization).GET().build());
        URI consent = redirect("starting the OAuth flow", start);
        if (!consent.toString().startsWith(sandboxUrl + "/portal/auth")) {
            throw new IllegalStateException("OAuth start redirected to " + consent + ", not to the sandbox's consent page");
        }

        Map<String, String> query = query(consent);
        URI decide = URI.create(sandboxUrl + "/portal/auth/decide?decision=approve"
                + "&app_id=" + enc(query.get("app_id")) + "&state=" + enc(query.get("state"))
                + "&redirect_uri=" + enc(query.get("redirect_uri")));
        URI callback = redirect("approving on the sandbox consent page", send(HttpRequest.newBuilder(decide).GET().build()));
        if (!callback.toString().startsWith(gatewayUrl + "/api/auth/oauth/tiktok-business/callback")) {
            throw new IllegalStateException("consent redirected to " + callback + ", not to the gateway's callback");
        }

        HttpResponse<String> connected = send(HttpRequest.newBuilder(callback)
                .header("Authorization", authorization).header("Accept", "application/json").GET().build());
        if (connected.statusCode() != 200) {
            throw new IllegalStateException("OAuth callback answered " + connected.statusCode() + ": " + connected.body());
        }
        return connected.body();
    }

    /**
     * Connects a sandbox creator account (Login Kit with PKCE) the same way: start → the sandbox's authorize page,
     * approved as {@code openId} (the first creator when null) → callback.
     *
     * @return the callback's JSON body ({@code {"connections":[...]}}, one creator connection)
     */
    public String connectCreator(String openId) throws IOException, InterruptedException {
        HttpResponse<String> start = send(HttpRequest.newBuilder(
                URI.create(gatewayUrl + "/api/auth/connections/tiktok-creator/start"))
                .header("Authorization", authorization).GET().build());
        URI authorize = redirect("starting the Login Kit flow", start);
        if (!authorize.toString().startsWith(sandboxUrl + "/v2/auth/authorize/")) {
            throw new IllegalStateException("Login Kit start redirected to " + authorize
                    + ", not to the sandbox's authorize page");
        }
        String decide = sandboxUrl + "/v2/auth/authorize/decide?decision=approve&" + authorize.getRawQuery()
                + (openId == null ? "" : "&open_id=" + enc(openId));
        URI callback = redirect("approving on the sandbox's authorize page",
                send(HttpRequest.newBuilder(URI.create(decide)).GET().build()));
        if (!callback.toString().startsWith(gatewayUrl + "/api/auth/oauth/tiktok-creator/callback")) {
            throw new IllegalStateException("authorization redirected to " + callback + ", not to the gateway's callback");
        }
        HttpResponse<String> connected = send(HttpRequest.newBuilder(callback)
                .header("Authorization", authorization).header("Accept", "application/json").GET().build());
        if (connected.statusCode() != 200) {
            throw new IllegalStateException("Login Kit callback answered " + connected.statusCode() + ": "
                    + connected.body());
        }
        return connected.body();
    }

    private static URI redirect(String step, HttpResponse<String> response) {
        if (response.statusCode() != 302) {
            throw new IllegalStateException(step + " answered " + response.statusCode() + " instead of a redirect: "
                    + response.body());
        }
        return URI.create(response.headers().firstValue("Location")
                .orElseThrow(() -> new IllegalStateException(step + " redirected without a Location")));
    }

    private static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, String> query(URI uri) {
        return Arrays.stream(uri.getRawQuery().split("&")).map(p -> p.split("=", 2))
                .collect(Collectors.toMap(p -> URLDecoder.decode(p[0], StandardCharsets.UTF_8),
                        p -> p.length > 1 ? URLDecoder.decode(p[1], StandardCharsets.UTF_8) : ""));
    }

    private static String enc(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}
