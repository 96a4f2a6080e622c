package io.adpulse.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import tools.jackson.databind.JsonNode;

class ReportApiTest extends SandboxIntegrationTest {

    /** The additive metrics, named as in both the report and the ground truth. */
    private static final List<String> METRICS = List.of("spend", "impressions", "clicks", "conversion",
            "complete_payment", "total_purchase_value", "video_play_actions", "likes", "comments", "shares");
    private static final String METRICS_JSON = METRICS.stream().map(m -> "\"" + m + "\"")
            .collect(Collectors.joining(",", "[", "]"));

    private String token;
    private List<JsonNode> advertisers;

    @BeforeEach
    void connect() {
        token = sandbox.token();
        advertisers = sandbox.advertisers();
    }

    @ParameterizedTest
    @ValueSource(strings = {"advertiser", "campaign", "adgroup", "ad"})
    void dailyReportsEqualGroundTruthAtEveryLevelOverTheWholeHistory(String level) {
        for (JsonNode advertiser : advertisers) {
            String id = advertiser.get("advertiser_id").asString();
            LocalDate today = today(advertiser);
            for (LocalDate end = today; end.isAfter(today.minusDays(61)); end = end.minusDays(30)) {
                LocalDate start = end.minusDays(29);
                Map<String, Map<String, String>> reported = report(id, level, "stat_time_day", start, end);
                Map<String, Map<String, String>> truth = truth(id, level, "day", start, end);

                assertThat(reported).as("%s %s %s..%s", id, level, start, end).isNotEmpty().isEqualTo(truth);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"advertiser", "campaign", "adgroup", "ad"})
    void hourlyReportsEqualGroundTruthOnTodayAndOnADaylightSavingDay(String level) {
        for (JsonNode advertiser : advertisers) {
            String id = advertiser.get("advertiser_id").asString();
            for (LocalDate day : List.of(today(advertiser), LocalDate.of(2026, 3, 8))) {
                Map<String, Map<String, String>> reported = report(id, level, "stat_time_hour", day, day);

                assertThat(reported).as("%s %s %s", id, level, day).isNotEmpty()
                        .isEqualTo(truth(id, level, "hour", day, day));
            }
        }
    }

    @Test
    void hoursAddUpToTheirDayAndCampaignsToTheirAdvertiser() {
        JsonNode us = advertisers.get(0);
        String id = us.get("advertiser_id").asString();
        LocalDate springForward = LocalDate.of(2026, 3, 8);

        Map<String, Map<String, String>> hours = report(id, "advertiser", "stat_time_hour", springForward, springForward);
        Map<String, String> day = report(id, "advertiser", "stat_time_day", springForward, springForward)
                .get(id + "@2026-03-08 00:00:00");
        Map<String, Map<String, String>> campaigns = report(id, "campaign", "stat_time_day", springForward, springForward);

        assertThat(hours).as("Los Angeles skips 02:00 on 2026-03-08").hasSize(23);
        for (String metric : List.of("spend", "impressions", "clicks", "video_play_actions")) {
            assertThat(sum(hours.values(), metric)).isEqualByComparingTo(new BigDecimal(day.get(metric)));
            assertThat(sum(campaigns.values(), metric)).isEqualByComparingTo(new BigDecimal(day.get(metric)));
        }
    }

    @Test
    void metricsAreStringsWithCurrencyDecimalsAndDashWhereTheObjectiveHasNone() {
        JsonNode us = advertisers.get(0);
        JsonNode jp = advertisers.get(2);
        LocalDate day = today(us).minusDays(1);

        JsonNode usRows = rows(us.get("advertiser_id").asString(), "campaign", "stat_time_day", day, day,
                "[\"spend\",\"conversion\",\"ctr\",\"cpc\",\"cpm\",\"reach\"]");
        JsonNode jpRows = rows(jp.get("advertiser_id").asString(), "advertiser", "stat_time_day", day, day,
                "[\"spend\"]");

        assertThat(usRows.valueStream().flatMap(row -> row.get("metrics").valueStream())).allMatch(JsonNode::isString);
        assertThat(usRows.valueStream().map(row -> row.get("metrics").get("spend").asString()))
                .allMatch(spend -> spend.matches("\\d+\\.\\d{2}"));
        assertThat(usRows.valueStream().map(row -> row.get("metrics").get("conversion").asString())).contains("-");
        assertThat(usRows.get(0).get("dimensions").get("stat_time_day").asString()).isEqualTo(day + " 00:00:00");
        assertThat(jpRows.get(0).get("metrics").get("spend").asString()).matches("\\d+");
    }

    @Test
    void dailyWindowOfMoreThanThirtyDaysIsRefused() {
        String id = advertisers.get(0).get("advertiser_id").asString();
        LocalDate end = today(advertisers.get(0));

        JsonNode thirty = call(id, "AUCTION_CAMPAIGN", "[\"campaign_id\",\"stat_time_day\"]", end.minusDays(29), end);
        JsonNode thirtyOne = call(id, "AUCTION_CAMPAIGN", "[\"campaign_id\",\"stat_time_day\"]", end.minusDays(30), end);

        assertThat(thirty.get("code").asInt()).isZero();
        assertThat(thirtyOne.get("code").asInt()).isEqualTo(40002);
        assertThat(thirtyOne.get("message").asString()).contains("30 days");
        assertThat(thirtyOne.get("data").isEmpty()).isTrue();
    }

    @Test
    void hourlyReportOverMoreThanOneDayIsRefused() {
        String id = advertisers.get(0).get("advertiser_id").asString();
        LocalDate end = today(advertisers.get(0));

        JsonNode twoDays = call(id, "AUCTION_AD", "[\"ad_id\",\"stat_time_hour\"]", end.minusDays(1), end);

        assertThat(twoDays.get("code").asInt()).isEqualTo(40002);
        assertThat(twoDays.get("message").asString()).contains("stat_time_hour");
    }

    @Test
    void unknownMetricsDimensionsAndMalformedJsonAre40002() {
        String id = advertisers.get(0).get("advertiser_id").asString();
        LocalDate day = today(advertisers.get(0));

        JsonNode badMetric = sandbox.get("report/integrated/get/", token, "advertiser_id", id, "report_type", "BASIC",
                "data_level", "AUCTION_ADVERTISER", "dimensions", "[\"advertiser_id\"]", "metrics", "[\"spendings\"]",
                "start_date", day.toString(), "end_date", day.toString());
        JsonNode badDimension = call(id, "AUCTION_CAMPAIGN", "[\"ad_id\",\"stat_time_day\"]", day, day);
        JsonNode malformed = call(id, "AUCTION_CAMPAIGN", "[campaign_id", day, day);

        assertThat(badMetric.get("code").asInt()).isEqualTo(40002);
        assertThat(badMetric.get("message").asString()).contains("spendings");
        assertThat(badDimension.get("code").asInt()).isEqualTo(40002);
        assertThat(malformed.get("code").asInt()).isEqualTo(40002);
        assertThat(malformed.get("message").asString()).contains("dimensions");
    }

    @Test
    void reportRowsArePagedAndTotalsOfferedOnRequest() {
        String id = advertisers.get(0).get("advertiser_id").asString();
        LocalDate end = today(advertisers.get(0));
        LocalDate start = end.minusDays(9);
        Map<String, Map<String, String>> all = report(id, "ad", "stat_time_day", start, end);

        JsonNode first = sandbox.get("report/integrated/get/", token, "advertiser_id", id, "report_type", "BASIC",
                "data_level", "AUCTION_AD", "dimensions", "[\"ad_id\",\"stat_time_day\"]", "metrics", "[\"spend\"]",
                "start_date", start.toString(), "end_date", end.toString(), "page_size", "7",
                "enable_total_metrics", "true").get("data");

        assertThat(first.get("list")).hasSize(7);
        assertThat(first.get("page_info").get("total_number").asInt()).isEqualTo(all.size());
        assertThat(first.get("page_info").get("total_page").asInt()).isEqualTo((all.size() + 6) / 7);
        assertThat(new BigDecimal(first.get("total_metrics").get("spend").asString()))
                .isEqualByComparingTo(sum(all.values(), "spend"));
    }

    @Test
    void totalsOfCampaignsWithoutConversionsSayDash() {
        JsonNode jp = advertisers.get(2);
        String id = jp.get("advertiser_id").asString();
        LocalDate day = today(jp).minusDays(1);
        String noConversions = sandbox.control("/sandbox/ground-truth", "level", "campaign", "advertiser_id", id,
                "start_date", day.toString(), "end_date", day.toString()).get("rows").valueStream()
                .filter(row -> row.get("conversion").isNull()).findFirst().orElseThrow().get("campaign_id").asString();

        JsonNode data = sandbox.get("report/integrated/get/", token, "advertiser_id", id, "report_type", "BASIC",
                "data_level", "AUCTION_CAMPAIGN", "dimensions", "[\"campaign_id\",\"stat_time_day\"]",
                "metrics", "[\"spend\",\"conversion\"]", "start_date", day.toString(), "end_date", day.toString(),
                "enable_total_metrics", "true", "filtering", "[{\"field_name\":\"campaign_ids\",\"filter_type\":\"IN\","
                        + "\"filter_value\":\"[\\\"" + noConversions + "\\\"]\"}]").get("data");

        assertThat(data.get("list")).hasSize(1);
        assertThat(data.get("list").get(0).get("metrics").get("conversion").asString()).isEqualTo("-");
        assertThat(data.get("total_metrics").get("conversion").asString()).isEqualTo("-");
        assertThat(data.get("total_metrics").get("spend").asString())
                .isEqualTo(data.get("list").get(0).get("metrics").get("spend").asString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"advertiser", "campaign", "adgroup", "ad"})
    void oneReportOfSeveralAdvertisersHoldsEachOnesRowsInItsOwnZoneAndCurrency(String level) {
        LocalDate end = today(advertisers.get(0)).minusDays(1);
        LocalDate start = end.minusDays(29);
        List<String> ids = advertisers.stream().map(a -> a.get("advertiser_id").asString()).toList();
        long reportCallsBefore = reportCalls();

        JsonNode answer = sandbox.get("report/integrated/get/", token, "advertiser_ids", json(ids),
                "service_type", "AUCTION", "report_type", "BASIC", "data_level", "AUCTION_" + level.toUpperCase(),
                "dimensions", "[\"" + level + "_id\",\"stat_time_day\"]", "metrics", METRICS_JSON,
                "start_date", start.toString(), "end_date", end.toString(), "page_size", "1000");

        assertThat(answer.get("code").asInt()).as(answer.toString()).isZero();
        assertThat(reportCalls()).isEqualTo(reportCallsBefore + 1);
        assertThat(answer.get("data").get("page_info").get("total_page").asInt()).isEqualTo(1);
        Map<String, Map<String, Map<String, String>>> byAdvertiser = new HashMap<>();
        for (JsonNode row : answer.get("data").get("list")) {
            JsonNode metrics = row.get("metrics");
            String advertiserId = metrics.get("advertiser_id").asString();
            JsonNode advertiser = advertisers.get(ids.indexOf(advertiserId));
            assertThat(metrics.get("currency").asString()).isEqualTo(advertiser.get("currency").asString());
            assertThat(metrics.get("timezone").asString()).isEqualTo(advertiser.get("timezone").asString());
            Map<String, String> values = new LinkedHashMap<>();
            METRICS.forEach(metric -> values.put(metric, metrics.get(metric).asString()));
            String key = row.get("dimensions").get(level + "_id").asString() + "@"
                    + row.get("dimensions").get("stat_time_day").asString();
            byAdvertiser.computeIfAbsent(advertiserId, k -> new HashMap<>()).put(key, values);
        }
        for (String id : ids) {
            assertThat(byAdvertiser.get(id)).as("%s %s", id, level).isNotEmpty()
                    .isEqualTo(report(id, level, "stat_time_day", start, end));
        }
    }

    @Test
    void hourlyReportOfSeveralAdvertisersUsesEachOnesLocalHoursUnlessAskedForUtc() {
        List<String> ids = advertisers.stream().map(a -> a.get("advertiser_id").asString()).toList();
        LocalDate day = today(advertisers.get(0)).minusDays(1);

        Map<String, Map<String, String>> local = hourly(ids, day, false);
        Map<String, Map<String, String>> utc = hourly(ids, day, true);

        for (String id : ids) {
            Map<String, Map<String, String>> single = report(id, "advertiser", "stat_time_hour", day, day);
            assertThat(local.entrySet().stream().filter(e -> e.getKey().startsWith(id + "@"))
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue))).isEqualTo(single);
        }
        // Tokyo's day is not UTC's: the same labels in UTC hold other hours' figures
        String tokyo = ids.get(2);
        assertThat(utc.keySet()).isEqualTo(local.keySet());
        assertThat(utc.get(tokyo + "@" + day + " 12:00:00")).isNotEqualTo(local.get(tokyo + "@" + day + " 12:00:00"));
    }

    @Test
    void severalAdvertisersAreRefusedTikTokStyle() {
        List<String> ids = advertisers.stream().map(a -> a.get("advertiser_id").asString()).toList();
        String onlyFirstTwo = sandbox.token(ids.get(0), ids.get(1));
        LocalDate day = today(advertisers.get(0));
        List<String> six = new java.util.ArrayList<>(ids);
        six.addAll(List.of("7000000000000000001", "7000000000000000002", "7000000000000000003"));

        JsonNode tooMany = multi(token, json(six), day);
        JsonNode notAuthorised = multi(onlyFirstTwo, json(ids), day);
        JsonNode empty = multi(token, "[]", day);
        JsonNode malformed = multi(token, "[\"" + ids.get(0), day);
        JsonNode withTotals = sandbox.get("report/integrated/get/", token, "advertiser_ids", json(ids),
                "report_type", "BASIC", "data_level", "AUCTION_ADVERTISER", "dimensions", "[\"advertiser_id\"]",
                "metrics", "[\"spend\"]", "start_date", day.toString(), "end_date", day.toString(),
                "enable_total_metrics", "true");

        assertThat(tooMany.get("code").asInt()).isEqualTo(40011);
        assertThat(tooMany.get("message").asString()).contains("at most 5");
        assertThat(notAuthorised.get("code").asInt()).isEqualTo(40001);
        assertThat(notAuthorised.get("message").asString()).contains(ids.get(2));
        assertThat(empty.get("code").asInt()).isEqualTo(40002);
        assertThat(malformed.get("code").asInt()).isEqualTo(40002);
        assertThat(malformed.get("message").asString()).contains("advertiser_ids");
        assertThat(withTotals.get("code").asInt()).isEqualTo(40002);
        assertThat(List.of(tooMany, notAuthorised, empty, malformed)).allMatch(answer -> answer.get("data").isEmpty());
    }

    @Test
    void advertiserIdIsIgnoredNextToAdvertiserIdsAsTikTokDocumentsIt() {
        List<String> ids = advertisers.stream().map(a -> a.get("advertiser_id").asString()).toList();
        String onlyFirstTwo = sandbox.token(ids.get(0), ids.get(1));
        LocalDate day = today(advertisers.get(0)).minusDays(1);

        JsonNode answer = sandbox.get("report/integrated/get/", onlyFirstTwo, "advertiser_id", ids.get(2),
                "advertiser_ids", json(ids.subList(1, 2)), "report_type", "BASIC", "data_level", "AUCTION_ADVERTISER",
                "dimensions", "[\"advertiser_id\",\"stat_time_day\"]", "metrics", "[\"spend\"]",
                "start_date", day.toString(), "end_date", day.toString());

        assertThat(answer.get("code").asInt()).as(answer.toString()).isZero();
        assertThat(answer.get("data").get("list").valueStream()
                .map(row -> row.get("dimensions").get("advertiser_id").asString())).containsOnly(ids.get(1));
    }

    private JsonNode multi(String accessToken, String advertiserIds, LocalDate day) {
        return sandbox.get("report/integrated/get/", accessToken, "advertiser_ids", advertiserIds,
                "report_type", "BASIC", "data_level", "AUCTION_CAMPAIGN", "dimensions",
                "[\"campaign_id\",\"stat_time_day\"]", "metrics", "[\"spend\"]", "start_date", day.toString(),
                "end_date", day.toString());
    }

    /** Advertiser-level hourly rows of one multi-advertiser report, keyed {@code advertiserId@hour}. */
    private Map<String, Map<String, String>> hourly(List<String> ids, LocalDate day, boolean utc) {
        JsonNode answer = sandbox.get("report/integrated/get/", token, "advertiser_ids", json(ids),
                "report_type", "BASIC", "data_level", "AUCTION_ADVERTISER",
                "dimensions", "[\"advertiser_id\",\"stat_time_hour\"]", "metrics", METRICS_JSON,
                "start_date", day.toString(), "end_date", day.toString(), "page_size", "1000",
                "multi_adv_report_in_utc_time", Boolean.toString(utc));
        assertThat(answer.get("code").asInt()).as(answer.toString()).isZero();
        Map<String, Map<String, String>> byKey = new HashMap<>();
        for (JsonNode row : answer.get("data").get("list")) {
            Map<String, String> values = new LinkedHashMap<>();
            METRICS.forEach(metric -> values.put(metric, row.get("metrics").get(metric).asString()));
            byKey.put(row.get("dimensions").get("advertiser_id").asString() + "@"
                    + row.get("dimensions").get("stat_time_hour").asString(), values);
        }
        return byKey;
    }

    private long reportCalls() {
        return sandbox.control("/sandbox/calls").get("by_path").path("/open_api/v1.3/report/integrated/get/").asLong(0);
    }

    private static String json(List<String> ids) {
        return ids.stream().map(id -> "\"" + id + "\"").collect(Collectors.joining(",", "[", "]"));
    }

    private Map<String, Map<String, String>> report(String advertiserId, String level, String time, LocalDate start,
                                                    LocalDate end) {
        String idDimension = level + "_id";
        Map<String, Map<String, String>> byKey = new HashMap<>();
        for (JsonNode row : rows(advertiserId, level, time, start, end, METRICS_JSON)) {
            JsonNode dimensions = row.get("dimensions");
            Map<String, String> metrics = new LinkedHashMap<>();
            METRICS.forEach(metric -> metrics.put(metric, row.get("metrics").get(metric).asString()));
            String previous = dimensions.get(idDimension).asString() + "@" + dimensions.get(time).asString();
            assertThat(byKey.put(previous, metrics)).as("duplicate row %s", previous).isNull();
        }
        return byKey;
    }

    private JsonNode rows(String advertiserId, String level, String time, LocalDate start, LocalDate end,
                          String metrics) {
        JsonNode answer = sandbox.get("report/integrated/get/", token, "advertiser_id", advertiserId,
                "service_type", "AUCTION", "report_type", "BASIC", "data_level", "AUCTION_" + level.toUpperCase(),
                "dimensions", "[\"" + level + "_id\",\"" + time + "\"]", "metrics", metrics,
                "start_date", start.toString(), "end_date", end.toString(), "page_size", "1000");
        assertThat(answer.get("code").asInt()).as(answer.toString()).isZero();
        JsonNode data = answer.get("data");
        assertThat(data.get("page_info").get("total_page").asInt()).isLessThanOrEqualTo(1);
        return data.get("list");
    }

    private JsonNode call(String advertiserId, String dataLevel, String dimensions, LocalDate start, LocalDate end) {
        return sandbox.get("report/integrated/get/", token, "advertiser_id", advertiserId, "report_type", "BASIC",
                "data_level", dataLevel, "dimensions", dimensions, "metrics", "[\"spend\"]",
                "start_date", start.toString(), "end_date", end.toString());
    }

    /** Ground truth keyed like {@link #report}: missing metrics become TikTok's "-". */
    private Map<String, Map<String, String>> truth(String advertiserId, String level, String granularity,
                                                   LocalDate start, LocalDate end) {
        JsonNode truth = sandbox.control("/sandbox/ground-truth", "level", level, "advertiser_id", advertiserId,
                "start_date", start.toString(), "end_date", end.toString(), "granularity", granularity);
        Map<String, Map<String, String>> byKey = new HashMap<>();
        for (JsonNode row : truth.get("rows")) {
            String time = granularity.equals("hour") ? row.get("hour").asString() : row.get("date").asString() + " 00:00:00";
            Map<String, String> metrics = new LinkedHashMap<>();
            METRICS.forEach(metric -> metrics.put(metric, row.get(metric).isNull() ? "-" : row.get(metric).asString()));
            byKey.put(row.get(level + "_id").asString() + "@" + time, metrics);
        }
        return byKey;
    }

    private static BigDecimal sum(java.util.Collection<Map<String, String>> rows, String metric) {
        return rows.stream().map(row -> new BigDecimal(row.get(metric))).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static LocalDate today(JsonNode advertiser) {
        return LocalDate.ofInstant(NOW, ZoneId.of(advertiser.get("display_timezone").asString()));
    }
}
