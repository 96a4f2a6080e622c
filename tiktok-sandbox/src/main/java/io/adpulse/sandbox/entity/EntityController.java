package io.adpulse.sandbox.entity;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import io.adpulse.sandbox.api.Envelope;
import io.adpulse.sandbox.api.JsonParams;
import io.adpulse.sandbox.api.Paging;
import io.adpulse.sandbox.api.RequestIds;
import io.adpulse.sandbox.api.TikTokApi;
import io.adpulse.sandbox.catalog.Ad;
import io.adpulse.sandbox.catalog.AdGroup;
import io.adpulse.sandbox.catalog.Advertiser;
import io.adpulse.sandbox.catalog.Campaign;
import io.adpulse.sandbox.catalog.Catalog;
import io.adpulse.sandbox.catalog.CatalogEdits;
import io.adpulse.sandbox.catalog.LiveCatalog;
import io.adpulse.sandbox.catalog.EntityLevel;
import io.adpulse.sandbox.oauth.AccessTokens;
import reactor.core.publisher.Mono;

/**
 * {@code campaign/get/}, {@code adgroup/get/} and {@code ad/get/}: one advertiser's entities, newest first, paged by
 * page number. Like TikTok there is no "modified since" filter, so clients fetch everything and compare.
 */
@RestController
class EntityController implements TikTokApi {

    private final AccessTokens tokens;
    private final JsonParams json;
    private final Catalog catalog;
    private final LiveCatalog live;

    EntityController(AccessTokens tokens, JsonParams json, Catalog catalog, LiveCatalog live) {
        this.tokens = tokens;
        this.json = json;
        this.catalog = catalog;
        this.live = live;
    }

    @GetMapping(BASE + "/campaign/get/")
    Mono<Envelope> campaigns(@RequestHeader(name = AccessTokens.HEADER, required = false) String token,
                             @RequestParam Map<String, String> query, ServerWebExchange exchange) {
        return list(EntityLevel.CAMPAIGN, token, query, exchange, advertiser -> advertiser.campaigns().stream()
                .map(c -> new Listing(c.id(), null, null, c.name(), c.objective(), c.lifecycle(), c.createTime(), c.id(),
                        EntityViews.campaign(c))));
    }

    @GetMapping(BASE + "/adgroup/get/")
    Mono<Envelope> adGroups(@RequestHeader(name = AccessTokens.HEADER, required = false) String token,
                            @RequestParam Map<String, String> query, ServerWebExchange exchange) {
        return list(EntityLevel.ADGROUP, token, query, exchange, advertiser -> advertiser.campaigns().stream()
                .flatMap(c -> c.adGroups().stream().map(g -> new Listing(c.id(), g.id(), null, g.name(), c.objective(),
                        c.lifecycle(), g.createTime(), g.id(), EntityViews.adGroup(c, g, advertiser)))));
    }

    @GetMapping(BASE + "/ad/get/")
    Mono<Envelope> ads(@RequestHeader(name = AccessTokens.HEADER, required = false) String token,
                       @RequestParam Map<String, String> query, ServerWebExchange exchange) {
        return list(EntityLevel.AD, token, query, exchange, advertiser -> advertiser.campaigns().stream()
                .flatMap(c -> c.adGroups().stream().flatMap(g -> g.ads().stream().map(ad -> listing(advertiser, c, g, ad)))));
    }

    /** A seeded entity's listing with the write endpoints' edits of it and its parents applied. */
    private Listing live(Listing listing) {
        LiveCatalog.Entity entity = live.find(listing.id()).orElseThrow();
        if (!live.touched(entity)) {
            return listing;
        }
        return new Listing(listing.campaignId(), listing.adGroupId(), listing.adId(), entity.name(),
                listing.objective(), live.lifecycle(entity), listing.createTime(), listing.id(),
                EntityViews.live(listing.view(), entity, live));
    }

    private Listing created(CatalogEdits.Created created) {
        LiveCatalog.Entity entity = live.find(created.id()).orElseThrow();
        return new Listing(created.campaignId(), created.adGroupId(),
                created.level() == EntityLevel.AD ? created.id() : null, entity.name(), created.objective(),
                live.lifecycle(entity), created.createTime(), created.id(), EntityViews.created(created, entity, live));
    }

    private static Listing listing(Advertiser advertiser, Campaign c, AdGroup g, Ad ad) {
        return new Listing(c.id(), g.id(), ad.id(), ad.name(), c.objective(), c.lifecycle(), ad.createTime(), ad.id(),
                EntityViews.ad(c, g, ad, advertiser));
    }

    private Mono<Envelope> list(EntityLevel level, String token, Map<String, String> query, ServerWebExchange exchange,
                                Function<Advertiser, Stream<Listing>> listings) {
        return Mono.fromSupplier(() -> {
            var grant = tokens.require(token);
            String advertiserId = JsonParams.required("advertiser_id", query.get("advertiser_id"));
            grant.requireAdvertiser(advertiserId);
            Advertiser advertiser = catalog.advertiser(advertiserId).orElseThrow();
            List<String> fields = json.strings("fields", query.get("fields")).orElse(List.of());
            EntityFilter filter = EntityFilter.parse(level, json.object("filtering", query.get("filtering")));
            Paging paging = Paging.parse(query.get("page"), query.get("page_size"));
            Stream<Listing> created = live.edits().created(advertiserId, level).stream().map(this::created);
            List<Map<String, Object>> rows = Stream.concat(listings.apply(advertiser).map(this::live), created)
                    .filter(filter)
                    .sorted(Comparator.comparing(Listing::createTime).reversed().thenComparing(Listing::id))
                    .map(listing -> EntityViews.select(listing.view(), fields))
                    .toList();
            return Envelope.ok(RequestIds.of(exchange), paging.of(rows));
        });
    }
}
