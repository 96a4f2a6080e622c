package io.adpulse.auth.support;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * TikTok's API for Business OAuth endpoints as the tests need them, answering in TikTok's real shapes:
 * HTTP 200 with {@code {code, message, request_id, data}} for success and errors alike, advertiser
 * ids as JSON numbers, single-use auth codes. Tests script what each auth code yields.
 */
public final class FakeTikTok {

    public static final String APP_ID = "sandbox-app";
    public static final String APP_SECRET = "sandbox-secret";
    private static final String BASE = "/open_api/v1.3";
    private static FakeTikTok shared;

    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<String, Grant> authCodes = new ConcurrentHashMap<>();
    private final Map<String, Refusal> refusals = new ConcurrentHashMap<>();
    private final Set<String> brokenCodes = ConcurrentHashMap.newKeySet();
    private final Map<String, Grant> tokens = new ConcurrentHashMap<>();
    private final Set<String> revokedTokens = ConcurrentHashMap.newKeySet();
    private final Set<String> unrevokableTokens = ConcurrentHashMap.newKeySet();
    private final DisposableServer server;
    private final LoginKit loginKit = new LoginKit();

    public record Advertiser(String id, String name) {
    }

    private record Grant(String accessToken, List<Advertiser> advertisers) {
    }

    private record Refusal(int code, String message) {
    }

    public FakeTikTok() {
        var routes = RouterFunctions.route()
                .POST(BASE + "/oauth2/access_token/", this::accessToken)
                .GET(BASE + "/oauth2/advertiser/get/", this::advertisers)
                .POST(BASE + "/oauth2/revoke_token/", this::revokeToken)
                .POST("/v2/oauth/token/", loginKit::token)
                .POST("/v2/oauth/revoke/", loginKit::revoke)
                .GET("/v2/user/info/", loginKit::userInfo)
                .build();
        server = HttpServer.create().host("localhost").port(0)
                .handle(new ReactorHttpHandlerAdapter(RouterFunctions.toHttpHandler(routes)))
                .bindNow();
    }

    /** One server per test JVM, shared by every test that needs TikTok. */
    public static synchronized FakeTikTok shared() {
        if (shared == null) {
            shared = new FakeTikTok();
            Runtime.getRuntime().addShutdownHook(new Thread(shared.server::disposeNow, "fake-tiktok-shutdown"));
        }
        return shared;
    }

    public String apiBaseUrl() {
        return "http://localhost:" + server.port() + BASE;
    }

    public String authUrl() {
        return "http://localhost:" + server.port() + "/portal/auth";
    }

    /** Base of the v2 Open API (Login Kit token, revoke and user info endpoints). */
    public String openApiBaseUrl() {
        return "http://localhost:" + server.port();
    }

    public String loginKitAuthUrl() {
        return "http://localhost:" + server.port() + "/v2/auth/authorize/";
    }

    /** TikTok Login Kit as the creator tests need it. */
    public LoginKit loginKit() {
        return loginKit;
    }

    /** {@code authCode} redeems once for {@code accessToken}, which covers {@code advertisers}. */
    public void willGrant(String authCode, String accessToken, Advertiser... advertisers) {
        authCodes.put(authCode, new Grant(accessToken, List.of(advertisers)));
    }

    /** Redeeming {@code authCode} answers TikTok error {@code code}. */
    public void willRefuse(String authCode, int code, String message) {
        refusals.put(authCode, new Refusal(code, message));
    }

    /** Redeeming {@code authCode} fails with HTTP 500, as when TikTok's API logic is not reached. */
    public void willBreak(String authCode) {
        brokenCodes.add(authCode);
    }

    /** Revoking {@code accessToken} fails with TikTok error 40105 (as when it was revoked on TikTok's side). */
    public void willRefuseRevocation(String accessToken) {
        unrevokableTokens.add(accessToken);
    }

    public boolean wasRevoked(String accessToken) {
        return revokedTokens.contains(accessToken);
    }

    private Mono<ServerResponse> accessToken(ServerRequest request) {
        return request.bodyToMono(JsonNode.class).flatMap(body -> {
            String code = body.path("auth_code").asString("");
            if (!appCredentialsValid(body.path("app_id").asString(""), body.path("secret").asString(""))) {
                return error(40101, "Invalid app_id or secret.");
            }
            if (brokenCodes.contains(code)) {
                return ServerResponse.status(HttpStatus.INTERNAL_SERVER_ERROR).build();
            }
            Refusal refusal = refusals.get(code);
            if (refusal != null) {
                return error(refusal.code(), refusal.message());
            }
            Grant grant = authCodes.remove(code);
            if (grant == null) {
                return error(40110, "Auth_code is invalid or expired.");
            }
            tokens.put(grant.accessToken(), grant);
            IssuedTokens.issued(grant.accessToken());
            ObjectNode data = json.createObjectNode();
            data.put("access_token", grant.accessToken());
            ArrayNode ids = data.putArray("advertiser_ids");
            grant.advertisers().forEach(a -> ids.add(new BigInteger(a.id())));
            data.putArray("scope").add(1).add(2).add(4);
            return ok(data);
        });
    }

    private Mono<ServerResponse> advertisers(ServerRequest request) {
        if (!appCredentialsValid(request.queryParam("app_id").orElse(""), request.queryParam("secret").orElse(""))) {
            return error(40101, "Invalid app_id or secret.");
        }
        String token = request.headers().firstHeader("Access-Token");
        if (token == null || token.isBlank()) {
            return error(40104, "Access token is null, you should set it in http header with key Access-Token.");
        }
        Grant grant = tokens.get(token);
        if (grant == null || revokedTokens.contains(token)) {
            return error(40105, "The access token is invalid or has been revoked.");
        }
        ObjectNode data = json.createObjectNode();
        ArrayNode list = data.putArray("list");
        grant.advertisers().forEach(a -> list.addObject()
                .put("advertiser_id", new BigInteger(a.id()))
                .put("advertiser_name", a.name()));
        return ok(data);
    }

    private Mono<ServerResponse> revokeToken(ServerRequest request) {
        return request.bodyToMono(JsonNode.class).flatMap(body -> {
            if (!appCredentialsValid(body.path("app_id").asString(""), body.path("secret").asString(""))) {
                return error(40101, "Invalid app_id or secret.");
            }
            String token = body.path("access_token").asString("");
            if (unrevokableTokens.contains(token)) {
                return error(40105, "The access token is invalid or has been revoked.");
            }
            revokedTokens.add(token);
            return ok(json.createObjectNode());
        });
    }

    private static boolean appCredentialsValid(String appId, String secret) {
        return APP_ID.equals(appId) && APP_SECRET.equals(secret);
    }

    private Mono<ServerResponse> ok(ObjectNode data) {
        return envelope(0, "OK", data);
    }

    private Mono<ServerResponse> error(int code, String message) {
        return envelope(code, message, json.createObjectNode());
    }

    private Mono<ServerResponse> envelope(int code, String message, ObjectNode data) {
        ObjectNode body = json.createObjectNode();
        body.put("code", code);
        body.put("message", message);
        body.put("request_id", UUID.randomUUID().toString().replace("-", ""));
        body.set("data", data);
        return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(json.writeValueAsString(body));
    }
}
