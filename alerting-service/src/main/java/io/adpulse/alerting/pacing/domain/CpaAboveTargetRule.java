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
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The {@code cpa-above-target} rule: a campaign's cost per conversion on the advertiser's current local date so far,
 * {@code spend ÷ conversion} from the campaign's latest daily observation, is above the advertiser's target. It is
 * judged only when the advertiser has a target, the campaign is not deleted, today's spend and conversions have both
 * been reported, and spend has reached {@code min-spend}. A campaign that has spent at least that without any
 * conversion is above every target. One alert per campaign and local date (fingerprint: rule, advertiser, campaign,
 * date); it resolves when CPA is back at or below the target, when the local day ends, or when the campaign stops
 * being judged. Severity warning.
 */
public final class CpaAboveTargetRule {

    public static final String NAME = "cpa-above-target";

    private final CpaSettings settings;

    public CpaAboveTargetRule(CpaSettings settings) {
        this.settings = settings;
    }

    public static Map<String, String> scope(CampaignKey campaign) {
        return DailyBudgetPacingRule.scope(campaign);
    }

    public Evaluation forgotten(CampaignKey key) {
        return none(key, labels -> "Campaign " + labels.get(CAMPAIGN_NAME)
                + " is no longer tracked: its advertiser's data was removed");
    }

    /** Judges {@code campaign} at {@code now}, given its spend row of the current local date (null when none). */
    public Evaluation evaluate(PacedCampaign campaign, DailySpend spendToday, Instant now) {
        CampaignKey key = new CampaignKey(campaign.advertiserId(), campaign.campaignId());
        String name = campaign.displayName();
        if (campaign.deleted()) {
            return none(key, labels -> "Campaign " + name + " is deleted; its CPA is no longer judged");
        }
        if (campaign.timeZone() == null) {
            return none(key, labels -> "Campaign " + name + " has no known time zone; its CPA is not judged");
        }
        var target = settings.targetOf(campaign.advertiserId());
        if (target.isEmpty()) {
            return none(key, labels -> "Advertiser " + campaign.advertiserId() + " has no CPA target any more");
        }
        LocalDate today = DayProgress.at(now, ZoneId.of(campaign.timeZone())).localDate();
        if (spendToday == null || !spendToday.localDate().equals(today)) {
            return none(key, endedOr(today, name, "No spend has been reported for campaign " + name + " on " + today
                    + " yet"));
        }
        String currency = spendToday.currency();
        if (spendToday.conversions() == null) {
            return none(key, endedOr(today, name, "Campaign " + name + " reports no conversions for " + today
                    + "; its CPA is not judged"));
        }
        BigDecimal spend = spendToday.amount();
        if (spend.signum() <= 0 || spend.compareTo(settings.minSpend()) < 0) {
            return none(key, endedOr(today, name, "Campaign " + name + " has spent " + money(spend, currency) + " "
                    + currency + " on " + today + ", below the " + settings.minSpend().toPlainString()
                    + " needed to judge its CPA"));
        }
        BigDecimal conversions = spendToday.conversions();
        String status = conversions.signum() == 0
                ? "Campaign " + name + " has spent " + money(spend, currency) + " " + currency + " on " + today
                        + " so far without a conversion"
                : "Campaign " + name + " has paid " + money(spend.divide(conversions, 6, RoundingMode.HALF_UP), currency)
                        + " " + currency + " per conversion on " + today + " so far (" + money(spend, currency) + " "
                        + currency + " for " + conversions.stripTrailingZeros().toPlainString() + " conversions)";
        String targetText = money(target.get(), currency) + " " + currency;
        boolean above = spend.compareTo(target.get().multiply(conversions)) > 0;
        if (!above) {
            return new Evaluation(NAME, scope(key), List.of(), endedOr(today, name, status
                    + ", back at or below its CPA target of " + targetText));
        }
        Map<String, String> labels = new TreeMap<>();
        labels.put(ADVERTISER_ID, campaign.advertiserId());
        labels.put(CAMPAIGN_ID, campaign.campaignId());
        labels.put(CAMPAIGN_NAME, name);
        labels.put(LOCAL_DATE, today.toString());
        labels.put(TIME_ZONE, campaign.timeZone());
        labels.put(CURRENCY, currency);
        AlertCandidate candidate = new AlertCandidate(Fingerprint.of(NAME, campaign.advertiserId(),
                campaign.campaignId(), today.toString()), NAME, Severity.WARNING, labels,
                status + ", above its CPA target of " + targetText);
        return new Evaluation(NAME, scope(key), List.of(candidate), endedOr(today, name, status));
    }

    private static Evaluation none(CampaignKey key, Function<Map<String, String>, String> resolution) {
        return new Evaluation(NAME, scope(key), List.of(), resolution);
    }

    private static Function<Map<String, String>, String> endedOr(LocalDate today, String name, String otherwise) {
        return labels -> today.toString().equals(labels.get(LOCAL_DATE)) ? otherwise
                : "The local day " + labels.get(LOCAL_DATE) + " (" + labels.get(TIME_ZONE) + ") ended for campaign "
                        + name;
    }
}
