package io.adpulse.alerting.pacing.domain;

import static io.adpulse.alerting.pacing.domain.DailyBudgetPacingRule.ADVERTISER_ID;
import static io.adpulse.alerting.pacing.domain.DailyBudgetPacingRule.CAMPAIGN_ID;
import static io.adpulse.alerting.pacing.domain.DailyBudgetPacingRule.CAMPAIGN_NAME;
import static io.adpulse.alerting.pacing.domain.DailyBudgetPacingRule.CURRENCY;
import static io.adpulse.alerting.pacing.domain.DailyBudgetPacingRule.LOCAL_DATE;
import static io.adpulse.alerting.pacing.domain.DailyBudgetPacingRule.TIME_ZONE;
import static io.adpulse.alerting.pacing.domain.DailyBudgetPacingRule.money;

import io.adpulse.alerting.alert.domain.AlertCandidate;
import io.adpulse.alerting.alert.domain.Evaluation;
import io.adpulse.alerting.alert.domain.Fingerprint;
import io.adpulse.alerting.alert.domain.Severity;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The {@code spend-anomaly} rule: a campaign's spend in its latest complete hour is far from what it usually spends
 * in that hour. The baseline is the same local hour on the previous {@code historyDays} local dates; with {@code m}
 * their median and {@code MAD} the median of their absolute deviations from {@code m}, the hour's spend {@code x} is
 * anomalous when all of
 * <pre>
 *   |x − m| &gt; threshold × 1.4826 × MAD     (robust z-score; 1.4826 × MAD estimates σ of normal data)
 *   |x − m| ≥ minDeviation                  (an absolute floor, in the account currency)
 *   |x − m| ≥ minRelativeDeviation × m      (a relative floor)
 * </pre>
 * hold: a {@code SPIKE} above the median or a {@code DROP} below it. Nothing is judged with fewer than
 * {@code minHistory} days of history (a day without a report for the hour is missing, not zero), and nothing
 * when the latest complete hour (one whose report was read after it ended) ended more than {@code maxAge} ago.
 * <p>
 * One alert per direction and campaign (fingerprint: rule, direction, advertiser, campaign), so a spike lasting
 * several hours is one alert; it resolves when a later complete hour (or a restatement) is back within the band.
 */
public final class SpendAnomalyRule {

    public static final String NAME = "spend-anomaly";
    public static final String DIRECTION = "direction";
    public static final String HOUR = "hour";

    /** 1 / Φ⁻¹(3/4): scales a median absolute deviation to a standard deviation of normally distributed data. */
    private static final BigDecimal MAD_TO_SIGMA = new BigDecimal("1.4826");
    private static final MathContext MATH = MathContext.DECIMAL64;

    private final AnomalySettings settings;

    public SpendAnomalyRule(AnomalySettings settings) {
        this.settings = settings;
    }

    public AnomalySettings settings() {
        return settings;
    }

    public static Map<String, String> scope(CampaignKey campaign) {
        return DailyBudgetPacingRule.scope(campaign);
    }

    public Evaluation forgotten(CampaignKey key) {
        return none(key, "Campaign " + key.campaignId() + " is no longer tracked: its advertiser's data was removed");
    }

    /**
     * Judges {@code latest}, the campaign's latest complete hour (null when there is none), against the spend of the
     * same hour on earlier days ({@code history}, one value per day that has a report).
     */
    public Evaluation evaluate(PacedCampaign campaign, HourlyDelivery latest, List<BigDecimal> history, Instant now) {
        CampaignKey key = new CampaignKey(campaign.advertiserId(), campaign.campaignId());
        String name = campaign.displayName();
        if (campaign.deleted()) {
            return none(key, "Campaign " + name + " is deleted; its hourly spend is no longer judged");
        }
        if (campaign.timeZone() == null) {
            return none(key, "Campaign " + name + " has no known time zone; its hourly spend is not judged");
        }
        ZoneId zone = ZoneId.of(campaign.timeZone());
        if (latest == null || latest.spend() == null) {
            return none(key, "Campaign " + name + " has no complete hour with spend reported");
        }
        String hour = hourText(latest, campaign.timeZone());
        if (Duration.between(latest.end(zone), now).compareTo(settings.maxAge()) > 0) {
            return none(key, "Campaign " + name + " has no complete hour reported since " + hour
                    + "; its hourly spend is not judged");
        }
        if (history.size() < settings.minHistory()) {
            return none(key, "Campaign " + name + " has " + history.size() + " of the " + settings.minHistory()
                    + " days of history needed to judge the hour " + hour);
        }
        BigDecimal median = median(history);
        BigDecimal mad = median(history.stream().map(value -> value.subtract(median).abs()).toList());
        BigDecimal deviation = latest.spend().subtract(median);
        BigDecimal distance = deviation.abs();
        boolean anomalous = distance.compareTo(settings.threshold().multiply(MAD_TO_SIGMA).multiply(mad)) > 0
                && distance.compareTo(settings.minDeviation()) >= 0
                && distance.compareTo(settings.minRelativeDeviation().multiply(median)) >= 0;
        String currency = latest.currency();
        String status = "Campaign " + name + " spent " + money(latest.spend(), currency) + " " + currency
                + " in the hour " + hour + ", against a median of " + money(median, currency) + " " + currency
                + " (MAD " + money(mad, currency) + ") for that hour on " + history.size() + " of the previous "
                + settings.historyDays() + " days";
        if (!anomalous) {
            return none(key, status + "; within its usual range");
        }
        String direction = deviation.signum() > 0 ? "SPIKE" : "DROP";
        Map<String, String> labels = new TreeMap<>();
        labels.put(ADVERTISER_ID, campaign.advertiserId());
        labels.put(CAMPAIGN_ID, campaign.campaignId());
        labels.put(CAMPAIGN_NAME, name);
        labels.put(DIRECTION, direction);
        labels.put(LOCAL_DATE, latest.localDate().toString());
        labels.put(HOUR, String.valueOf(latest.hour()));
        labels.put(TIME_ZONE, campaign.timeZone());
        labels.put(CURRENCY, currency);
        AlertCandidate candidate = new AlertCandidate(Fingerprint.of(NAME, direction, campaign.advertiserId(),
                campaign.campaignId()), NAME, Severity.WARNING, labels,
                status + "; a spend " + direction.toLowerCase() + " of " + money(distance, currency) + " " + currency);
        String other = status + "; a spend " + direction.toLowerCase() + " now";
        return new Evaluation(NAME, scope(key), List.of(candidate), ignored -> other);
    }

    /** The median of {@code values} (the mean of the middle two for an even count); zero for none. */
    static BigDecimal median(List<BigDecimal> values) {
        if (values.isEmpty()) {
            return BigDecimal.ZERO;
        }
        List<BigDecimal> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle)
                : sorted.get(middle - 1).add(sorted.get(middle)).divide(BigDecimal.valueOf(2), MATH);
    }

    private static String hourText(HourlyDelivery hour, String timeZone) {
        return String.format("%02d:00–%02d:00 of %s %s", hour.hour(), (hour.hour() + 1) % 24, hour.localDate(),
                timeZone);
    }

    private static Evaluation none(CampaignKey key, String resolution) {
        Function<Map<String, String>, String> text = labels -> resolution;
        return new Evaluation(NAME, scope(key), List.of(), text);
    }
}
