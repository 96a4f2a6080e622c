package io.adpulse.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.adpulse.launcher.AdpulseStack;
import io.adpulse.launcher.Service;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Bad input through the gateway, as the internet can send it: the webhook endpoint (signed and unsigned garbage), the
 * OAuth callbacks (forged, replayed and broken redirects), every public API (wrong types, malformed, huge and deeply
 * nested bodies, odd unicode, path tricks) and header abuse. Every answer must be below 500 and every refusal a 4xx
 * problem document with a reason (refusals without one are listed); no anonymous call to {@code /api/**} may
 * succeed; no service may crash. The number
 * of cases per property is {@code jqwik.tries.default} (short in every build, 2,500 in {@code -Pfaults-full}).
 */
class GatewayFuzzTest {

    /** What the sandbox signs webhooks with (the app's client secret; the local stack's default). */
    private static final String CLIENT_SECRET = "sandbox-secret";
    private static final String CLIENT_KEY = "sandbox-app";

    private static final List<String> QUERY_NAMES = List.of("advertiserId", "from", "to", "level", "granularity",
            "limit", "offset", "state", "format", "currency", "metric", "clientId", "brandId", "scope", "openId",
            "since", "until", "cursor", "page", "size", "sort", "q", "status", "id", "date", "period", "by", "n");
    /** Every public API operation, {@code {}} standing for a path variable. */
    private static final List<String[]> OPERATIONS = List.of(
            op("GET", "/api/reporting/advertisers"), op("GET", "/api/reporting/campaigns/daily"),
            op("GET", "/api/reporting/fx-rates"), op("GET", "/api/reporting/overview"),
            op("GET", "/api/reporting/pacing"), op("GET", "/api/reporting/organic/videos"),
            op("GET", "/api/reporting/organic/overview"), op("GET", "/api/reporting/spend"),
            op("GET", "/api/reporting/timeseries"), op("GET", "/api/reporting/rollups"), op("GET", "/api/reporting/top"),
            op("GET", "/api/reporting/clients"), op("POST", "/api/reporting/clients"),
            op("GET", "/api/reporting/clients/{}"), op("PUT", "/api/reporting/clients/{}"),
            op("DELETE", "/api/reporting/clients/{}"), op("GET", "/api/reporting/brands"),
            op("POST", "/api/reporting/brands"), op("GET", "/api/reporting/brands/{}"),
            op("PUT", "/api/reporting/brands/{}"), op("DELETE", "/api/reporting/brands/{}"),
            op("PUT", "/api/reporting/brands/{}/advertisers/{}"), op("DELETE", "/api/reporting/brands/{}/advertisers/{}"),
            op("GET", "/api/reporting/reports"), op("POST", "/api/reporting/reports"),
            op("GET", "/api/reporting/reports/{}.html"), op("GET", "/api/reporting/reports/{}.csv"),
            op("GET", "/api/audit/head"), op("GET", "/api/audit/events"), op("GET", "/api/audit/verify"),
            op("GET", "/api/alerting/alerts"), op("POST", "/api/alerting/alerts/{}/ack"),
            op("GET", "/api/alerting/deliveries"), op("POST", "/api/alerting/deliveries/{}/retry"),
            op("GET", "/api/alerting/silences"), op("POST", "/api/alerting/silences"),
            op("GET", "/api/alerting/silences/{}"), op("DELETE", "/api/alerting/silences/{}"),
            op("GET", "/api/ingest/connections"), op("GET", "/api/auth/connections"),
            op("GET", "/api/auth/connections/{}"), op("DELETE", "/api/auth/connections/{}"),
            op("POST", "/api/auth/connections/{}/refresh"), op("GET", "/api/auth/admin/keys"),
            op("GET", "/api/auth/connections/tiktok-business/start"),
            op("GET", "/api/auth/connections/tiktok-creator/start"),
            op("GET", "/api/alerting/config"), op("PUT", "/api/alerting/config"),
            op("GET", "/api/alerting/config/history"), op("GET", "/api/audit/checkpoints"),
            op("GET", "/api/privacy/exports/{}"), op("POST", "/api/commands"), op("GET", "/api/ingest/commands"),
            op("GET", "/api/ingest/commands/{}"), op("POST", "/api/ingest/media"), op("GET", "/api/ingest/media/{}"),
            op("GET", "/api/ingest/creators/{}/creator-info"), op("GET", "/api/ingest/publishes"),
            op("GET", "/api/ingest/publishes/{}"), op("GET", "/api/ingest/comments"));
    private static final List<String> CALLBACKS = List.of("/api/auth/oauth/tiktok-business/callback",
            "/api/auth/oauth/tiktok-creator/callback");
    private static final List<String> CALLBACK_PARAMS = List.of("auth_code", "code", "state", "error",
            "error_description", "scopes", "error_code", "redirect_uri");
    private static final List<String> PATH_TRICKS = List.of("/api/reporting/../auth/admin/keys",
            "/api/reporting/%2e%2e/auth/admin/keys", "/webhooks/tiktok/../../api/auth/admin/keys", "//api//reporting//advertisers",
            "/api/reporting/advertisers;jsessionid=1", "/api/reporting/advertisers%00", "/api/reporting/advertisers/",
            "/API/REPORTING/ADVERTISERS", "/api/reporting/advertisers%2f..%2f..%2fauth", "/api/%252e%252e/auth/connections",
            "/api/reporting/advertisers?advertiserId=%", "/%", "/api/reporting/\u00e9", "/api/audit/events#frag",
            "/actuator/env", "/actuator/heapdump", "/api/auth/connections/%C0%AE%C0%AE", "/webhooks/tiktok?x=%ff",
            "*", "http://evil.example/api/reporting/advertisers", "/api/reporting/campaigns/daily?from=2026-01-01&from=x");

    private static AdpulseStack stack;
    private static RawHttp gateway;

    @BeforeContainer
    static void startStack() {
        stack = FaultStack.get();
        gateway = new RawHttp(stack.options().port(Service.GATEWAY));
    }

    /** Every service still running, then no violation at all; the figures are written either way. */
    @AfterContainer
    static void noServiceCrashedAndNoViolation() {
        boolean alive = true;
        for (Service service : Service.values()) {
            alive &= stack.isRunning(service);
        }
        FuzzTally tally = FuzzTally.INSTANCE;
        tally.servicesAliveAfterwards(alive);
        ReliabilityReport.fuzz(tally.markdown(), tally.violations());
        assertThat(alive).as("every service process still running after the fuzzing pass").isTrue();
        assertThat(tally.violations()).as("5xx answers or anonymous successes in %s cases", tally.cases()).isEmpty();
    }

    @Property(shrinking = ShrinkingMode.OFF)
    void webhookEndpointAcceptsOnlySignedWellFormedNotifications(@ForAll("webhookDeliveries") Delivery delivery)
            throws IOException {
        check("webhook", false, "POST", "/webhooks/tiktok".getBytes(StandardCharsets.UTF_8), delivery.headers(),
                delivery.body(), delivery.describe());
    }

    @Property(shrinking = ShrinkingMode.OFF)
    void oauthCallbacksRefuseForgedAndBrokenRedirects(@ForAll("callbackCalls") Call call) throws IOException {
        check("oauth-callback", call, call.describe());
    }

    @Property(shrinking = ShrinkingMode.OFF)
    void publicApisRefuseBadQueriesAndBodiesWithAClearReason(@ForAll("apiCalls") Call call) throws IOException {
        check("public-api", call, call.describe());
    }

    @Property(shrinking = ShrinkingMode.OFF)
    void headerAbuseAndPathTricksNeverBreakTheGateway(@ForAll("abusiveCalls") Call call) throws IOException {
        check("headers-and-paths", call, call.describe());
    }

    private static void check(String surface, Call call, String description) throws IOException {
        check(surface, call.anonymous(), call.method(), call.target(), call.headers(), call.body(), description);
    }

    /**
     * Sends the case and records the answer; a 5xx or an anonymous success is a violation, collected (all of them, not
     * only the first) and failed on after the pass; a 4xx without a problem document and a connection closed without
     * an answer are counted and listed in the report.
     */
    private static void check(String surface, boolean anonymous, String method, byte[] target, List<String[]> headers,
            byte[] body, String description) throws IOException {
        RawHttp.Response response = gateway.send(method, target, headers, body);
        FuzzTally.INSTANCE.record(surface, anonymous, method, notHttp(method, target, headers), response,
                description);
    }

    /**
     * Whether the request is not well-formed HTTP/1.1 (a lower-case or unknown method, bytes outside visible ASCII in
     * the request target, control characters in a header value): Netty refuses those before any application code
     * runs, with a bare 4xx, which is fine; they still must not earn a 5xx or break a connection.
     */
    private static boolean notHttp(String method, byte[] target, List<String[]> headers) {
        if (!List.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "TRACE").contains(method)) {
            return true;
        }
        String text = new String(target, StandardCharsets.ISO_8859_1);
        if (text.equals("*") || !text.matches("[A-Za-z0-9\\-._~:/?#\\[\\]@!$&'()*+,;=%]*")
                || text.matches(".*%(?![0-9A-Fa-f]{2}).*")) {
            // a byte outside visible ASCII, a character RFC 3986 does not allow, a broken percent escape
            return true;
        }
        for (String[] header : headers) {
            for (char c : header[1].toCharArray()) {
                if ((c < 0x20 && c != '\t') || c > 0x7E) {
                    return true;
                }
            }
        }
        return false;
    }

    @Provide
    Arbitrary<Delivery> webhookDeliveries() {
        return Arbitraries.randomValue(r -> {
            byte[] body = r.nextInt(3) == 0 ? Garbage.body(r) : Garbage.notification(r, CLIENT_KEY);
            List<String[]> headers = new ArrayList<>();
            headers.add(new String[] {"Content-Type", r.nextInt(4) == 0 ? Garbage.string(r) : "application/json"});
            long now = Instant.now().getEpochSecond();
            String signature = switch (r.nextInt(6)) {
                case 0 -> null;
                case 1 -> sign("wrong-secret", now, body);
                case 2 -> sign(CLIENT_SECRET, now - 3_600, body);
                case 3 -> Garbage.string(r);
                default -> sign(CLIENT_SECRET, now, body);
            };
            if (signature != null) {
                headers.add(new String[] {"TikTok-Signature", signature});
            }
            return new Delivery(headers, body);
        });
    }

    @Provide
    Arbitrary<Call> callbackCalls() {
        return Arbitraries.randomValue(r -> {
            StringBuilder target = new StringBuilder(CALLBACKS.get(r.nextInt(CALLBACKS.size())));
            for (int i = 0, n = r.nextInt(5); i < n; i++) {
                target.append(i == 0 ? '?' : '&').append(CALLBACK_PARAMS.get(r.nextInt(CALLBACK_PARAMS.size())))
                        .append('=').append(queryValue(r));
            }
            return call(r, "GET", target.toString(), null, r.nextInt(6) == 0);
        });
    }

    @Provide
    Arbitrary<Call> apiCalls() {
        return Arbitraries.randomValue(r -> {
            String[] operation = OPERATIONS.get(r.nextInt(OPERATIONS.size()));
            StringBuilder path = new StringBuilder();
            for (String part : operation[1].split("\\{}", -1)) {
                if (!path.isEmpty()) {
                    path.append(r.nextInt(5) == 0 ? rawPathValue(r) : URLEncoder.encode(Garbage.string(r),
                            StandardCharsets.UTF_8));
                }
                path.append(part);
            }
            for (int i = 0, n = r.nextInt(6); i < n; i++) {
                path.append(i == 0 ? '?' : '&').append(r.nextInt(5) == 0 ? queryValue(r)
                        : QUERY_NAMES.get(r.nextInt(QUERY_NAMES.size()))).append('=').append(queryValue(r));
            }
            byte[] body = operation[0].equals("GET") || operation[0].equals("DELETE") ? null : Garbage.body(r);
            return call(r, operation[0], path.toString(), body, r.nextInt(8) == 0);
        });
    }

    @Provide
    Arbitrary<Call> abusiveCalls() {
        return Arbitraries.randomValue(r -> {
            String[] operation = OPERATIONS.get(r.nextInt(OPERATIONS.size()));
            String target = r.nextBoolean() ? PATH_TRICKS.get(r.nextInt(PATH_TRICKS.size()))
                    : operation[1].replace("{}", "x");
            String method = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "TRACE", "get",
                    "PROPFIND").get(r.nextInt(10));
            Call call = call(r, method, target, method.equals("POST") || method.equals("PUT") ? Garbage.body(r) : null,
                    r.nextInt(4) == 0);
            List<String[]> headers = new ArrayList<>(call.headers());
            for (int i = 0, n = 1 + r.nextInt(4); i < n; i++) {
                headers.add(switch (r.nextInt(12)) {
                    case 0 -> new String[] {"X-Adpulse-Actor", Garbage.string(r)};
                    case 1 -> new String[] {"X-Adpulse-Roles", "ADMIN,admin," + Garbage.string(r)};
                    case 2 -> new String[] {"Authorization", "Basic " + Garbage.string(r)};
                    case 3 -> new String[] {"Authorization", "Bearer " + Garbage.string(r)};
                    case 4 -> new String[] {"Content-Type", Garbage.string(r)};
                    case 5 -> new String[] {"Accept", Garbage.string(r)};
                    case 6 -> new String[] {"X-Big", "v".repeat(r.nextBoolean() ? 4_000 : 20_000)};
                    case 7 -> new String[] {"Cookie", "SESSION=" + Garbage.string(r) + "; XSRF-TOKEN=" + Garbage.string(r)};
                    case 8 -> new String[] {"X-Forwarded-For", Garbage.string(r)};
                    case 9 -> new String[] {"X-Correlation-Id", Garbage.string(r)};
                    case 10 -> new String[] {"Accept-Charset", Garbage.string(r)};
                    default -> new String[] {"Origin", Garbage.string(r)};
                });
            }
            if (r.nextInt(10) == 0) {
                for (int i = 0; i < 150; i++) {
                    headers.add(new String[] {"X-Many-" + i, Integer.toString(i)});
                }
            }
            return new Call(method, call.target(), headers, call.body(), call.anonymous());
        });
    }

    private static Call call(Random r, String method, String target, byte[] body, boolean anonymous) {
        List<String[]> headers = new ArrayList<>();
        if (!anonymous) {
            headers.add(new String[] {"Authorization", FaultStack.authorization()});
        }
        if (r.nextBoolean()) {
            headers.add(new String[] {"Accept", r.nextBoolean() ? "application/json" : Garbage.string(r)});
        }
        if (body != null) {
            headers.add(new String[] {"Content-Type", r.nextInt(4) == 0 ? Garbage.string(r) : "application/json"});
            // the gateway checks CSRF on browser sessions only; bearer callers are API clients
        }
        return new Call(method, target.getBytes(StandardCharsets.UTF_8), headers, body, anonymous);
    }

    private static String queryValue(Random r) {
        String value = Garbage.string(r);
        return r.nextInt(4) == 0 ? value.replace(" ", "%20").replace("\r", "").replace("\n", "")
                : URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A path segment sent without encoding: raw unicode, dots, percent signs. */
    private static String rawPathValue(Random r) {
        return List.of("..", ".", "%", "%2F", "%252F", "\u00e9t\u00e9", "😀", ";x=1", "a%00b", "%uFFFF", "x".repeat(9_000))
                .get(r.nextInt(11));
    }

    private static String sign(String secret, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return "t=" + timestamp + ",s=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String[] op(String method, String path) {
        return new String[] {method, path};
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() > 300 ? text.substring(0, 300) + "…(" + text.length() + " chars)" : text;
    }

    record Delivery(List<String[]> headers, byte[] body) {

        String describe() {
            return "POST /webhooks/tiktok " + headers.stream().map(h -> h[0] + ": " + abbreviate(h[1])).toList()
                    + " body " + abbreviate(new String(body, StandardCharsets.UTF_8));
        }
    }

    record Call(String method, byte[] target, List<String[]> headers, byte[] body, boolean anonymous) {

        String describe() {
            return method + " " + abbreviate(new String(target, StandardCharsets.UTF_8)) + (anonymous ? " (anonymous)" : "")
                    + " " + headers.stream().filter(h -> !h[0].equals("Authorization") || anonymous)
                    .map(h -> h[0] + ": " + abbreviate(h[1])).toList()
                    + (body == null ? "" : " body " + abbreviate(new String(body, StandardCharsets.UTF_8)));
        }
    }
}
