package io.adpulse.sandbox.entity;

import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import io.adpulse.sandbox.api.ApiError;
import io.adpulse.sandbox.api.ApiException;
import io.adpulse.sandbox.api.Envelope;
import io.adpulse.sandbox.api.JsonParams;
import io.adpulse.sandbox.api.RequestIds;
import io.adpulse.sandbox.api.TikTokApi;
import io.adpulse.sandbox.catalog.Catalog;
import io.adpulse.sandbox.oauth.AccessTokens;
import io.adpulse.sandbox.oauth.Grant;
import reactor.core.publisher.Mono;

/**
 * {@code advertiser/info/}: account details for up to 100 advertisers the token may act for, unpaged. The
 * {@code display_timezone} (IANA) is the zone report dates are in; {@code timezone} is TikTok's fixed-offset name.
 */
@RestController
class AdvertiserInfoController implements TikTokApi {

    /** TikTok's limit on ids per call. */
    static final int MAX_IDS = 100;

    private final AccessTokens tokens;
    private final JsonParams json;
    private final Catalog catalog;

    AdvertiserInfoController(AccessTokens tokens, JsonParams json, Catalog catalog) {
        this.tokens = tokens;
        this.json = json;
        this.catalog = catalog;
    }

    @GetMapping(BASE + "/advertiser/info/")
    Mono<Envelope> info(@RequestHeader(name = AccessTokens.HEADER, required = false) String token,
                        @RequestParam(name = "advertiser_ids", required = false) String advertiserIds,
                        @RequestParam(required = false) String fields, ServerWebExchange exchange) {
        return Mono.fromSupplier(() -> {
            Grant grant = tokens.require(token);
            List<String> ids = json.ids("advertiser_ids", advertiserIds)
                    .orElseThrow(() -> ApiException.param("advertiser_ids", "Missing data for required field."));
            if (ids.isEmpty()) {
                throw ApiException.param("advertiser_ids", "Shorter than minimum length 1.");
            }
            if (ids.size() > MAX_IDS) {
                throw new ApiException(ApiError.ID_LIMIT_EXCEEDED,
                        "advertiser_ids: Too many ids, at most " + MAX_IDS + " advertiser ids are allowed per request.");
            }
            ids.forEach(grant::requireAdvertiser);
            List<String> selected = json.strings("fields", fields).orElse(List.of());
            List<Map<String, Object>> list = ids.stream().distinct()
                    .map(id -> EntityViews.select(EntityViews.advertiser(catalog.advertiser(id).orElseThrow()), selected))
                    .toList();
            return Envelope.ok(RequestIds.of(exchange), Map.of("list", list));
        });
    }
}
