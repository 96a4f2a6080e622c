package io.adpulse.sandbox.oauth;

import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.adpulse.sandbox.api.ApiError;
import io.adpulse.sandbox.api.ApiException;
import io.adpulse.sandbox.api.CallingApp;
import io.adpulse.sandbox.api.Envelope;
import io.adpulse.sandbox.api.JsonParams;
import io.adpulse.sandbox.api.RequestIds;
import io.adpulse.sandbox.api.TikTokApi;
import io.adpulse.sandbox.catalog.Advertiser;
import io.adpulse.sandbox.catalog.Catalog;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * TikTok's {@code oauth2} endpoints: exchanging an auth code for a long-lived access token, listing the
 * advertisers a token may act for, and revoking a token. App credentials travel in the JSON body (or the query
 * for the GET), never in a header.
 */
@RestController
class OAuthApiController implements TikTokApi {

    record TokenData(@JsonProperty("access_token") String accessToken,
                     @JsonProperty("advertiser_ids") List<String> advertiserIds, List<Integer> scope) {

        @Override
        public String toString() {
            return "TokenData[accessToken=***, advertiserIds=" + advertiserIds + ", scope=" + scope + "]";
        }
    }

    record AuthorizedAdvertiser(@JsonProperty("advertiser_id") String advertiserId,
                                @JsonProperty("advertiser_name") String advertiserName) {
    }

    private final AppCredentials app;
    private final AuthorizationCodes codes;
    private final AccessTokens tokens;
    private final JsonParams json;
    private final Catalog catalog;

    OAuthApiController(AppCredentials app, AuthorizationCodes codes, AccessTokens tokens, JsonParams json, Catalog catalog) {
        this.app = app;
        this.codes = codes;
        this.tokens = tokens;
        this.json = json;
        this.catalog = catalog;
    }

    @PostMapping(BASE + "/oauth2/access_token/")
    Mono<Envelope> accessToken(@RequestBody(required = false) String body, ServerWebExchange exchange) {
        return Mono.fromSupplier(() -> {
            JsonNode request = json.body(body);
            String appId = field(request, "app_id");
            CallingApp.set(exchange, appId);
            app.require(appId, field(request, "secret"));
            Grant grant = codes.redeem(appId, field(request, "auth_code"));
            return Envelope.ok(RequestIds.of(exchange),
                    new TokenData(tokens.issue(grant), grant.advertiserIds(), grant.scope()));
        });
    }

    @GetMapping(BASE + "/oauth2/advertiser/get/")
    Mono<Envelope> advertisers(@RequestParam(name = "app_id", required = false) String appId,
                               @RequestParam(required = false) String secret,
                               @RequestHeader(name = AccessTokens.HEADER, required = false) String token,
                               ServerWebExchange exchange) {
        return Mono.fromSupplier(() -> {
            app.require(JsonParams.required("app_id", appId), JsonParams.required("secret", secret));
            Grant grant = tokens.require(token);
            if (!grant.appId().equals(appId)) {
                throw new ApiException(ApiError.INVALID_ACCESS_TOKEN);
            }
            List<AuthorizedAdvertiser> list = grant.advertiserIds().stream()
                    .map(id -> new AuthorizedAdvertiser(id, catalog.advertiser(id).map(Advertiser::name).orElse(id)))
                    .toList();
            return Envelope.ok(RequestIds.of(exchange), Map.of("list", list));
        });
    }

    @PostMapping(BASE + "/oauth2/revoke_token/")
    Mono<Envelope> revoke(@RequestBody(required = false) String body, ServerWebExchange exchange) {
        return Mono.fromSupplier(() -> {
            JsonNode request = json.body(body);
            String appId = field(request, "app_id");
            CallingApp.set(exchange, appId);
            app.require(appId, field(request, "secret"));
            tokens.revoke(appId, field(request, "access_token"));
            return Envelope.ok(RequestIds.of(exchange), Map.of());
        });
    }

    private static String field(JsonNode request, String name) {
        return JsonParams.text(request, name)
                .orElseThrow(() -> ApiException.param(name, "Missing data for required field."));
    }
}
