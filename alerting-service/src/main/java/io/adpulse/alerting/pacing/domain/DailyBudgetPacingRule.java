package io.adpulse.alerting.pacing.domain;

import io.adpulse.pacing.IntradayCurve;
import io.adpulse.alerting.alert.domain.AlertCandidate;
import io.adpulse.alerting.alert.domain.Evaluation;
import io.adpulse.alerting.alert.domain.Fingerprint;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The {@code daily-budget-pacing} rule. It judges campaigns whose budget mode is
 * {@code BUDGET_MODE_DAY}, that have a budget and are not deleted, for the advertiser's current local
 * date, with the arithmetic of {@link PacingAssessment}. A campaign in a pacing condition yields one
 * alert whose fingerprint is the hash of (rule, condition, advertiser id, campaign id, local date): the
 * same condition on the same day is the same alert however often it is evaluated, and a new local day
 * starts new alerts. Alerts of an earlier local day resolve once that day has ended; spend not reported
 * yet for the current day is not taken as zero spend, so no judgement is made without it.
 */
public final class DailyBudgetPacingRule {

    public static final String NAME = "daily-budget-pacing";
    public static final String ADVERTISER_ID = "advertiser_id";
    public static final String CAMPAIGN_ID = "campaign_id";
    public static final String CAMPAIGN_NAME = "campaign_name";
    public static final String CONDITION = "condition";
    public static final String LOCAL_DATE = "local_date";
    public static final String TIME_ZONE = "time_zone";
    public static final String CURRENCY = "currency";

    private static final DateTimeFormatter CLOCK_TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final PacingSettings settings;

    public DailyBudgetPacingRule(PacingSettings settings) {
        this.settings = settings;
    }

    /** The labels that name one campaign; all of the rule's alerts for it are reconciled together. */
    public static Map<String, String> scope(CampaignKey campaign) {
        return Map.of(ADVERTISER_ID, campaign.advertiserId(), CAMPAIGN_ID, campaign.campaignId());
    }

    /** The local day to judge {@code campaign} on at {@code now}; empty when it is not paced at all. */
    public Optional<DayProgress> localDay(PacedCampaign campaign, Instant now) {
        return campaign.notPacedBecause() == null
                ? Optional.of(DayProgress.at(now, ZoneId.of(campaign.timeZone())))
                : Optional.empty();
    }

    /** A campaign Adpulse no longer knows (its advertiser's data was removed): all its alerts clear. */
    public Evaluation forgotten(CampaignKey key) {
        return new Evaluation(NAME, scope(key), List.of(), labels -> "Campaign " + labels.get(CAMPAIGN_NAME)
                + " is no longer tracked: its advertiser's data was removed");
    }

    /**
     * Judges {@code campaign} at {@code now}, given its spend on the current local date (null when none
     * has been reported yet).
     */
    public Evaluation evaluate(PacedCampaign campaign, DailySpend spendToday, Instant now) {
        return evaluate(campaign, spendToday, IntradayCurve.linear(), now);
    }

    /**
     * Judges {@code campaign} at {@code now} against the spend {@code curve} says is expected by now (the
     * account's learned intraday curve, or linear).
     */
    public Evaluation evaluate(PacedCampaign campaign, DailySpend spendToday, IntradayCurve curve, Instant now) {
        CampaignKey key = new CampaignKey(campaign.advertiserId(), campaign.campaignId());
        String name = campaign.displayName();
        String notPaced = campaign.notPacedBecause();
        if (notPaced != null) {
            return new Evaluation(NAME, scope(key), List.of(),
                    labels -> "Campaign " + name + " is no longer paced: " + notPaced);
        }
        DayProgress day = DayProgress.at(now, ZoneId.of(campaign.timeZone()));
        if (spendToday == null || !spendToday.localDate().equals(day.localDate())) {
            return new Evaluation(NAME, scope(key), List.of(), endedOr(day, name,
                    "No spend has been reported for campaign " + name + " on " + day.localDate() + " yet"));
        }
        if (!spendToday.currency().equals(campaign.budgetCurrency())) {
            return new Evaluation(NAME, scope(key), List.of(), endedOr(day, name, "Spend of campaign " + name
                    + " is reported in " + spendToday.currency() + " but its budget is in "
                    + campaign.budgetCurrency() + "; pacing is not judged"));
        }
        PacingAssessment assessment = PacingAssessment.assess(campaign.budget(), spendToday.amount(),
                curve.fractionAt(day.localTime().toLocalTime(), day.fraction()), settings);
        String status = status(campaign, day, assessment) + curve.describe();
        List<AlertCandidate> active = assessment.condition()
                .map(condition -> candidate(campaign, day, assessment, condition, status))
                .stream().toList();
        String current = assessment.condition()
                .map(condition -> "Campaign " + name + " is " + condition.words() + " now. " + status)
                .orElse("Campaign " + name + " is back on pace. " + status);
        return new Evaluation(NAME, scope(key), active, endedOr(day, name, current));
    }

    private AlertCandidate candidate(PacedCampaign campaign, DayProgress day, PacingAssessment assessment,
            PacingCondition condition, String status) {
        String fingerprint = Fingerprint.of(NAME, condition.name(), campaign.advertiserId(), campaign.campaignId(),
                day.localDate().toString());
        Map<String, String> labels = new TreeMap<>();
        labels.put(ADVERTISER_ID, campaign.advertiserId());
        labels.put(CAMPAIGN_ID, campaign.campaignId());
        labels.put(CAMPAIGN_NAME, campaign.displayName());
        labels.put(CONDITION, condition.name());
        labels.put(LOCAL_DATE, day.localDate().toString());
        labels.put(TIME_ZONE, campaign.timeZone());
        labels.put(CURRENCY, campaign.currency() == null ? campaign.budgetCurrency() : campaign.currency());
        return new AlertCandidate(fingerprint, NAME, condition.severity(), labels,
                status + "; " + detail(condition, assessment, campaign.budgetCurrency()));
    }

    /**
     * "Campaign X has spent 142.10 USD of its 150.00 USD daily budget at 09:00 America/Los_Angeles;
     * expected 56.25 by now".
     */
    private static String status(PacedCampaign campaign, DayProgress day, PacingAssessment assessment) {
        String currency = campaign.budgetCurrency();
        return "Campaign " + campaign.displayName() + " has spent " + money(assessment.spend(), currency) + " "
                + currency + " of its " + money(assessment.budget(), currency) + " " + currency
                + " daily budget at " + CLOCK_TIME.format(day.localTime()) + " " + campaign.timeZone()
                + "; expected " + money(assessment.expected(), currency) + " by now";
    }

    private static String detail(PacingCondition condition, PacingAssessment assessment, String currency) {
        return switch (condition) {
            case OVERSPEND -> "over budget by " + money(assessment.spend().subtract(assessment.budget()), currency)
                    + " " + currency;
            case PACING_AHEAD -> "pacing ahead (on pace up to " + money(assessment.upper(), currency)
                    + (assessment.projected() == null ? "; nothing is usually spent by this time of day)"
                            : "; at this rate it would spend " + money(assessment.projected(), currency)
                                    + " by the end of the day)");
            case PACING_BEHIND -> "pacing behind (on pace from " + money(assessment.lower(), currency) + ")";
        };
    }

    /** Resolution text: "the day ended" for alerts of an earlier local date, {@code otherwise} for today's. */
    private static Function<Map<String, String>, String> endedOr(DayProgress day, String name, String otherwise) {
        String today = day.localDate().toString();
        return labels -> today.equals(labels.get(LOCAL_DATE)) ? otherwise
                : "The local day " + labels.get(LOCAL_DATE) + " (" + labels.get(TIME_ZONE) + ") ended for campaign "
                        + name;
    }

    /** The amount rounded to the currency's minor unit (2 digits for USD, 0 for JPY). */
    static String money(BigDecimal amount, String currency) {
        int digits;
        try {
            digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        } catch (IllegalArgumentException e) {
            digits = 2;
        }
        return amount.setScale(digits, RoundingMode.HALF_UP).toPlainString();
    }
}
