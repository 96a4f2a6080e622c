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

class LifetimeBudgetPacingRuleTest {

    private static final String LOS_ANGELES = "America/Los_Angeles";
    /** 2026-11-15 00:00 to 2026-11-25 00:00 in Los Angeles (PST throughout): 240 hours. */
    private static final Instant START = Instant.parse("2026-11-15T08:00:00Z");
    private static final Instant END = Instant.parse("2026-11-25T08:00:00Z");
    /** 09:00 on 2026-11-20 in Los Angeles: 129 of 240 hours, 53.75 % through. */
    private static final Instant NINE_AM = Instant.parse("2026-11-20T17:00:00Z");
    private static final LocalDate TODAY = LocalDate.parse("2026-11-20");

    private final LifetimeBudgetPacingRule rule = new LifetimeBudgetPacingRule(PacingSettings.defaults());

    @Test
    void adGroupAheadOfItsFlightRaisesOneWarningWithPlainWordsAndLabels() {
        Evaluation evaluation = rule.evaluate(adgroup("1000.00", START, END, LOS_ANGELES), spend("650.00", TODAY, NINE_AM),
                NINE_AM);

        AlertCandidate alert = evaluation.active().get(0);
        assertThat(evaluation.active()).hasSize(1);
        assertThat(alert.rule()).isEqualTo("lifetime-budget-pacing");
        assertThat(alert.severity()).isEqualTo(Severity.WARNING);
        assertThat(alert.summary()).isEqualTo("Ad group Spring Sale Retargeting has spent 650.00 USD of its 1000.00 USD "
                + "lifetime budget by 2026-11-20 09:00 America/Los_Angeles, 53.8 % through its flight from "
                + "2026-11-15 00:00 to 2026-11-25 00:00 America/Los_Angeles; expected 537.50 by then; pacing ahead "
                + "(on pace up to 599.65; at this rate it would spend 1209.30 by the end of the flight)");
        assertThat(alert.labels()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "advertiser_id", "7002238017842757633",
                "level", "adgroup",
                "adgroup_id", "1900000000000000001",
                "adgroup_name", "Spring Sale Retargeting",
                "campaign_id", "1800000000000000001",
                "condition", "PACING_AHEAD",
                "flight_start", "2026-11-15T08:00:00Z",
                "flight_end", "2026-11-25T08:00:00Z",
                "time_zone", LOS_ANGELES,
                "currency", "USD"));
    }

    @Test
    void campaignAlertsNameTheCampaignAndHaveAScopeOfTheirOwn() {
        LifetimeBudget campaign = new LifetimeBudget(new BudgetKey("7002238017842757633", BudgetLevel.CAMPAIGN,
                "1800000000000000001"), "1800000000000000001", "Seasonal sale", false, new BigDecimal("1000.00"), "USD",
                "BUDGET_MODE_TOTAL", START, END, LOS_ANGELES, "USD");

        AlertCandidate alert = rule.evaluate(campaign, spend("1000.01", TODAY, NINE_AM), NINE_AM).active().get(0);

        assertThat(alert.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(alert.summary()).startsWith("Campaign Seasonal sale has spent 1000.01 USD").endsWith("; over budget by 0.01 USD");
        assertThat(alert.labels()).containsEntry("level", "campaign").containsEntry("campaign_name", "Seasonal sale")
                .containsEntry("condition", "OVERSPEND").doesNotContainKey("adgroup_id");
        assertThat(LifetimeBudgetPacingRule.keyOf(alert.labels())).isEqualTo(campaign.key());
        assertThat(LifetimeBudgetPacingRule.scope(campaign.key()))
                .isNotEqualTo(LifetimeBudgetPacingRule.scope(adgroup("1", START, END, LOS_ANGELES).key()));
    }

    @Test
    void theBandNarrowsTowardTheEndOfTheFlight() {
        LifetimeBudget budget = adgroup("1000.00", START, END, LOS_ANGELES);
        Instant fifthThrough = Instant.parse("2026-11-17T08:00:00Z");
        Instant ninetyPercentThrough = Instant.parse("2026-11-24T08:00:00Z");

        // 15 % below the expected spend in both cases
        Evaluation early = rule.evaluate(budget, spend("170.00", LocalDate.parse("2026-11-17"), fifthThrough),
                fifthThrough);
        Evaluation late = rule.evaluate(budget, spend("765.00", LocalDate.parse("2026-11-24"), ninetyPercentThrough),
                ninetyPercentThrough);

        assertThat(early.active()).isEmpty();
        assertThat(early.resolution().apply(Map.of())).contains("expected 200.00 by then");
        assertThat(late.active()).singleElement().satisfies(alert -> assertThat(alert.summary())
                .endsWith("expected 900.00 by then; pacing behind (on pace from 843.75)"));
    }

    @Test
    void smallAmountsBelowTheMinimumSpendRaiseNothing() {
        LifetimeBudget small = adgroup("20.00", START, END, LOS_ANGELES);
        Instant fifthThrough = Instant.parse("2026-11-17T08:00:00Z");
        LocalDate date = LocalDate.parse("2026-11-17");

        assertThat(rule.evaluate(small, spend("8.00", date, fifthThrough), fifthThrough).active()).isEmpty();
        assertThat(rule.evaluate(small, spend("0.00", date, fifthThrough), fifthThrough).active()).isEmpty();
        assertThat(rule.evaluate(small, spend("20.50", date, fifthThrough), fifthThrough).active())
                .singleElement().satisfies(alert -> assertThat(alert.labels()).containsEntry("condition", "OVERSPEND"));
    }

    @Test
    void aFlightAcrossTheFallBackChangeCountsItsRealFortyNineHours() {
        // 2026-10-31 00:00 PDT to 2026-11-02 00:00 PST; at 11:00 PST on 2026-11-01, 36 of 49 hours have passed
        Instant start = Instant.parse("2026-10-31T07:00:00Z");
        Instant end = Instant.parse("2026-11-02T08:00:00Z");
        Instant elevenAm = Instant.parse("2026-11-01T19:00:00Z");
        LifetimeBudget budget = adgroup("490.00", start, end, LOS_ANGELES);

        AlertCandidate alert = rule.evaluate(budget, spend("400.00", LocalDate.parse("2026-11-01"), elevenAm), elevenAm)
                .active().get(0);

        assertThat(rule.flightDates(budget)).contains(new LifetimeBudgetPacingRule.FlightDates(
                LocalDate.parse("2026-10-31"), LocalDate.parse("2026-11-01")));
        assertThat(alert.summary()).contains("by 2026-11-01 11:00 America/Los_Angeles, 73.5 % through its flight from "
                + "2026-10-31 00:00 to 2026-11-02 00:00 America/Los_Angeles; expected 360.00 by then; pacing ahead");
    }

    @Test
    void aFlightAcrossTheSpringForwardChangeCountsItsRealFortySevenHours() {
        // 2026-03-07 00:00 PST to 2026-03-09 00:00 PDT; at 12:00 PDT on 2026-03-08, 35 of 47 hours have passed
        Instant start = Instant.parse("2026-03-07T08:00:00Z");
        Instant end = Instant.parse("2026-03-09T07:00:00Z");
        Instant noon = Instant.parse("2026-03-08T19:00:00Z");

        Evaluation evaluation = rule.evaluate(adgroup("470.00", start, end, LOS_ANGELES),
                spend("350.00", LocalDate.parse("2026-03-08"), noon), noon);

        assertThat(evaluation.active()).isEmpty();
        assertThat(evaluation.resolution().apply(Map.of())).contains("by 2026-03-08 12:00 America/Los_Angeles, 74.5 % "
                + "through its flight from 2026-03-07 00:00 to 2026-03-09 00:00 America/Los_Angeles; expected 350.00");
    }

    @Test
    void theFlightEndsAtTheAdvertisersMidnightAndItsAlertsResolveThen() {
        // 2026-11-11 00:00 to 2026-11-21 00:00 in Tokyo: 2026-11-21 is not a flight date
        Instant start = Instant.parse("2026-11-10T15:00:00Z");
        Instant end = Instant.parse("2026-11-20T15:00:00Z");
        LifetimeBudget tokyo = adgroup("1000.00", start, end, "Asia/Tokyo");
        Instant lastMinute = end.minusSeconds(60);

        AlertCandidate overspent = rule.evaluate(tokyo, spend("1200.00", TODAY, lastMinute), lastMinute).active().get(0);
        Evaluation ended = rule.evaluate(tokyo, spend("1200.00", TODAY, lastMinute), end);

        assertThat(rule.flightDates(tokyo)).contains(new LifetimeBudgetPacingRule.FlightDates(
                LocalDate.parse("2026-11-11"), TODAY));
        assertThat(overspent.summary()).contains("by 2026-11-20 23:59 Asia/Tokyo, 100.0 % through");
        assertThat(ended.active()).isEmpty();
        assertThat(ended.resolution().apply(overspent.labels()))
                .isEqualTo("The flight of Ad group Spring Sale Retargeting ended at 2026-11-21 00:00 Asia/Tokyo");
    }

    @Test
    void beforeTodaysReportArrivesSpendIsJudgedAsOfTheLatestReport() {
        LifetimeBudget budget = adgroup("1000.00", START, END, LOS_ANGELES);
        LocalDate yesterday = TODAY.minusDays(1);
        Instant oneAm = Instant.parse("2026-11-20T09:00:00Z");

        // yesterday's final report, read after its local midnight: judged at that midnight, 5 of 10 days through
        Evaluation complete = rule.evaluate(budget, spend("500.00", yesterday, Instant.parse("2026-11-20T08:30:00Z")),
                oneAm);
        // yesterday's report was last read at 20:00 local that day
        Evaluation partial = rule.evaluate(budget, spend("480.00", yesterday, Instant.parse("2026-11-20T04:00:00Z")),
                oneAm);

        assertThat(complete.active()).isEmpty();
        assertThat(complete.resolution().apply(Map.of())).contains("by 2026-11-20 00:00 America/Los_Angeles, 50.0 %")
                .contains("expected 500.00 by then");
        assertThat(partial.active()).isEmpty();
        assertThat(partial.resolution().apply(Map.of())).contains("by 2026-11-19 20:00 America/Los_Angeles");
    }

    @Test
    void theSameConditionKeepsItsFingerprintWhateverTheSpendOrTime() {
        LifetimeBudget budget = adgroup("1000.00", START, END, LOS_ANGELES);

        String first = rule.evaluate(budget, spend("650.00", TODAY, NINE_AM), NINE_AM).active().get(0).fingerprint();
        String later = rule.evaluate(budget, spend("700.00", TODAY, NINE_AM), NINE_AM.plusSeconds(3600)).active().get(0)
                .fingerprint();
        String over = rule.evaluate(budget, spend("1100.00", TODAY, NINE_AM), NINE_AM).active().get(0).fingerprint();

        assertThat(later).isEqualTo(first).hasSize(32);
        assertThat(over).isNotEqualTo(first);
    }

    @Test
    void budgetsWithoutAFlightOrNotLifetimeOrBeforeTheFlightOrWithoutSpendAreNotJudged() {
        LifetimeBudget open = adgroup("1000.00", START, null, LOS_ANGELES);
        LifetimeBudget daily = new LifetimeBudget(BudgetKey.adgroup("a", "g"), "c", "g", false, BigDecimal.TEN, "USD",
                "BUDGET_MODE_DAY", START, END, LOS_ANGELES, "USD");
        LifetimeSpend lots = spend("5000.00", TODAY, NINE_AM);

        assertThat(rule.flightDates(open)).isEmpty();
        assertThat(rule.evaluate(open, lots, NINE_AM).active()).isEmpty();
        assertThat(rule.evaluate(open, lots, NINE_AM).resolution().apply(Map.of())).isEqualTo("Ad group Spring Sale "
                + "Retargeting is no longer paced against a lifetime budget: its schedule has no start and end");
        assertThat(rule.evaluate(daily, lots, NINE_AM).active()).isEmpty();
        assertThat(rule.evaluate(adgroup("1000.00", START, END, LOS_ANGELES), lots, START.minusSeconds(1)).active())
                .isEmpty();
        assertThat(rule.evaluate(adgroup("1000.00", START, END, LOS_ANGELES), null, NINE_AM).active()).isEmpty();
        LifetimeSpend euros = new LifetimeSpend(new BigDecimal("5000"), "EUR", TODAY, NINE_AM);
        assertThat(rule.evaluate(adgroup("1000.00", START, END, LOS_ANGELES), euros, NINE_AM).active()).isEmpty();
    }

    private static LifetimeBudget adgroup(String budget, Instant start, Instant end, String timeZone) {
        return new LifetimeBudget(BudgetKey.adgroup("7002238017842757633", "1900000000000000001"),
                "1800000000000000001", "Spring Sale Retargeting", false, new BigDecimal(budget), "USD",
                "BUDGET_MODE_TOTAL", start, end, timeZone, "USD");
    }

    private static LifetimeSpend spend(String amount, LocalDate latestDate, Instant observedAt) {
        return new LifetimeSpend(new BigDecimal(amount), "USD", latestDate, observedAt);
    }
}
