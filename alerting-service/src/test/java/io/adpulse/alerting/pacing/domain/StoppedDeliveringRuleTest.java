package io.adpulse.alerting.pacing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.adpulse.alerting.alert.domain.AlertCandidate;
import io.adpulse.alerting.alert.domain.Evaluation;
import io.adpulse.alerting.alert.domain.Severity;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoppedDeliveringRuleTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-11-20");
    /** 09:00 in Los Angeles. */
    private static final Instant NINE_AM = Instant.parse("2026-11-20T17:00:00Z");

    private final StoppedDeliveringRule rule = new StoppedDeliveringRule(StoppedDeliveringRule.Settings.defaults());

    @Test
    void anEnabledCampaignQuietForThreeHoursRaisesACriticalAlertWithItsConnection() {
        Evaluation evaluation = rule.evaluate(campaign("ENABLE", "America/Los_Angeles"), delivered(TODAY, 5), null,
                null, NINE_AM);

        AlertCandidate alert = evaluation.active().get(0);
        assertThat(alert.rule()).isEqualTo("campaign-stopped-delivering");
        assertThat(alert.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(alert.summary()).isEqualTo("Campaign Winter Boots Prospecting is enabled but has not delivered since "
                + "2026-11-20 06:00 America/Los_Angeles (3 h without spend or impressions)");
        assertThat(alert.labels()).containsExactlyInAnyOrderEntriesOf(Map.of("advertiser_id", "7002238017842757633",
                "campaign_id", "1800000000000000001", "campaign_name", "Winter Boots Prospecting",
                "since", "2026-11-20T14:00:00Z", "time_zone", "America/Los_Angeles", "connection_id", "conn-1"));
        assertThat(rule.evaluate(campaign("ENABLE", "America/Los_Angeles"), delivered(TODAY, 5), null, null,
                NINE_AM.plusSeconds(5400)).active().get(0).fingerprint()).isEqualTo(alert.fingerprint());
    }

    @Test
    void recentDeliveryIsFineAndANewStopIsANewAlert() {
        Evaluation recent = rule.evaluate(campaign("ENABLE", "America/Los_Angeles"), delivered(TODAY, 6), null, null,
                NINE_AM.minusSeconds(60));
        String first = rule.evaluate(campaign("ENABLE", "America/Los_Angeles"), delivered(TODAY, 5), null, null,
                NINE_AM).active()
                .get(0).fingerprint();
        String second = rule.evaluate(campaign("ENABLE", "America/Los_Angeles"), delivered(TODAY, 9), null, null,
                NINE_AM.plusSeconds(6 * 3600)).active().get(0).fingerprint();

        assertThat(recent.active()).isEmpty();
        assertThat(recent.resolution().apply(Map.of())).isEqualTo("Campaign Winter Boots Prospecting delivers again: "
                + "its latest hour with delivery ended at 2026-11-20 07:00 America/Los_Angeles");
        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void disabledOrLongQuietCampaignsOrCampaignsThatNeverDeliveredAreNotJudged() {
        Evaluation disabled = rule.evaluate(campaign("DISABLE", "America/Los_Angeles"), delivered(TODAY, 5), null,
                null, NINE_AM);
        Evaluation longQuiet = rule.evaluate(campaign("ENABLE", "America/Los_Angeles"),
                delivered(TODAY.minusDays(3), 5), null, null, NINE_AM);

        assertThat(disabled.active()).isEmpty();
        assertThat(disabled.resolution().apply(Map.of())).isEqualTo("Campaign Winter Boots Prospecting is no longer "
                + "enabled (status DISABLE); it is not expected to deliver");
        assertThat(longQuiet.active()).isEmpty();
        assertThat(longQuiet.resolution().apply(Map.of())).isEqualTo("Campaign Winter Boots Prospecting has not "
                + "delivered since 2026-11-17 06:00 America/Los_Angeles, longer than 48 h; it is no longer watched");
        assertThat(rule.evaluate(campaign("ENABLE", "America/Los_Angeles"), null, null, null, NINE_AM).active()).isEmpty();
    }

    @Test
    void quietTimeIsCountedFromTheAdvertisersLocalHour() {
        // the last hour of 2026-11-20 in Tokyo ended at 15:00 UTC
        AlertCandidate alert = rule.evaluate(campaign("ENABLE", "Asia/Tokyo"), delivered(TODAY, 23), null, null,
                Instant.parse("2026-11-20T18:30:00Z")).active().get(0);

        assertThat(alert.labels()).containsEntry("since", "2026-11-20T15:00:00Z");
        assertThat(alert.summary()).endsWith("since 2026-11-21 00:00 Asia/Tokyo (3 h 30 min without spend or "
                + "impressions)");
    }

    @Test
    void aCampaignThatSpentItsDailyBudgetIsExpectedToStopUntilTheNextLocalDay() {
        PacedCampaign campaign = campaign("ENABLE", "America/Los_Angeles");
        DailySpend spentToday = new DailySpend("7002238017842757633", "1800000000000000001", TODAY,
                new BigDecimal("143.00"), "USD", NINE_AM);
        DailySpend spentYesterday = new DailySpend("7002238017842757633", "1800000000000000001", TODAY.minusDays(1),
                new BigDecimal("150.00"), "USD", NINE_AM);
        DailySpend halfYesterday = new DailySpend("7002238017842757633", "1800000000000000001", TODAY.minusDays(1),
                new BigDecimal("75.00"), "USD", NINE_AM);

        Evaluation exhausted = rule.evaluate(campaign, delivered(TODAY, 5), spentToday, null, NINE_AM);
        // stopped at 21:00 yesterday with the budget spent: quiet from midnight, so 9 hours by 09:00
        AlertCandidate afterMidnight = rule.evaluate(campaign, delivered(TODAY.minusDays(1), 20), spentYesterday, null,
                NINE_AM).active().get(0);
        AlertCandidate notExhausted = rule.evaluate(campaign, delivered(TODAY.minusDays(1), 20), halfYesterday, null,
                NINE_AM).active().get(0);
        Evaluation earlyMorning = rule.evaluate(campaign, delivered(TODAY.minusDays(1), 20), spentYesterday, null,
                Instant.parse("2026-11-20T09:30:00Z"));

        assertThat(exhausted.active()).isEmpty();
        assertThat(exhausted.resolution().apply(Map.of())).isEqualTo("Campaign Winter Boots Prospecting is not "
                + "expected to deliver: it has spent 143.00 USD of its 150.00 USD daily budget today");
        assertThat(afterMidnight.labels()).containsEntry("since", "2026-11-20T08:00:00Z");
        assertThat(afterMidnight.summary()).contains("since 2026-11-20 00:00 America/Los_Angeles (9 h without");
        assertThat(notExhausted.labels()).containsEntry("since", "2026-11-20T05:00:00Z");
        assertThat(earlyMorning.active()).isEmpty();
    }

    @Test
    void aCampaignWhoseAdGroupSchedulesEndedIsNotExpectedToDeliver() {
        Evaluation ended = rule.evaluate(campaign("ENABLE", "America/Los_Angeles"), delivered(TODAY, 5), null,
                Instant.parse("2026-11-20T14:00:00Z"), NINE_AM);

        assertThat(ended.active()).isEmpty();
        assertThat(ended.resolution().apply(Map.of())).isEqualTo("Campaign Winter Boots Prospecting is not expected to "
                + "deliver: the schedules of its ad groups ended at 2026-11-20 06:00 America/Los_Angeles");
    }

    private static PacedCampaign campaign(String status, String timeZone) {
        return new PacedCampaign("7002238017842757633", "1800000000000000001", "Winter Boots Prospecting", status, false,
                new BigDecimal("150.00"), "USD", "BUDGET_MODE_DAY", timeZone, "USD");
    }

    private static HourlyDelivery delivered(LocalDate date, int hour) {
        return new HourlyDelivery(date, hour, new BigDecimal("12.00"), new BigDecimal("3400"), "USD", NINE_AM, "conn-1");
    }
}
