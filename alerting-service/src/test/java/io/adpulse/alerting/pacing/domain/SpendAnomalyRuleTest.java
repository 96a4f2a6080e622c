package io.adpulse.alerting.pacing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.adpulse.alerting.alert.domain.AlertCandidate;
import io.adpulse.alerting.alert.domain.Evaluation;
import io.adpulse.alerting.alert.domain.Severity;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SpendAnomalyRuleTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-11-20");
    /** 09:10 in Los Angeles: the hour 08:00–09:00 is complete. */
    private static final Instant NOW = Instant.parse("2026-11-20T17:10:00Z");
    private static final List<BigDecimal> USUAL = amounts("40", "42", "38", "41", "39", "44", "40");

    private final SpendAnomalyRule rule = new SpendAnomalyRule(AnomalySettings.defaults());

    @Test
    void aSpikeFarAboveTheMedianOfTheSameHourRaisesOneWarningWithLabels() {
        Evaluation evaluation = rule.evaluate(campaign(), hour(8, "180.00"), USUAL, NOW);

        AlertCandidate alert = evaluation.active().get(0);
        assertThat(alert.rule()).isEqualTo("spend-anomaly");
        assertThat(alert.severity()).isEqualTo(Severity.WARNING);
        assertThat(alert.summary()).isEqualTo("Campaign Winter Boots Prospecting spent 180.00 USD in the hour "
                + "08:00–09:00 of 2026-11-20 America/Los_Angeles, against a median of 40.00 USD (MAD 1.00) for that hour "
                + "on 7 of the previous 7 days; a spend spike of 140.00 USD");
        assertThat(alert.labels()).containsExactlyInAnyOrderEntriesOf(Map.of("advertiser_id", "7002238017842757633",
                "campaign_id", "1800000000000000001", "campaign_name", "Winter Boots Prospecting", "direction", "SPIKE",
                "local_date", "2026-11-20", "hour", "8", "time_zone", "America/Los_Angeles", "currency", "USD"));
    }

    @Test
    void aDropIsAnotherAlertAndAContinuingSpikeKeepsItsFingerprint() {
        String spike = rule.evaluate(campaign(), hour(8, "180.00"), USUAL, NOW).active().get(0).fingerprint();
        String laterSpike = rule.evaluate(campaign(), hour(9, "150.00"), USUAL, NOW.plusSeconds(3600)).active().get(0)
                .fingerprint();
        AlertCandidate drop = rule.evaluate(campaign(), hour(8, "5.00"), USUAL, NOW).active().get(0);

        assertThat(laterSpike).isEqualTo(spike);
        assertThat(drop.labels()).containsEntry("direction", "DROP");
        assertThat(drop.fingerprint()).isNotEqualTo(spike);
        assertThat(drop.summary()).endsWith("; a spend drop of 35.00 USD");
    }

    @Test
    void smallDeviationsDoNotCountEvenWhenTheHistoryIsVerySteady() {
        Evaluation slightlyHigh = rule.evaluate(campaign(), hour(8, "46.00"), USUAL, NOW);

        assertThat(slightlyHigh.active()).isEmpty();
        assertThat(slightlyHigh.resolution().apply(Map.of())).endsWith("; within its usual range");
    }

    @Test
    void anHourThatNeverSpendsNeedsTheAbsoluteFloorToCount() {
        List<BigDecimal> night = amounts("0", "0", "0", "0", "0");

        assertThat(rule.evaluate(campaign(), hour(8, "8.00"), night, NOW).active()).isEmpty();
        assertThat(rule.evaluate(campaign(), hour(8, "12.00"), night, NOW).active()).singleElement()
                .satisfies(alert -> assertThat(alert.labels()).containsEntry("direction", "SPIKE"));
    }

    @Test
    void aNoisyHistoryWidensTheBand() {
        List<BigDecimal> noisy = amounts("20", "60", "35", "80", "40", "25", "55");

        assertThat(rule.evaluate(campaign(), hour(8, "90.00"), noisy, NOW).active()).isEmpty();
        assertThat(rule.evaluate(campaign(), hour(8, "200.00"), noisy, NOW).active()).hasSize(1);
    }

    @Test
    void withoutEnoughHistoryNothingIsJudged() {
        Evaluation evaluation = rule.evaluate(campaign(), hour(8, "500.00"), USUAL.subList(0, 4), NOW);

        assertThat(evaluation.active()).isEmpty();
        assertThat(evaluation.resolution().apply(Map.of())).isEqualTo("Campaign Winter Boots Prospecting has 4 of the 5 "
                + "days of history needed to judge the hour 08:00–09:00 of 2026-11-20 America/Los_Angeles");
    }

    @Test
    void anOldHourIsNotJudged() {
        Evaluation evaluation = rule.evaluate(campaign(), hour(4, "500.00"), USUAL, NOW);

        assertThat(evaluation.active()).isEmpty();
        assertThat(evaluation.resolution().apply(Map.of())).isEqualTo("Campaign Winter Boots Prospecting has no complete "
                + "hour reported since 04:00–05:00 of 2026-11-20 America/Los_Angeles; its hourly spend is not judged");
    }

    @Test
    void theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        assertThat(SpendAnomalyRule.median(amounts("1", "9", "3", "4"))).isEqualByComparingTo("3.5");
        assertThat(SpendAnomalyRule.median(amounts("7"))).isEqualByComparingTo("7");
    }

    @Test
    void anHourIsCompleteOnlyOnceItsLocalEndHasPassedInTheAdvertisersZone() {
        ZoneId tokyo = ZoneId.of("Asia/Tokyo");
        HourlyDelivery lastHourOfTheDay = new HourlyDelivery(TODAY, 23, BigDecimal.ONE, null, "JPY",
                Instant.parse("2026-11-20T14:59:00Z"), null);
        HourlyDelivery readAtMidnight = new HourlyDelivery(TODAY, 23, BigDecimal.ONE, null, "JPY",
                Instant.parse("2026-11-20T15:00:00Z"), null);
        // the first 01:00 of the fall-back day in Los Angeles is still daylight time
        HourlyDelivery repeated = new HourlyDelivery(LocalDate.parse("2026-11-01"), 1, BigDecimal.ONE, null, "USD",
                Instant.parse("2026-11-01T09:00:00Z"), null);

        assertThat(lastHourOfTheDay.end(tokyo)).isEqualTo(Instant.parse("2026-11-20T15:00:00Z"));
        assertThat(lastHourOfTheDay.complete(tokyo)).isFalse();
        assertThat(readAtMidnight.complete(tokyo)).isTrue();
        assertThat(repeated.start(ZoneId.of("America/Los_Angeles"))).isEqualTo(Instant.parse("2026-11-01T08:00:00Z"));
        assertThat(repeated.complete(ZoneId.of("America/Los_Angeles"))).isTrue();
    }

    private static PacedCampaign campaign() {
        return new PacedCampaign("7002238017842757633", "1800000000000000001", "Winter Boots Prospecting", "ENABLE",
                false, new BigDecimal("1500.00"), "USD", "BUDGET_MODE_DAY", "America/Los_Angeles", "USD");
    }

    private static HourlyDelivery hour(int hour, String spend) {
        return new HourlyDelivery(TODAY, hour, new BigDecimal(spend), new BigDecimal("1000"), "USD",
                TODAY.atTime(hour + 1, 5).atZone(ZoneId.of("America/Los_Angeles")).toInstant(), "conn-1");
    }

    private static List<BigDecimal> amounts(String... values) {
        return Stream.of(values).map(BigDecimal::new).toList();
    }
}
