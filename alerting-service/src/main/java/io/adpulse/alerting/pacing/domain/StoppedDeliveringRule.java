package io.adpulse.alerting.pacing.domain;

import static io.adpulse.alerting.pacing.domain.DailyBudgetPacingRule.ADVERTISER_ID;
import static io.adpulse.alerting.pacing.domain.DailyBudgetPacingRule.CAMPAIGN_ID;
import static io.adpulse.alerting.pacing.domain.DailyBudgetPacingRule.CAMPAIGN_NAME;
import static io.adpulse.alerting.pacing.domain.DailyBudgetPacingRule.TIME_ZONE;

import io.adpulse.alerting.alert.domain.AlertCandidate;
import io.adpulse.alerting.alert.domain.Evaluation;
import io.adpulse.alerting.alert.domain.Fingerprint;
import io.adpulse.alerting.alert.domain.Severity;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code campaign-stopped-delivering} rule: an enabled campaign that spent or was shown in a recent hour has had
 * no hour with delivery for at least {@code quiet}. "Since" is the end of its latest local hour with spend or
 * impressions above zero; an hour without a report counts as no delivery, because TikTok reports only hours with
 * activity. Campaigns whose latest delivery ended more than {@code lookback} ago are no longer watched, so a
 * campaign that was never meant to run again does not alert forever.
 * <p>
 * Stopping is expected, and not judged, once a campaign has spent {@value #EXHAUSTED_PERCENT} % of its daily budget
 * today, or after its flight (its ad groups' schedules) ended. When the day of its latest delivery ended with the
 * daily budget spent, the quiet time counts from the next local midnight instead.
 * <p>
 * One alert per stop (fingerprint: rule, advertiser, campaign, since); it resolves as soon as an hour with delivery
 * is reported, when the campaign is disabled or deleted, or once {@code lookback} has passed. Severity critical: a
 * campaign that should run and does not loses sales by the hour.
 *
 * @see io.adpulse.alerting.pacing.domain.StoppedDeliveringRule.Settings
 */
public final class StoppedDeliveringRule {

    public static final String NAME = "campaign-stopped-delivering";
    public static final String CONNECTION_ID = "connection_id";
    public static final String SINCE = "since";
    /** TikTok's operation status of a campaign that is switched on. */
    public static final String ENABLED = "ENABLE";
    /** Share of the daily budget from which TikTok may stop delivering for the rest of the day. */
    public static final int EXHAUSTED_PERCENT = 95;

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /**
     * @param quiet how long without delivery before the alert fires
     * @param lookback how long after its last delivery a campaign stays watched
     */
    public record Settings(Duration quiet, Duration lookback) {

        public Settings {
            if (quiet.isNegative() || quiet.isZero() || lookback.compareTo(quiet) <= 0) {
                throw new IllegalArgumentException("quiet must be positive and lookback longer than quiet");
            }
        }

        public static Settings defaults() {
            return new Settings(Duration.ofHours(3), Duration.ofHours(48));
        }
    }

    private final Settings settings;

    public StoppedDeliveringRule(Settings settings) {
        this.settings = settings;
    }

    public Settings settings() {
        return settings;
    }

    public static Map<String, String> scope(CampaignKey campaign) {
        return DailyBudgetPacingRule.scope(campaign);
    }

    public Evaluation forgotten(CampaignKey key) {
        return none(key, "Campaign " + key.campaignId() + " is no longer tracked: its advertiser's data was removed");
    }

    /**
     * Judges {@code campaign} at {@code now}, given its latest hour with delivery (null when none is known), the
     * campaign's daily spend on that hour's local date (null when not reported) and the end of its flight (null when
     * it has none or it is not known).
     */
    public Evaluation evaluate(PacedCampaign campaign, HourlyDelivery lastDelivered, DailySpend spendThatDay,
            Instant flightEnd, Instant now) {
        CampaignKey key = new CampaignKey(campaign.advertiserId(), campaign.campaignId());
        String name = campaign.displayName();
        if (campaign.deleted() || !ENABLED.equals(campaign.status())) {
            return none(key, "Campaign " + name + " is " + (campaign.deleted() ? "deleted" : "no longer enabled (status "
                    + campaign.status() + ")") + "; it is not expected to deliver");
        }
        if (campaign.timeZone() == null) {
            return none(key, "Campaign " + name + " has no known time zone; its delivery is not judged");
        }
        if (lastDelivered == null) {
            return none(key, "Campaign " + name + " has no hour with delivery reported");
        }
        ZoneId zone = ZoneId.of(campaign.timeZone());
        if (flightEnd != null && !flightEnd.isAfter(now)) {
            return none(key, "Campaign " + name + " is not expected to deliver: the schedules of its ad groups ended at "
                    + LOCAL.format(flightEnd.atZone(zone)) + " " + campaign.timeZone());
        }
        boolean exhausted = budgetSpent(campaign, lastDelivered, spendThatDay);
        LocalDate today = now.atZone(zone).toLocalDate();
        if (exhausted && lastDelivered.localDate().equals(today)) {
            return none(key, "Campaign " + name + " is not expected to deliver: it has spent "
                    + DailyBudgetPacingRule.money(spendThatDay.amount(), spendThatDay.currency()) + " "
                    + spendThatDay.currency() + " of its " + DailyBudgetPacingRule.money(campaign.budget(),
                            campaign.budgetCurrency()) + " " + campaign.budgetCurrency() + " daily budget today");
        }
        // a day that ended with its budget spent explains the quiet until the next local midnight
        Instant since = exhausted ? lastDelivered.localDate().plusDays(1).atStartOfDay(zone).toInstant()
                : lastDelivered.end(zone);
        String sinceText = LOCAL.format(since.atZone(zone)) + " " + campaign.timeZone();
        Duration quietFor = Duration.between(since, now);
        if (quietFor.compareTo(settings.quiet()) < 0) {
            return none(key, "Campaign " + name + " delivers again: its latest hour with delivery ended at "
                    + sinceText);
        }
        if (quietFor.compareTo(settings.lookback()) > 0) {
            return none(key, "Campaign " + name + " has not delivered since " + sinceText + ", longer than "
                    + hours(settings.lookback()) + "; it is no longer watched");
        }
        Map<String, String> labels = new TreeMap<>();
        labels.put(ADVERTISER_ID, campaign.advertiserId());
        labels.put(CAMPAIGN_ID, campaign.campaignId());
        labels.put(CAMPAIGN_NAME, name);
        labels.put(SINCE, since.toString());
        labels.put(TIME_ZONE, campaign.timeZone());
        if (lastDelivered.connectionId() != null) {
            labels.put(CONNECTION_ID, lastDelivered.connectionId());
        }
        AlertCandidate candidate = new AlertCandidate(Fingerprint.of(NAME, campaign.advertiserId(),
                campaign.campaignId(), since.toString()), NAME, Severity.CRITICAL, labels, "Campaign " + name
                + " is enabled but has not delivered since " + sinceText + " (" + hours(quietFor)
                + " without spend or impressions)");
        return new Evaluation(NAME, scope(key), List.of(candidate), ignored -> "Campaign " + name
                + " stopped delivering again at " + sinceText);
    }

    private static boolean budgetSpent(PacedCampaign campaign, HourlyDelivery day, DailySpend spend) {
        return PacedCampaign.BUDGET_MODE_DAY.equals(campaign.budgetMode()) && campaign.budget() != null
                && campaign.budget().signum() > 0 && spend != null && spend.localDate().equals(day.localDate())
                && spend.currency().equals(campaign.budgetCurrency())
                && spend.amount().multiply(BigDecimal.valueOf(100))
                        .compareTo(campaign.budget().multiply(BigDecimal.valueOf(EXHAUSTED_PERCENT))) >= 0;
    }

    private static String hours(Duration duration) {
        long minutes = duration.toMinutes();
        return minutes % 60 == 0 ? minutes / 60 + " h" : minutes / 60 + " h " + minutes % 60 + " min";
    }

    private static Evaluation none(CampaignKey key, String resolution) {
        return new Evaluation(NAME, scope(key), List.of(), ignored -> resolution);
    }
}
