package io.adpulse.sandbox.write;

import io.adpulse.sandbox.api.ApiError;
import io.adpulse.sandbox.api.ApiException;
import io.adpulse.sandbox.api.Envelope;
import io.adpulse.sandbox.api.JsonParams;
import io.adpulse.sandbox.api.RequestIds;
import io.adpulse.sandbox.api.TikTokApi;
import io.adpulse.sandbox.catalog.Advertiser;
import io.adpulse.sandbox.catalog.BudgetMode;
import io.adpulse.sandbox.catalog.Catalog;
import io.adpulse.sandbox.catalog.CatalogEdits;
import io.adpulse.sandbox.catalog.CatalogEdits.Switch;
import io.adpulse.sandbox.catalog.EntityLevel;
import io.adpulse.sandbox.catalog.LiveCatalog;
import io.adpulse.sandbox.catalog.Objective;
import io.adpulse.sandbox.oauth.AccessTokens;
import io.adpulse.sandbox.oauth.Grant;
import io.adpulse.sandbox.spark.SparkAuthorizations;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code campaign/create/}, {@code campaign/update/}, {@code campaign/status/update/} and the same for ad groups, plus
 * {@code ad/create/} (a creative may be a Spark Ads post, see {@link #sparkPost}) and {@code ad/status/update/}: POST
 * with a JSON body, answered in TikTok's envelope. Errors as
 * TikTok gives them: {@code 40002} naming the field for a missing or invalid one, a budget below the minimum or a
 * status change a deleted entity cannot make; {@code 40007} for an id the advertiser does not have; {@code 40011} for
 * more than 20 ids; {@code 40001}/{@code 40104}/{@code 40105} for the token. A change is listed by the next
 * {@code .../get/} call.
 */
@RestController
class WriteController implements TikTokApi {

    /** Ids per status update, as TikTok allows. */
    static final int MAX_IDS = 20;
    /**
     * Minimum budgets (campaign, ad group) by currency; others go by the USD figures. TikTok's exact minimums are not
     * in our sources (tiktok-api.md §2.4, "UNSURE"): USD 50 / 20 is the commonly quoted pair, the rest are rounded
     * conversions.
     */
    private static final Map<String, BigDecimal[]> MINIMUMS = Map.of(
            "USD", new BigDecimal[] {new BigDecimal("50"), new BigDecimal("20")},
            "GBP", new BigDecimal[] {new BigDecimal("40"), new BigDecimal("15")},
            "EUR", new BigDecimal[] {new BigDecimal("45"), new BigDecimal("18")},
            "JPY", new BigDecimal[] {new BigDecimal("7000"), new BigDecimal("2800")});
    private static final Set<String> BILLING = Set.of("CPC", "CPM", "OCPM", "CPV");
    private static final Set<String> FORMATS = Set.of("SINGLE_VIDEO", "SINGLE_IMAGE");

    private final AccessTokens tokens;
    private final JsonParams json;
    private final Catalog catalog;
    private final LiveCatalog live;
    private final Clock clock;
    private final SparkAuthorizations spark;
    private final JsonMapper mapper = JsonMapper.builder().build();

    WriteController(AccessTokens tokens, JsonParams json, Catalog catalog, LiveCatalog live, Clock clock,
                    SparkAuthorizations spark) {
        this.tokens = tokens;
        this.json = json;
        this.catalog = catalog;
        this.live = live;
        this.clock = clock;
        this.spark = spark;
    }

    @PostMapping(BASE + "/campaign/update/")
    Mono<Envelope> updateCampaign(@RequestHeader(name = AccessTokens.HEADER, required = false) String token,
                                  @RequestBody(required = false) String body, ServerWebExchange exchange) {
        return update(EntityLevel.CAMPAIGN, "campaign", token, body, exchange);
    }

    @PostMapping(BASE + "/adgroup/update/")
    Mono<Envelope> updateAdGroup(@RequestHeader(name = AccessTokens.HEADER, required = false) String token,
                                 @RequestBody(required = false) String body, ServerWebExchange exchange) {
        return update(EntityLevel.ADGROUP, "adgroup", token, body, exchange);
    }

    @PostMapping(BASE + "/campaign/status/update/")
    Mono<Envelope> campaignStatus(@RequestHeader(name = AccessTokens.HEADER, required = false) String token,
                                  @RequestBody(required = false) String body, ServerWebExchange exchange) {
        return status(EntityLevel.CAMPAIGN, "campaign", token, body, exchange);
    }

    @PostMapping(BASE + "/adgroup/status/update/")
    Mono<Envelope> adGroupStatus(@RequestHeader(name = AccessTokens.HEADER, required = false) String token,
                                 @RequestBody(required = false) String body, ServerWebExchange exchange) {
        return status(EntityLevel.ADGROUP, "adgroup", token, body, exchange);
    }

    @PostMapping(BASE + "/ad/status/update/")
    Mono<Envelope> adStatus(@RequestHeader(name = AccessTokens.HEADER, required = false) String token,
                            @RequestBody(required = false) String body, ServerWebExchange exchange) {
        return status(EntityLevel.AD, "ad", token, body, exchange);
    }

    @PostMapping(BASE + "/campaign/create/")
    Mono<Envelope> createCampaign(@RequestHeader(name = AccessTokens.HEADER, required = false) String token,
                                  @RequestBody(required = false) String body, ServerWebExchange exchange) {
        return write(token, body, exchange, (request, advertiser) -> {
            String name = required(request, "campaign_name");
            Objective objective = oneOf(request, "objective_type", Objective::valueOf, Objective.values());
            BudgetMode mode = oneOf(request, "budget_mode", BudgetMode::valueOf, BudgetMode.values());
            BigDecimal budget = budget(request, mode, minimum(advertiser, 0));
            boolean taken = catalog.campaigns(advertiser).stream().anyMatch(c -> c.name().equals(name))
                    || live.edits().created(advertiser.id(), EntityLevel.CAMPAIGN).stream()
                    .anyMatch(c -> c.name().equals(name));
            if (taken) {
                throw ApiException.param("campaign_name", "Campaign name already exists. Please try another one.");
            }
            String id = live.edits().nextId();
            live.edits().create(new CatalogEdits.Created(EntityLevel.CAMPAIGN, id, advertiser.id(), id, null, name,
                    objective, mode, budget, fields(request), clock.instant()));
            return Map.of("campaign_id", id);
        });
    }

    @PostMapping(BASE + "/adgroup/create/")
    Mono<Envelope> createAdGroup(@RequestHeader(name = AccessTokens.HEADER, required = false) String token,
                                 @RequestBody(required = false) String body, ServerWebExchange exchange) {
        return write(token, body, exchange, (request, advertiser) -> {
            LiveCatalog.Entity campaign = existing(EntityLevel.CAMPAIGN, "campaign_id", required(request, "campaign_id"),
                    advertiser);
            String name = required(request, "adgroup_name");
            BudgetMode mode = oneOf(request, "budget_mode", BudgetMode::valueOf, BudgetMode.values());
            BigDecimal budget = budget(request, mode, minimum(advertiser, 1));
            String billing = required(request, "billing_event");
            if (!BILLING.contains(billing)) {
                throw ApiException.param("billing_event", "Must be one of " + String.join(", ", BILLING.stream()
                        .sorted().toList()) + ".");
            }
            required(request, "optimization_goal");
            String schedule = required(request, "schedule_type");
            if (!schedule.equals("SCHEDULE_FROM_NOW") && !schedule.equals("SCHEDULE_START_END")) {
                throw ApiException.param("schedule_type", "Must be one of SCHEDULE_FROM_NOW, SCHEDULE_START_END.");
            }
            required(request, "schedule_start_time");
            if (schedule.equals("SCHEDULE_START_END")) {
                required(request, "schedule_end_time");
            }
            String id = live.edits().nextId();
            live.edits().create(new CatalogEdits.Created(EntityLevel.ADGROUP, id, advertiser.id(), campaign.id(), id,
                    name, campaign.objective(), mode, budget, fields(request), clock.instant()));
            return Map.of("adgroup_id", id);
        });
    }

    @PostMapping(BASE + "/ad/create/")
    Mono<Envelope> createAd(@RequestHeader(name = AccessTokens.HEADER, required = false) String token,
                            @RequestBody(required = false) String body, ServerWebExchange exchange) {
        return write(token, body, exchange, (request, advertiser) -> {
            LiveCatalog.Entity group = existing(EntityLevel.ADGROUP, "adgroup_id", required(request, "adgroup_id"),
                    advertiser);
            JsonNode creatives = request.get("creatives");
            if (creatives == null || !creatives.isArray() || creatives.isEmpty()) {
                throw ApiException.param("creatives", "Missing data for required field.");
            }
            List<Map<String, Object>> validated = new ArrayList<>();
            for (JsonNode creative : creatives.values()) {
                if (!creative.isObject()) {
                    throw ApiException.param("creatives", "Not a valid object.");
                }
                required(creative, "ad_name");
                boolean sparkAd = JsonParams.text(creative, "tiktok_item_id").isPresent();
                if (!sparkAd) {
                    required(creative, "ad_text");
                }
                String format = required(creative, "ad_format");
                if (!FORMATS.contains(format)) {
                    throw ApiException.param("ad_format", "Must be one of SINGLE_IMAGE, SINGLE_VIDEO.");
                }
                if (sparkAd) {
                    sparkPost(creative, advertiser, format);
                } else if (format.equals("SINGLE_VIDEO")) {
                    required(creative, "video_id");
                } else if (creative.get("image_ids") == null || creative.get("image_ids").isEmpty()) {
                    throw ApiException.param("image_ids", "Missing data for required field.");
                }
                validated.add(fields(creative));
            }
            List<String> ids = new ArrayList<>();
            Map<String, Object> common = fields(request);
            for (Map<String, Object> creative : validated) {
                String id = live.edits().nextId();
                Map<String, Object> fields = new LinkedHashMap<>(creative);
                if (common.containsKey("operation_status")) {
                    fields.put("operation_status", common.get("operation_status"));
                }
                live.edits().create(new CatalogEdits.Created(EntityLevel.AD, id, advertiser.id(), group.campaignId(),
                        group.id(), (String) creative.get("ad_name"), group.objective(), null, null, fields,
                        clock.instant()));
                ids.add(id);
            }
            return Map.of("ad_ids", ids);
        });
    }

    /**
     * A Spark Ad's creative: the authorized post ({@code tiktok_item_id}) and the identity it was authorized under
     * ({@code identity_type} AUTH_CODE, {@code identity_id}); no video upload, and the caption is the post's, so
     * {@code ad_text} is optional. The post must be authorized for this advertiser ({@code tt_video/authorize/}) and its
     * code still valid. UNSURE: TikTok's exact messages; TT_USER and BC_AUTH_TT identities (a TikTok account linked
     * to the ad account or Business Center) are not modelled by the sandbox.
     */
    private void sparkPost(JsonNode creative, Advertiser advertiser, String format) {
        if (!format.equals("SINGLE_VIDEO")) {
            throw ApiException.param("ad_format", "A creative with tiktok_item_id must be SINGLE_VIDEO.");
        }
        String itemId = required(creative, "tiktok_item_id");
        String type = required(creative, "identity_type");
        if (!type.equals(SparkAuthorizations.AUTH_CODE)) {
            throw ApiException.param("identity_type", "The sandbox knows only AUTH_CODE identities (posts authorized"
                    + " with tt_video/authorize/), got " + type + ".");
        }
        String identityId = required(creative, "identity_id");
        SparkAuthorizations.Authorized authorized = spark.of(advertiser.id(), itemId).orElseThrow(() ->
                ApiException.param("tiktok_item_id", "The post " + itemId + " is not authorized for advertiser "
                        + advertiser.id() + ". Authorize its Spark Ads code with tt_video/authorize/ first."));
        if (!spark.active(authorized)) {
            throw ApiException.param("tiktok_item_id", "The authorization of post " + itemId + " has expired. Ask the"
                    + " creator for a new code.");
        }
        if (!authorized.identityId().equals(identityId)) {
            throw ApiException.param("identity_id", "The post " + itemId + " was authorized under identity "
                    + authorized.identityId() + ", not " + identityId + ".");
        }
    }

    private Mono<Envelope> update(EntityLevel level, String prefix, String token, String body,
                                  ServerWebExchange exchange) {
        return write(token, body, exchange, (request, advertiser) -> {
            String idField = prefix + "_id";
            LiveCatalog.Entity entity = existing(level, idField, required(request, idField), advertiser);
            if (live.deleted(entity)) {
                throw ApiException.param(idField, "The " + prefix + " " + entity.id()
                        + " has been deleted and can no longer be modified.");
            }
            String name = JsonParams.text(request, prefix + "_name").orElse(null);
            BigDecimal budget = null;
            if (request.has("budget") && !request.get("budget").isNull()) {
                if (entity.budgetMode() == BudgetMode.BUDGET_MODE_INFINITE) {
                    throw ApiException.param("budget", "The budget cannot be set when budget_mode is "
                            + "BUDGET_MODE_INFINITE.");
                }
                budget = budget(request, entity.budgetMode(), minimum(advertiser,
                        level == EntityLevel.CAMPAIGN ? 0 : 1));
            }
            live.edits().change(entity.id(), new CatalogEdits.Edit(name, budget, null, clock.instant()));
            Map<String, Object> data = new LinkedHashMap<>();
            data.put(idField, entity.id());
            if (name != null) {
                data.put(prefix + "_name", name);
            }
            if (budget != null) {
                data.put("budget", budget);
            }
            return data;
        });
    }

    private Mono<Envelope> status(EntityLevel level, String prefix, String token, String body,
                                  ServerWebExchange exchange) {
        return write(token, body, exchange, (request, advertiser) -> {
            String idsField = prefix + "_ids";
            JsonNode idsNode = request.get(idsField);
            if (idsNode == null || idsNode.isNull()) {
                throw ApiException.param(idsField, "Missing data for required field.");
            }
            List<String> ids = JsonParams.strings(idsField, idsNode, true);
            if (ids.isEmpty()) {
                throw ApiException.param(idsField, "Shorter than minimum length 1.");
            }
            if (ids.size() > MAX_IDS) {
                throw new ApiException(ApiError.ID_LIMIT_EXCEEDED, idsField + ": at most " + MAX_IDS + " ids.");
            }
            Switch target = oneOf(request, "operation_status", Switch::valueOf, Switch.values());
            List<LiveCatalog.Entity> entities = ids.stream().map(id -> existing(level, idsField, id, advertiser))
                    .toList();
            for (LiveCatalog.Entity entity : entities) {
                if (live.deleted(entity)) {
                    throw ApiException.param("operation_status", "The " + prefix + " " + entity.id()
                            + " has been deleted; its status cannot change to " + target + ".");
                }
            }
            live.edits().changeAll(ids, edit -> new CatalogEdits.Edit(null, null, target, clock.instant()));
            Map<String, Object> data = new LinkedHashMap<>();
            data.put(idsField, ids);
            data.put("status", target.name());
            return data;
        });
    }

    /** Checks the token and the advertiser, then runs the write and wraps its data in the envelope. */
    private Mono<Envelope> write(String token, String body, ServerWebExchange exchange,
                                 java.util.function.BiFunction<JsonNode, Advertiser, Object> write) {
        return Mono.fromSupplier(() -> {
            Grant grant = tokens.require(token);
            JsonNode request = json.body(body);
            String advertiserId = required(request, "advertiser_id");
            grant.requireAdvertiser(advertiserId);
            Advertiser advertiser = catalog.advertiser(advertiserId).orElseThrow();
            return Envelope.ok(RequestIds.of(exchange), write.apply(request, advertiser));
        });
    }

    private LiveCatalog.Entity existing(EntityLevel level, String field, String id, Advertiser advertiser) {
        return live.find(id).filter(e -> e.level() == level && e.advertiserId().equals(advertiser.id()))
                .orElseThrow(() -> new ApiException(ApiError.NOT_EXIST, field + ": " + level.name().toLowerCase()
                        + " " + id + " does not exist under advertiser " + advertiser.id() + "."));
    }

    private static String required(JsonNode request, String field) {
        return JsonParams.text(request, field)
                .orElseThrow(() -> ApiException.param(field, "Missing data for required field."));
    }

    private static <E extends Enum<E>> E oneOf(JsonNode request, String field, Function<String, E> parse, E[] values) {
        String value = required(request, field);
        try {
            return parse.apply(value);
        } catch (IllegalArgumentException e) {
            throw ApiException.param(field, "Must be one of " + String.join(", ", Arrays.stream(values).map(Enum::name)
                    .toList()) + ".");
        }
    }

    private static BigDecimal budget(JsonNode request, BudgetMode mode, BigDecimal minimum) {
        JsonNode value = request.get("budget");
        if (mode == BudgetMode.BUDGET_MODE_INFINITE) {
            return BigDecimal.ZERO;
        }
        if (value == null || value.isNull()) {
            throw ApiException.param("budget", "Missing data for required field.");
        }
        BigDecimal budget;
        try {
            budget = new BigDecimal(value.asString());
        } catch (NumberFormatException e) {
            throw ApiException.param("budget", "Not a valid number.");
        }
        if (budget.compareTo(minimum) < 0) {
            throw ApiException.param("budget", "The budget must be at least " + minimum.toPlainString() + ".");
        }
        return budget;
    }

    private static BigDecimal minimum(Advertiser advertiser, int index) {
        return MINIMUMS.getOrDefault(advertiser.currency().getCurrencyCode(), MINIMUMS.get("USD"))[index];
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> fields(JsonNode node) {
        return mapper.convertValue(node, LinkedHashMap.class);
    }
}
