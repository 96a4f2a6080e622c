package io.adpulse.sandbox.control;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.adpulse.sandbox.catalog.Advertiser;
import io.adpulse.sandbox.catalog.Catalog;
import io.adpulse.sandbox.config.SandboxProperties;
import io.adpulse.sandbox.oauth.AccessTokens;
import io.adpulse.sandbox.oauth.Grant;
import reactor.core.publisher.Mono;

/**
 * Test-only view of the seeded accounts (not part of TikTok's API): {@code GET /sandbox/advertisers} lists them,
 * {@code POST /sandbox/tokens} mints an access token for the configured app without the consent-page round trip,
 * for benchmarks and tests that are not about OAuth.
 */
@RestController
class AccountsController {

    /** One seeded advertiser: ids as strings, the currency, TikTok's fixed-offset zone and the IANA display zone. */
    record AdvertiserView(@JsonProperty("advertiser_id") String advertiserId, String name, String currency,
                          String timezone, @JsonProperty("display_timezone") String displayTimezone) {

        static AdvertiserView of(Advertiser advertiser) {
            return new AdvertiserView(advertiser.id(), advertiser.name(), advertiser.currency().getCurrencyCode(),
                    advertiser.tiktokTimezone(), advertiser.zone().getId());
        }
    }

    /** Which advertisers the token may act for; all seeded ones when absent. */
    record TokenRequest(@JsonProperty("advertiser_ids") List<String> advertiserIds) {
    }

    record TokenView(@JsonProperty("access_token") String accessToken, @JsonProperty("app_id") String appId,
                     @JsonProperty("advertiser_ids") List<String> advertiserIds, List<Integer> scope) {

        @Override
        public String toString() {
            return "TokenView[accessToken=***, appId=" + appId + ", advertiserIds=" + advertiserIds + "]";
        }
    }

    private final Catalog catalog;
    private final AccessTokens tokens;
    private final SandboxProperties properties;

    AccountsController(Catalog catalog, AccessTokens tokens, SandboxProperties properties) {
        this.catalog = catalog;
        this.tokens = tokens;
        this.properties = properties;
    }

    @GetMapping("/sandbox/advertisers")
    Mono<List<AdvertiserView>> advertisers() {
        return Mono.fromSupplier(() -> catalog.advertisers().stream().map(AdvertiserView::of).toList());
    }

    @PostMapping("/sandbox/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<TokenView> mint(@RequestBody(required = false) TokenRequest request) {
        return Mono.fromSupplier(() -> {
            List<String> ids = request == null || request.advertiserIds() == null || request.advertiserIds().isEmpty()
                    ? catalog.advertisers().stream().map(Advertiser::id).toList()
                    : request.advertiserIds().stream().distinct().toList();
            List<String> unknown = ids.stream().filter(id -> catalog.advertiser(id).isEmpty()).toList();
            if (!unknown.isEmpty()) {
                throw Problems.badRequest("Unknown advertiser id(s): " + String.join(", ", unknown) + ".");
            }
            Grant grant = new Grant(properties.appId(), ids, Grant.SCOPE);
            return new TokenView(tokens.issue(grant), grant.appId(), grant.advertiserIds(), grant.scope());
        });
    }
}
