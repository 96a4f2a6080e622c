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
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The {@code roas-below-target} rule: a campaign's return on ad spend on the advertiser's current local date so
 * far, {@code total_purchase_value ÷ spend} from the campaign's latest daily observation, is below the
 * advertiser's target. It is judged only when the advertiser has a target, the campaign is not deleted, today's
 * spend and purchase value have both been reported, and spend has reached {@code min-spend} (early in the day a
 * few purchases decide everything). One alert per campaign and local date (fingerprint: rule, advertiser,
 * campaign, date); it resolves when ROAS is back at or above the target, when the local day ends, or when the
 * campaign stops being judged. Severity warning.
 */
public final class RoasBelowTargetRule {

    public static final String NAME = "roas-below-target";

    private final RoasSettings settings;

    public RoasBelowTargetRule(RoasSettings settings) {
        this.settings = settings;
    }

    public static Map<String, String> scope(CampaignKey campaign) {
        return DailyBudgetPacingRule.scope(campaign);
    }

    /** The advertiser-local date to judge {@code campaign} on at {@code now}; empty without a time zone. */
    public Optional<LocalDate> localDate(PacedCampaign campaign, Instant now) {
        return campaign.timeZone() == null ? Optional.empty()
                : Optional.of(DayProgress.at(now, ZoneId.of(campaign.timeZone())).localDate());
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
            return none(key, labels -> "Campaign " + name + " is deleted; its ROAS is no longer judged");
        }
        if (campaign.timeZone() == null) {
            return none(key, labels -> "Campaign " + name + " has no known time zone; its ROAS is not judged");
        }
        Optional<BigDecimal> target = settings.targetOf(campaign.advertiserId());
        if (target.isEmpty()) {
            return none(key, labels -> "Advertiser " + campaign.advertiserId() + " has no ROAS target any more");
        }
        LocalDate today = DayProgress.at(now, ZoneId.of(campaign.timeZone())).localDate();
        if (spendToday == null || !spendToday.localDate().equals(today)) {
            return none(key, endedOr(today, name, "No spend has been reported for campaign " + name + " on " + today
                    + " yet"));
        }
        String currency = spendToday.currency();
        if (spendToday.purchaseValue() == null) {
            return none(key, endedOr(today, name, "Campaign " + name + " reports no purchase value for " + today
                    + "; its ROAS is not judged"));
        }
        if (spendToday.amount().signum() <= 0 || spendToday.amount().compareTo(settings.minSpend()) < 0) {
            return none(key, endedOr(today, name, "Campaign " + name + " has spent " + money(spendToday.amount(), currency)
                    + " " + currency + " on " + today + ", below the " + settings.minSpend().toPlainString()
                    + " needed to judge its ROAS"));
        }
        BigDecimal roas = spendToday.purchaseValue().divide(spendToday.amount(), 6, RoundingMode.HALF_UP);
        String status = "Campaign " + name + " has returned " + ratio(roas) + " on " + today + " so far ("
                + money(spendToday.purchaseValue(), currency) + " " + currency + " of purchases on "
                + money(spendToday.amount(), currency) + " " + currency + " of spend)";
        boolean below = spendToday.purchaseValue().compareTo(target.get().multiply(spendToday.amount())) < 0;
        if (!below) {
            return new Evaluation(NAME, scope(key), List.of(), endedOr(today, name, status
                    + ", back at or above its ROAS target of " + ratio(target.get())));
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
                status + ", below its ROAS target of " + ratio(target.get()));
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

    private static String ratio(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
