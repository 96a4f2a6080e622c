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

class DailyBudgetPacingRuleTest {

    private static final Instant NINE_AM = Instant.parse("2026-11-20T17:00:00Z");
    private static final LocalDate TODAY = LocalDate.parse("2026-11-20");

    private final DailyBudgetPacingRule rule = new DailyBudgetPacingRule(PacingSettings.defaults());

    @Test
    void campaignAheadOfPaceRaisesOneWarningWithPlainWordsAndLabels() {
        Evaluation evaluation = rule.evaluate(campaign(), spend(TODAY, "142.10"), NINE_AM);

        assertThat(evaluation.active()).hasSize(1);
        AlertCandidate alert = evaluation.active().get(0);
        assertThat(alert.rule()).isEqualTo("daily-budget-pacing");
        assertThat(alert.severity()).isEqualTo(Severity.WARNING);
        assertThat(alert.summary()).isEqualTo("Campaign Winter Boots Prospecting has spent 142.10 USD of its 150.00 USD "
                + "daily budget at 09:00 America/Los_Angeles; expected 56.25 by now; pacing ahead (on pace up to 65.04; "
                + "at this rate it would spend 378.93 by the end of the day)");
        assertThat(alert.labels()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "advertiser_id", "7002238017842757633",
                "campaign_id", "1800000000000000001",
                "campaign_name", "Winter Boots Prospecting",
                "condition", "PACING_AHEAD",
                "local_date", "2026-11-20",
                "time_zone", "America/Los_Angeles",
                "currency", "USD"));
    }

    @Test
    void overspendIsCriticalAndSaysByHowMuch() {
        AlertCandidate alert = rule.evaluate(campaign(), spend(TODAY, "162.00"), NINE_AM).active().get(0);

        assertThat(alert.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(alert.labels()).containsEntry("condition", "OVERSPEND");
        assertThat(alert.summary()).endsWith("; over budget by 12.00 USD");
    }

    @Test
    void sameConditionOnTheSameDayKeepsItsFingerprintWhateverTheSpend() {
        String first = rule.evaluate(campaign(), spend(TODAY, "142.10"), NINE_AM).active().get(0).fingerprint();
        String later = rule.evaluate(campaign(), spend(TODAY, "149.00"), NINE_AM.plusSeconds(600)).active().get(0)
                .fingerprint();

        assertThat(later).isEqualTo(first).hasSize(32);
    }

    @Test
    void anotherConditionOrAnotherDayIsAnotherAlert() {
        String ahead = rule.evaluate(campaign(), spend(TODAY, "142.10"), NINE_AM).active().get(0).fingerprint();
        String over = rule.evaluate(campaign(), spend(TODAY, "160.00"), NINE_AM).active().get(0).fingerprint();
        String tomorrow = rule.evaluate(campaign(), spend(TODAY.plusDays(1), "142.10"), NINE_AM.plusSeconds(86_400))
                .active().get(0).fingerprint();

        assertThat(ahead).isNotEqualTo(over).isNotEqualTo(tomorrow);
    }

    @Test
    void onPaceSpendRaisesNothingAndExplainsTheResolution() {
        Evaluation evaluation = rule.evaluate(campaign(), spend(TODAY, "60.00"), NINE_AM);

        assertThat(evaluation.active()).isEmpty();
        assertThat(evaluation.resolution().apply(labels(TODAY))).isEqualTo("Campaign Winter Boots Prospecting is back "
                + "on pace. Campaign Winter Boots Prospecting has spent 60.00 USD of its 150.00 USD daily budget at "
                + "09:00 America/Los_Angeles; expected 56.25 by now");
    }

    @Test
    void alertsOfAnEndedLocalDayResolveSayingSo() {
        Evaluation nextMorning = rule.evaluate(campaign(), null, NINE_AM.plusSeconds(86_400));

        assertThat(nextMorning.active()).isEmpty();
        assertThat(nextMorning.resolution().apply(labels(TODAY)))
                .isEqualTo("The local day 2026-11-20 (America/Los_Angeles) ended for campaign Winter Boots Prospecting");
    }

    @Test
    void spendNotReportedYetIsNotTakenAsZero() {
        assertThat(rule.evaluate(campaign(), null, NINE_AM).active()).isEmpty();
    }

    @Test
    void campaignsWithoutADailyBudgetOrDeletedOrWithoutTimeZoneAreNotPaced() {
        PacedCampaign total = new PacedCampaign("a", "c", "n", "ENABLE", false, new BigDecimal("150"), "USD",
                "BUDGET_MODE_TOTAL", "America/Los_Angeles", "USD");
        PacedCampaign deleted = new PacedCampaign("a", "c", "n", "DELETE", true, new BigDecimal("150"), "USD",
                "BUDGET_MODE_DAY", "America/Los_Angeles", "USD");
        PacedCampaign noBudget = new PacedCampaign("a", "c", "n", "ENABLE", false, null, null,
                "BUDGET_MODE_DAY", "America/Los_Angeles", "USD");
        PacedCampaign noZone = new PacedCampaign("a", "c", "n", "ENABLE", false, new BigDecimal("150"), "USD",
                "BUDGET_MODE_DAY", null, null);

        for (PacedCampaign campaign : new PacedCampaign[] {total, deleted, noBudget, noZone}) {
            assertThat(rule.localDay(campaign, NINE_AM)).isEmpty();
            assertThat(rule.evaluate(campaign, spend(TODAY, "500"), NINE_AM).active()).isEmpty();
        }
        assertThat(rule.evaluate(deleted, null, NINE_AM).resolution().apply(labels(TODAY)))
                .isEqualTo("Campaign n is no longer paced: it is deleted");
    }

    @Test
    void spendInAnotherCurrencyThanTheBudgetIsNotCompared() {
        DailySpend euros = new DailySpend("7002238017842757633", "1800000000000000001", TODAY, new BigDecimal("149"),
                "EUR", NINE_AM);

        assertThat(rule.evaluate(campaign(), euros, NINE_AM).active()).isEmpty();
    }

    @Test
    void onASpringForwardDayNineAmIsEightOfTwentyThreeHoursThrough() {
        Instant nineAm = Instant.parse("2026-03-08T16:00:00Z");
        PacedCampaign campaign = campaign("230.00", "America/Los_Angeles");
        LocalDate dstDay = LocalDate.parse("2026-03-08");

        Evaluation onPace = rule.evaluate(campaign, spend(dstDay, "84.00"), nineAm);
        Evaluation behind = rule.evaluate(campaign, spend(dstDay, "60.00"), nineAm);

        assertThat(onPace.active()).isEmpty();
        assertThat(onPace.resolution().apply(labels(dstDay))).endsWith("daily budget at 09:00 America/Los_Angeles; "
                + "expected 80.00 by now");
        assertThat(behind.active()).singleElement().satisfies(alert -> {
            assertThat(alert.labels()).containsEntry("condition", "PACING_BEHIND").containsEntry("local_date", "2026-03-08");
            assertThat(alert.summary()).contains("expected 80.00 by now");
        });
    }

    @Test
    void onAFallBackDayNineAmIsTenOfTwentyFiveHoursThrough() {
        Instant nineAm = Instant.parse("2026-11-01T17:00:00Z");
        LocalDate dstDay = LocalDate.parse("2026-11-01");

        AlertCandidate alert = rule.evaluate(campaign("250.00", "America/Los_Angeles"), spend(dstDay, "150.00"), nineAm)
                .active().get(0);

        assertThat(alert.labels()).containsEntry("condition", "PACING_AHEAD");
        assertThat(alert.summary()).contains("at 09:00 America/Los_Angeles; expected 100.00 by now");
    }

    @Test
    void theLocalDayTurnsAtTheAdvertisersMidnightNotAtUtcMidnight() {
        PacedCampaign tokyo = campaign("150.00", "Asia/Tokyo");
        LocalDate friday = LocalDate.parse("2026-11-20");
        Instant lastMinute = Instant.parse("2026-11-20T14:59:00Z");
        Instant midnight = Instant.parse("2026-11-20T15:00:00Z");

        AlertCandidate overspent = rule.evaluate(tokyo, spend(friday, "151.00"), lastMinute).active().get(0);
        Evaluation nextDay = rule.evaluate(tokyo, spend(friday, "151.00"), midnight);

        assertThat(overspent.labels()).containsEntry("local_date", "2026-11-20").containsEntry("time_zone", "Asia/Tokyo");
        assertThat(overspent.summary()).contains("at 23:59 Asia/Tokyo");
        assertThat(nextDay.active()).isEmpty();
        assertThat(nextDay.resolution().apply(overspent.labels()))
                .isEqualTo("The local day 2026-11-20 (Asia/Tokyo) ended for campaign Winter Boots Prospecting");
        assertThat(rule.localDay(tokyo, midnight)).map(DayProgress::localDate).contains(LocalDate.parse("2026-11-21"));
        // at the same instant it is still Friday morning in Los Angeles
        assertThat(rule.localDay(campaign(), midnight)).map(DayProgress::localDate).contains(friday);
    }

    @Test
    void amountsUseTheCurrencysMinorUnit() {
        assertThat(DailyBudgetPacingRule.money(new BigDecimal("56.255"), "USD")).isEqualTo("56.26");
        assertThat(DailyBudgetPacingRule.money(new BigDecimal("5625.5"), "JPY")).isEqualTo("5626");
    }

    private static PacedCampaign campaign() {
        return new PacedCampaign("7002238017842757633", "1800000000000000001", "Winter Boots Prospecting", "ENABLE",
                false, new BigDecimal("150.00"), "USD", "BUDGET_MODE_DAY", "America/Los_Angeles", "USD");
    }

    private static PacedCampaign campaign(String budget, String timeZone) {
        return new PacedCampaign("7002238017842757633", "1800000000000000001", "Winter Boots Prospecting", "ENABLE",
                false, new BigDecimal(budget), "USD", "BUDGET_MODE_DAY", timeZone, "USD");
    }

    private static DailySpend spend(LocalDate date, String amount) {
        return new DailySpend("7002238017842757633", "1800000000000000001", date, new BigDecimal(amount), "USD",
                NINE_AM);
    }

    private static Map<String, String> labels(LocalDate date) {
        return Map.of("advertiser_id", "7002238017842757633", "campaign_id", "1800000000000000001",
                "campaign_name", "Winter Boots Prospecting", "local_date", date.toString(),
                "time_zone", "America/Los_Angeles");
    }
}
