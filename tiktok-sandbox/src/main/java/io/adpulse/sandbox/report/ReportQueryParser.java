package io.adpulse.sandbox.report;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import io.adpulse.sandbox.api.ApiError;
import io.adpulse.sandbox.api.ApiException;
import io.adpulse.sandbox.api.JsonParams;
import io.adpulse.sandbox.api.Paging;
import io.adpulse.sandbox.catalog.Advertiser;
import io.adpulse.sandbox.catalog.Catalog;
import io.adpulse.sandbox.catalog.EntityLevel;
import io.adpulse.sandbox.oauth.Grant;
import tools.jackson.databind.JsonNode;

/**
 * Validates the parameters of {@code report/integrated/get/} the way TikTok does, answering 40002 with the
 * parameter named: BASIC reports at the four auction levels; {@code dimensions} exactly the level's id plus at
 * most one time dimension; known metrics only; {@code start_date}/{@code end_date} as local dates within the
 * granularity's span limit (or {@code query_lifetime=true} without a time dimension); {@code filtering} as TikTok's
 * list of {@code {field_name, filter_type, filter_value}} on entity ids. One advertiser ({@code advertiser_id}) or
 * several of the token's ({@code advertiser_ids}, see {@link #advertisers}).
 */
@Component
class ReportQueryParser {

    /** Status filters the sandbox accepts but need not apply: its reports always cover every status. */
    private static final Set<String> IGNORED_FILTERS = Set.of("campaign_status", "adgroup_status", "ad_status",
            "campaign_primary_status", "adgroup_primary_status", "ad_primary_status");
    private static final Map<String, EntityLevel> ID_FILTERS = Map.of("campaign_ids", EntityLevel.CAMPAIGN,
            "adgroup_ids", EntityLevel.ADGROUP, "ad_ids", EntityLevel.AD);

    /**
     * The most advertisers one report may list in {@code advertiser_ids}: 5, per TikTok's documentation of
     * {@code report/integrated/get/} (seen in a third-party SDK's copy of it, bububa/tiktok-business; UNSURE, not in
     * ../shared/tiktok-api.md).
     */
    static final int MAX_ADVERTISERS = 5;

    private final JsonParams json;
    private final Catalog catalog;

    ReportQueryParser(JsonParams json, Catalog catalog) {
        this.json = json;
        this.catalog = catalog;
    }

    ReportQuery parse(Map<String, String> query, Grant grant) {
        boolean multi = query.get("advertiser_ids") != null;
        List<Advertiser> advertisers = advertisers(query, grant);
        if (!"BASIC".equals(JsonParams.required("report_type", query.get("report_type")))) {
            throw ApiException.param("report_type", "Only BASIC reports are supported by the sandbox.");
        }
        String serviceType = query.get("service_type");
        if (serviceType != null && !serviceType.isBlank() && !"AUCTION".equals(serviceType)) {
            throw ApiException.param("service_type", "Only AUCTION is supported by the sandbox.");
        }
        EntityLevel level = EntityLevel.ofDataLevel(JsonParams.required("data_level", query.get("data_level")))
                .orElseThrow(() -> ApiException.param("data_level", "Must be one of: " + Arrays.stream(EntityLevel.values())
                        .map(EntityLevel::dataLevel).collect(Collectors.joining(", ")) + "."));
        boolean lifetime = "true".equals(query.get("query_lifetime")) || "true".equals(query.get("lifetime"));
        Granularity granularity = granularity(level, json.strings("dimensions", query.get("dimensions"))
                .orElseThrow(() -> ApiException.param("dimensions", "Missing data for required field.")), lifetime);
        List<ReportMetric> metrics = metrics(json.strings("metrics", query.get("metrics"))
                .orElseThrow(() -> ApiException.param("metrics", "Missing data for required field.")));
        LocalDate start = lifetime ? null : date("start_date", query.get("start_date"));
        LocalDate end = lifetime ? null : date("end_date", query.get("end_date"));
        if (!lifetime) {
            checkSpan(start, end, granularity);
        }
        boolean totals = "true".equals(query.get("enable_total_metrics"));
        if (multi && totals) {
            throw ApiException.param("enable_total_metrics", "Totals over several advertisers (advertiser_ids) are not "
                    + "supported by the sandbox.");
        }
        return new ReportQuery(advertisers, multi, multi && "true".equals(query.get("multi_adv_report_in_utc_time")),
                level, granularity, metrics, start, end, filters(json.parse("filtering", query.get("filtering"))),
                Paging.parse(query.get("page"), query.get("page_size")), totals);
    }

    /**
     * The advertisers asked for: {@code advertiser_ids} (a JSON array of 1 to {@link #MAX_ADVERTISERS} ids, all of
     * them authorised for the token, 40011 for more, 40001 naming the first one the token may not read) or else
     * {@code advertiser_id}. TikTok's documentation says {@code advertiser_id} is ignored when both are given, and so
     * it is here.
     */
    private List<Advertiser> advertisers(Map<String, String> query, Grant grant) {
        String many = query.get("advertiser_ids");
        if (many == null) {
            String advertiserId = JsonParams.required("advertiser_id", query.get("advertiser_id"));
            grant.requireAdvertiser(advertiserId);
            return List.of(catalog.advertiser(advertiserId).orElseThrow());
        }
        List<String> ids = json.ids("advertiser_ids", many)
                .orElseThrow(() -> ApiException.param("advertiser_ids", "Missing data for required field.")).stream().distinct().toList();
        if (ids.isEmpty()) {
            throw ApiException.param("advertiser_ids", "Shorter than minimum length 1.");
        }
        if (ids.size() > MAX_ADVERTISERS) {
            throw new ApiException(ApiError.ID_LIMIT_EXCEEDED, "advertiser_ids: Too many ids, at most "
                    + MAX_ADVERTISERS + " advertiser ids are allowed per report request.");
        }
        ids.forEach(grant::requireAdvertiser);
        return ids.stream().map(id -> catalog.advertiser(id).orElseThrow()).toList();
    }

    private static Granularity granularity(EntityLevel level, List<String> dimensions, boolean lifetime) {
        List<String> rest = new ArrayList<>(dimensions);
        boolean hasId = rest.remove(level.idDimension());
        Granularity granularity = Granularity.TOTAL;
        if (rest.size() == 1 && !lifetime) {
            granularity = Arrays.stream(Granularity.values())
                    .filter(g -> g.dimension() != null && g.dimension().equals(rest.get(0))).findFirst().orElse(null);
        } else if (!rest.isEmpty()) {
            granularity = null;
        }
        if (!hasId || granularity == null) {
            throw ApiException.param("dimensions", "For data_level " + level.dataLevel() + " use [\"" + level.idDimension()
                    + "\"] plus " + (lifetime ? "no time dimension (query_lifetime)." : "at most one of stat_time_day, stat_time_hour."));
        }
        return granularity;
    }

    private static List<ReportMetric> metrics(List<String> names) {
        if (names.isEmpty()) {
            throw ApiException.param("metrics", "Shorter than minimum length 1.");
        }
        List<String> unknown = names.stream().filter(name -> ReportMetric.of(name).isEmpty()).toList();
        if (!unknown.isEmpty()) {
            throw ApiException.param("metrics", "Invalid metric(s): " + String.join(", ", unknown)
                    + ". Supported metrics: " + ReportMetric.supported() + ".");
        }
        return names.stream().distinct().map(name -> ReportMetric.of(name).orElseThrow()).toList();
    }

    private static LocalDate date(String name, String raw) {
        try {
            return LocalDate.parse(JsonParams.required(name, raw));
        } catch (DateTimeParseException malformed) {
            throw ApiException.param(name, "Not a valid date, expected YYYY-MM-DD.");
        }
    }

    private static void checkSpan(LocalDate start, LocalDate end, Granularity granularity) {
        if (end.isBefore(start)) {
            throw ApiException.param("end_date", "end_date must be later than or equal to start_date.");
        }
        long days = ChronoUnit.DAYS.between(start, end) + 1;
        if (granularity == Granularity.HOUR && days != 1) {
            throw ApiException.param("start_date", "When stat_time_hour is a dimension, start_date and end_date "
                    + "must be the same day.");
        }
        if (days > granularity.maxDays()) {
            throw ApiException.param("end_date", "The time span between start_date and end_date is too long: at most "
                    + granularity.maxDays() + " days are allowed" + (granularity == Granularity.DAY
                    ? " when stat_time_day is a dimension." : " without a time dimension."));
        }
    }

    private Map<EntityLevel, Set<String>> filters(Optional<JsonNode> filtering) {
        Map<EntityLevel, Set<String>> filters = new EnumMap<>(EntityLevel.class);
        if (filtering.isEmpty()) {
            return filters;
        }
        if (!filtering.get().isArray()) {
            throw ApiException.param("filtering", "Not a valid list of {field_name, filter_type, filter_value}.");
        }
        for (JsonNode filter : filtering.get().values()) {
            if (!filter.isObject()) {
                throw ApiException.param("filtering", "Not a valid list of {field_name, filter_type, filter_value}.");
            }
            String field = JsonParams.text(filter, "field_name")
                    .orElseThrow(() -> ApiException.param("filtering", "field_name is required."));
            if (IGNORED_FILTERS.contains(field)) {
                continue;
            }
            EntityLevel level = Optional.ofNullable(ID_FILTERS.get(field))
                    .orElseThrow(() -> ApiException.param("filtering", "field_name " + field + " is not supported."));
            if (!"IN".equals(JsonParams.text(filter, "filter_type").orElse("IN"))) {
                throw ApiException.param("filtering", "filter_type of " + field + " must be IN.");
            }
            filters.merge(level, new HashSet<>(values(field, filter.get("filter_value"))), (a, b) -> {
                a.retainAll(b);
                return a;
            });
        }
        return filters;
    }

    /** TikTok sends {@code filter_value} as a JSON-encoded string; a plain array is accepted too. */
    private List<String> values(String field, JsonNode value) {
        if (value != null && value.isString()) {
            return json.ids("filtering." + field, value.asString()).orElse(List.of());
        }
        if (value == null || value.isNull()) {
            throw ApiException.param("filtering", "filter_value of " + field + " is required.");
        }
        return JsonParams.strings("filtering." + field, value, true);
    }
}
