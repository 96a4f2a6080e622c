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

class CpaAboveTargetRuleTest {

    private static final String ADVERTISER = "7002238017842757633";
    private static final Instant NINE_AM = Instant.parse("2026-11-20T17:00:00Z");
    private static final LocalDate TODAY = LocalDate.parse("2026-11-20");

    private final CpaAboveTargetRule rule = new CpaAboveTargetRule(new CpaSettings(
            Map.of(ADVERTISER, new BigDecimal("20.00")), null, new BigDecimal("50")));

    @Test
    void costPerConversionAboveTheTargetRaisesOneWarningPerCampaignAndDay() {
        Evaluation evaluation = rule.evaluate(campaign(), spend(TODAY, "150.00", "6"), NINE_AM);

        AlertCandidate alert = evaluation.active().get(0);
        assertThat(alert.rule()).isEqualTo("cpa-above-target");
        assertThat(alert.severity()).isEqualTo(Severity.WARNING);
        assertThat(alert.summary()).isEqualTo("Campaign Winter Boots Prospecting has paid 25.00 USD per conversion on "
                + "2026-11-20 so far (150.00 USD for 6 conversions), above its CPA target of 20.00 USD");
        assertThat(alert.labels()).containsExactlyInAnyOrderEntriesOf(Map.of("advertiser_id", ADVERTISER,
                "campaign_id", "1800000000000000001", "campaign_name", "Winter Boots Prospecting",
                "local_date", "2026-11-20", "time_zone", "America/Los_Angeles", "currency", "USD"));
        assertThat(rule.evaluate(campaign(), spend(TODAY, "190.00", "7"), NINE_AM.plusSeconds(600)).active().get(0)
                .fingerprint()).isEqualTo(alert.fingerprint());
    }

    @Test
    void exactlyOnTargetIsFineAndSaysSo() {
        Evaluation evaluation = rule.evaluate(campaign(), spend(TODAY, "120.00", "6"), NINE_AM);

        assertThat(evaluation.active()).isEmpty();
        assertThat(evaluation.resolution().apply(Map.of("local_date", "2026-11-20"))).isEqualTo("Campaign Winter Boots "
                + "Prospecting has paid 20.00 USD per conversion on 2026-11-20 so far (120.00 USD for 6 conversions), "
                + "back at or below its CPA target of 20.00 USD");
    }

    @Test
    void spendWithoutAnyConversionIsAboveEveryTarget() {
        AlertCandidate alert = rule.evaluate(campaign(), spend(TODAY, "60.00", "0"), NINE_AM).active().get(0);

        assertThat(alert.summary()).isEqualTo("Campaign Winter Boots Prospecting has spent 60.00 USD on 2026-11-20 so "
                + "far without a conversion, above its CPA target of 20.00 USD");
    }

    @Test
    void notJudgedBelowTheMinimumSpendWithoutConversionsReportedOrWithoutATarget() {
        DailySpend noConversions = new DailySpend(ADVERTISER, "1800000000000000001", TODAY, new BigDecimal("150"), "USD",
                NINE_AM, null, null);
        PacedCampaign otherAdvertiser = new PacedCampaign("other", "1800000000000000001", "n", "ENABLE", false, null,
                null, null, "America/Los_Angeles", "USD");

        assertThat(rule.evaluate(campaign(), spend(TODAY, "49.99", "0"), NINE_AM).active()).isEmpty();
        assertThat(rule.evaluate(campaign(), noConversions, NINE_AM).active()).isEmpty();
        assertThat(rule.evaluate(otherAdvertiser, spend(TODAY, "150.00", "0"), NINE_AM).active()).isEmpty();
        assertThat(rule.evaluate(campaign(), null, NINE_AM).active()).isEmpty();
    }

    @Test
    void alertsOfAnEndedLocalDayResolveSayingSo() {
        Evaluation nextDay = rule.evaluate(campaign(), spend(TODAY, "150.00", "1"), NINE_AM.plusSeconds(86_400));

        assertThat(nextDay.active()).isEmpty();
        assertThat(nextDay.resolution().apply(Map.of("local_date", "2026-11-20", "time_zone", "America/Los_Angeles")))
                .isEqualTo("The local day 2026-11-20 (America/Los_Angeles) ended for campaign Winter Boots Prospecting");
    }

    private static PacedCampaign campaign() {
        return new PacedCampaign(ADVERTISER, "1800000000000000001", "Winter Boots Prospecting", "ENABLE", false,
                new BigDecimal("400.00"), "USD", "BUDGET_MODE_DAY", "America/Los_Angeles", "USD");
    }

    private static DailySpend spend(LocalDate date, String amount, String conversions) {
        return new DailySpend(ADVERTISER, "1800000000000000001", date, new BigDecimal(amount), "USD",
                NINE_AM.minusSeconds(60), null, new BigDecimal(conversions));
    }
}
