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

class RoasBelowTargetRuleTest {

    private static final Instant NINE_AM = Instant.parse("2026-11-20T17:00:00Z");
    private static final LocalDate TODAY = LocalDate.parse("2026-11-20");
    private static final String ADVERTISER = "7002238017842757633";

    private final RoasBelowTargetRule rule = new RoasBelowTargetRule(new RoasSettings(
            Map.of(ADVERTISER, new BigDecimal("2.0")), null, new BigDecimal("50")));

    @Test
    void aCampaignReturningLessThanItsAdvertisersTargetRaisesAWarning() {
        Evaluation evaluation = rule.evaluate(campaign(ADVERTISER, false), spend(TODAY, "150", "180"), NINE_AM);

        AlertCandidate alert = evaluation.active().get(0);
        assertThat(alert.rule()).isEqualTo("roas-below-target");
        assertThat(alert.severity()).isEqualTo(Severity.WARNING);
        assertThat(alert.summary()).isEqualTo("Campaign Winter Boots Prospecting has returned 1.20 on 2026-11-20 so far "
                + "(180.00 USD of purchases on 150.00 USD of spend), below its ROAS target of 2.00");
        assertThat(alert.labels()).containsExactlyInAnyOrderEntriesOf(Map.of("advertiser_id", ADVERTISER,
                "campaign_id", "1800000000000000001", "campaign_name", "Winter Boots Prospecting",
                "local_date", "2026-11-20", "time_zone", "America/Los_Angeles", "currency", "USD"));
    }

    @Test
    void keepsOneFingerprintPerCampaignAndDayWhateverTheValues() {
        String first = rule.evaluate(campaign(ADVERTISER, false), spend(TODAY, "150", "180"), NINE_AM).active().get(0)
                .fingerprint();
        String later = rule.evaluate(campaign(ADVERTISER, false), spend(TODAY, "200", "100"), NINE_AM.plusSeconds(900))
                .active().get(0).fingerprint();
        assertThat(later).isEqualTo(first);
    }

    @Test
    void exactlyOnTargetIsFine() {
        Evaluation evaluation = rule.evaluate(campaign(ADVERTISER, false), spend(TODAY, "150", "300"), NINE_AM);

        assertThat(evaluation.active()).isEmpty();
        assertThat(evaluation.resolution().apply(Map.of("local_date", "2026-11-20"))).endsWith(
                "has returned 2.00 on 2026-11-20 so far (300.00 USD of purchases on 150.00 USD of spend), "
                        + "back at or above its ROAS target of 2.00");
    }

    @Test
    void judgesNothingBelowTheSpendFloorWithoutPurchaseValueOrWithoutATarget() {
        assertThat(rule.evaluate(campaign(ADVERTISER, false), spend(TODAY, "49.99", "0"), NINE_AM).active()).isEmpty();
        assertThat(rule.evaluate(campaign(ADVERTISER, false), spend(TODAY, "150", null), NINE_AM).active()).isEmpty();
        assertThat(rule.evaluate(campaign("7000000000000000000", false), spend(TODAY, "150", "0"), NINE_AM).active())
                .isEmpty();
        assertThat(rule.evaluate(campaign(ADVERTISER, true), spend(TODAY, "150", "0"), NINE_AM).active()).isEmpty();
    }

    @Test
    void aDefaultTargetCoversAdvertisersWithoutTheirOwn() {
        RoasBelowTargetRule withDefault = new RoasBelowTargetRule(new RoasSettings(Map.of(), new BigDecimal("1.5"),
                BigDecimal.ZERO));
        assertThat(withDefault.evaluate(campaign("7000000000000000000", false), spend(TODAY, "100", "140"), NINE_AM)
                .active()).hasSize(1);
    }

    @Test
    void yesterdaysAlertResolvesAsTheDayEnded() {
        Evaluation evaluation = rule.evaluate(campaign(ADVERTISER, false), spend(TODAY.minusDays(1), "150", "10"),
                NINE_AM);

        assertThat(evaluation.active()).isEmpty();
        assertThat(evaluation.resolution().apply(Map.of("local_date", "2026-11-19", "time_zone", "America/Los_Angeles")))
                .isEqualTo("The local day 2026-11-19 (America/Los_Angeles) ended for campaign Winter Boots Prospecting");
    }

    private static PacedCampaign campaign(String advertiser, boolean deleted) {
        return new PacedCampaign(advertiser, "1800000000000000001", "Winter Boots Prospecting", "ENABLE", deleted,
                new BigDecimal("400"), "USD", "BUDGET_MODE_DAY", "America/Los_Angeles", "USD");
    }

    private static DailySpend spend(LocalDate date, String amount, String value) {
        return new DailySpend(ADVERTISER, "1800000000000000001", date, new BigDecimal(amount), "USD",
                NINE_AM.minusSeconds(60), value == null ? null : new BigDecimal(value));
    }
}
