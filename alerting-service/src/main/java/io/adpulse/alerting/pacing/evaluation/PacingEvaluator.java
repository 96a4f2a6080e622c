package io.adpulse.alerting.pacing.evaluation;

import io.adpulse.alerting.alert.domain.AlertLifecycle;
import io.adpulse.alerting.alert.domain.Evaluation;
import io.adpulse.alerting.pacing.domain.BudgetKey;
import io.adpulse.alerting.pacing.domain.BudgetLevel;
import io.adpulse.alerting.pacing.domain.CampaignKey;
import io.adpulse.alerting.pacing.domain.CpaAboveTargetRule;
import io.adpulse.alerting.pacing.domain.HourlyDelivery;
import io.adpulse.pacing.IntradayCurve;
import io.adpulse.alerting.pacing.domain.SpendAnomalyRule;
import io.adpulse.alerting.pacing.domain.StoppedDeliveringRule;
import io.adpulse.alerting.config.AlertingProperties;
import io.adpulse.alerting.config.LiveSettings;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import io.adpulse.alerting.pacing.domain.DailyBudgetPacingRule;
import io.adpulse.alerting.pacing.domain.DailySpend;
import io.adpulse.alerting.pacing.domain.LifetimeBudget;
import io.adpulse.alerting.pacing.domain.LifetimeBudgetPacingRule;
import io.adpulse.alerting.pacing.domain.LifetimeSpend;
import io.adpulse.alerting.pacing.domain.PacedCampaign;
import io.adpulse.alerting.pacing.domain.RoasBelowTargetRule;
import java.time.LocalDate;
import io.adpulse.alerting.pacing.store.PacingStore;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs the campaign rules and hands each result to the alert lifecycle, which serializes evaluations of one
 * rule and scope and commits alert state with its events. What is evaluated: one campaign (or ad group) after an
 * observation of it; every campaign and lifetime budget of an advertiser after the advertiser changed (its time zone
 * may have); and, on the clock, see {@link #evaluateAll}, so that alerts of campaigns that stopped being judged, of a
 * local day or flight that ended, or of time passing without delivery, change too.
 */
@Service
class PacingEvaluator {

    private static final Logger log = LoggerFactory.getLogger(PacingEvaluator.class);

    private final PacingStore store;
    private final StoppedDeliveringRule stopped;
    private final AlertLifecycle lifecycle;
    private final IntradayCurve.Settings curveSettings;
    private final LiveSettings live;
    private final Duration anomalyMaxAge;

    PacingEvaluator(PacingStore store, StoppedDeliveringRule stopped, AlertLifecycle lifecycle,
            IntradayCurve.Settings curveSettings, LiveSettings live, AlertingProperties properties) {
        this.curveSettings = curveSettings;
        this.store = store;
        this.stopped = stopped;
        this.lifecycle = lifecycle;
        this.live = live;
        this.anomalyMaxAge = properties.anomaly().maxAge();
    }

    /**
     * The thresholds and targets in effect for a campaign of an advertiser ({@code campaignId} null for the
     * advertiser's), read anew for each evaluation so that an edit takes effect without a restart.
     */
    private Mono<CampaignRules> rules(String advertiserId, String campaignId) {
        return live.current().map(snapshot -> new CampaignRules(snapshot.settings(), advertiserId, campaignId,
                anomalyMaxAge));
    }

    /**
     * Evaluates every campaign rule: daily pacing, ROAS, CPA, the hourly rules, then lifetime pacing, each in its own
     * locked transaction.
     */
    Mono<Void> evaluateCampaign(CampaignKey key, Instant now) {
        return evaluateDailyRules(key, now)
                .then(Mono.defer(() -> evaluateHourlyRules(key, now)))
                .then(Mono.defer(() -> evaluateLifetime(BudgetKey.campaign(key), now)));
    }

    /** The rules on hourly reports: spend anomaly and stopped delivery, each in its own locked transaction. */
    Mono<Void> evaluateHourlyRules(CampaignKey key, Instant now) {
        Mono<Evaluation> anomalous = rules(key.advertiserId(), key.campaignId()).map(CampaignRules::anomaly)
                .flatMap(anomaly -> store.findCampaign(key)
                        .flatMap(campaign -> latestCompleteHour(campaign)
                                .flatMap(hour -> hour.map(latest -> store.sameHourSpend(key, latest.hour(),
                                                        latest.localDate().minusDays(anomaly.settings().historyDays()),
                                                        latest.localDate().minusDays(1))
                                                .map(history -> anomaly.evaluate(campaign, latest, history, now)))
                                        .orElseGet(() -> Mono.just(anomaly.evaluate(campaign, null, List.of(), now)))))
                        .switchIfEmpty(Mono.fromSupplier(() -> anomaly.forgotten(key))));
        Mono<Evaluation> delivering = store.findCampaign(key)
                .flatMap(campaign -> store.lastDelivered(key)
                        .flatMap(hour -> Mono.zip(
                                        store.findSpend(key, hour.localDate()).map(Optional::of)
                                                .defaultIfEmpty(Optional.empty()),
                                        store.findLifetimeBudget(BudgetKey.campaign(key))
                                                .map(budget -> Optional.ofNullable(budget.flightEnd()))
                                                .defaultIfEmpty(Optional.empty()))
                                .map(facts -> stopped.evaluate(campaign, hour, facts.getT1().orElse(null),
                                        facts.getT2().orElse(null), now)))
                        .switchIfEmpty(Mono.fromSupplier(() -> stopped.evaluate(campaign, null, null, null, now))))
                .switchIfEmpty(Mono.fromSupplier(() -> stopped.forgotten(key)));
        return lifecycle.evaluate(SpendAnomalyRule.NAME, SpendAnomalyRule.scope(key), anomalous, now)
                .then(Mono.defer(() -> lifecycle.evaluate(StoppedDeliveringRule.NAME, StoppedDeliveringRule.scope(key),
                        delivering, now)));
    }

    /** The campaign's latest hour whose report was read after the hour ended (among its latest 48 reports). */
    private Mono<Optional<HourlyDelivery>> latestCompleteHour(PacedCampaign campaign) {
        if (campaign.timeZone() == null) {
            return Mono.just(Optional.empty());
        }
        ZoneId zone = ZoneId.of(campaign.timeZone());
        return store.latestHours(new CampaignKey(campaign.advertiserId(), campaign.campaignId()), 48)
                .map(hours -> hours.stream().filter(hour -> hour.complete(zone)).findFirst());
    }

    /**
     * Evaluates the lifetime pacing of one campaign or ad group; for an ad group also that of its campaign, whose
     * flight is made of its ad groups' schedules.
     */
    Mono<Void> evaluateBudget(BudgetKey key, Instant now) {
        if (key.level() == BudgetLevel.CAMPAIGN) {
            return evaluateLifetime(key, now);
        }
        return evaluateLifetime(key, now)
                .then(store.campaignOfAdgroup(key.advertiserId(), key.entityId())
                        .flatMap(campaign -> evaluateLifetime(new BudgetKey(key.advertiserId(), BudgetLevel.CAMPAIGN,
                                campaign), now)));
    }

    private Mono<Void> evaluateLifetime(BudgetKey key, Instant now) {
        String campaignOfKey = key.level() == BudgetLevel.CAMPAIGN ? key.entityId() : null;
        Mono<Evaluation> evaluation = store.findLifetimeBudget(key)
                .flatMap(budget -> rules(key.advertiserId(), campaignOfKey == null ? budget.campaignId() : campaignOfKey)
                        .map(CampaignRules::lifetime)
                        .flatMap(lifetime -> lifetimeSpend(lifetime, budget)
                                .map(spend -> lifetime.evaluate(budget, spend.orElse(null), now))))
                .switchIfEmpty(Mono.defer(() -> rules(key.advertiserId(), campaignOfKey)
                        .map(rules -> rules.lifetime().forgotten(key))));
        return lifecycle.evaluate(LifetimeBudgetPacingRule.NAME, LifetimeBudgetPacingRule.scope(key), evaluation, now);
    }

    private Mono<Optional<LifetimeSpend>> lifetimeSpend(LifetimeBudgetPacingRule lifetime, LifetimeBudget budget) {
        return lifetime.flightDates(budget)
                .map(dates -> store.lifetimeSpend(budget.key(), dates.first(), dates.last())
                        .map(Optional::of)
                        .defaultIfEmpty(Optional.empty()))
                .orElseGet(() -> Mono.just(Optional.empty()));
    }

    private Mono<Void> evaluateDailyRules(CampaignKey key, Instant now) {
        Mono<CampaignRules> rules = rules(key.advertiserId(), key.campaignId());
        Mono<Evaluation> pacing = rules.map(CampaignRules::daily).flatMap(rule -> store.findCampaign(key)
                .flatMap(campaign -> spendToday(rule, campaign, now)
                        .flatMap(spend -> curve(rule, campaign, now)
                                .map(curve -> rule.evaluate(campaign, spend.orElse(null), curve, now))))
                .switchIfEmpty(Mono.fromSupplier(() -> rule.forgotten(key))));
        Mono<Evaluation> returns = rules.map(CampaignRules::roas).flatMap(roas -> store.findCampaign(key)
                .flatMap(campaign -> spendOn(campaign, roas.localDate(campaign, now))
                        .map(spend -> roas.evaluate(campaign, spend.orElse(null), now)))
                .switchIfEmpty(Mono.fromSupplier(() -> roas.forgotten(key))));
        Mono<Evaluation> costs = rules.flatMap(r -> {
            RoasBelowTargetRule roas = r.roas();
            CpaAboveTargetRule cpa = r.cpa();
            return store.findCampaign(key)
                    .flatMap(campaign -> spendOn(campaign, roas.localDate(campaign, now))
                            .map(spend -> cpa.evaluate(campaign, spend.orElse(null), now)))
                    .switchIfEmpty(Mono.fromSupplier(() -> cpa.forgotten(key)));
        });
        return lifecycle.evaluate(DailyBudgetPacingRule.NAME, DailyBudgetPacingRule.scope(key), pacing, now)
                .then(Mono.defer(() -> lifecycle.evaluate(RoasBelowTargetRule.NAME, RoasBelowTargetRule.scope(key),
                        returns, now)))
                .then(Mono.defer(() -> lifecycle.evaluate(CpaAboveTargetRule.NAME, CpaAboveTargetRule.scope(key),
                        costs, now)));
    }

    Mono<Void> evaluateAdvertiser(String advertiserId, Instant now) {
        Map<String, String> scope = Map.of(DailyBudgetPacingRule.ADVERTISER_ID, advertiserId);
        return sweep(Flux.concat(store.campaignsOf(advertiserId), firing(scope)), now)
                .then(Mono.defer(() -> sweepHourly(Flux.concat(store.campaignsOf(advertiserId), firingHourly(scope)),
                        now)))
                .then(Mono.defer(() -> sweepBudgets(Flux.concat(store.lifetimeBudgets(advertiserId),
                        firingBudgets(scope)), now)));
    }

    /**
     * The clock's sweep: the daily rules over every paced campaign and every campaign with a firing alert of them
     * (ROAS and CPA only change with observations, but their alerts must resolve when their day ends); the hourly rules
     * over every campaign that delivered within the stopped-delivery look-back or has a firing alert of them; lifetime
     * pacing over every lifetime budget and every holder with a firing alert. A campaign whose evaluation fails is
     * logged and the sweep goes on.
     */
    Mono<Void> evaluateAll(Instant now) {
        return sweep(Flux.concat(store.pacedCampaigns(), firing(Map.of())), now)
                .then(Mono.defer(() -> sweepHourly(Flux.concat(store.campaignsDeliveredSince(deliveredSince(now)),
                        firingHourly(Map.of())), now)))
                .then(Mono.defer(() -> sweepBudgets(Flux.concat(store.lifetimeBudgets(null), firingBudgets(Map.of())),
                        now)));
    }

    /**
     * The earliest local date whose delivery can still matter to the stopped-delivery rule: its look-back before now,
     * one more day for time zones behind UTC.
     */
    private LocalDate deliveredSince(Instant now) {
        return now.minus(stopped.settings().lookback()).atZone(ZoneOffset.UTC).toLocalDate().minusDays(1);
    }

    private Flux<CampaignKey> firingHourly(Map<String, String> scope) {
        return Flux.concat(lifecycle.firingLabels(SpendAnomalyRule.NAME, scope),
                        lifecycle.firingLabels(StoppedDeliveringRule.NAME, scope))
                .map(PacingEvaluator::campaignOf);
    }

    private Mono<Void> sweepHourly(Flux<CampaignKey> campaigns, Instant now) {
        return campaigns.distinct()
                .concatMap(key -> evaluateHourlyRules(key, now).onErrorResume(e -> {
                    log.warn("hourly evaluation of campaign {} of advertiser {} failed: {}", key.campaignId(),
                            key.advertiserId(), e.toString());
                    return Mono.empty();
                }))
                .then();
    }

    private Flux<BudgetKey> firingBudgets(Map<String, String> scope) {
        return lifecycle.firingLabels(LifetimeBudgetPacingRule.NAME, scope).map(LifetimeBudgetPacingRule::keyOf);
    }

    /** Lifetime pacing of each budget holder; a holder whose evaluation fails is logged and the sweep goes on. */
    private Mono<Void> sweepBudgets(Flux<BudgetKey> budgets, Instant now) {
        return budgets.distinct()
                .concatMap(key -> evaluateLifetime(key, now).onErrorResume(e -> {
                    log.warn("lifetime pacing evaluation of {} {} of advertiser {} failed: {}", key.level().label(),
                            key.entityId(), key.advertiserId(), e.toString());
                    return Mono.empty();
                }))
                .then();
    }

    private Flux<CampaignKey> firing(Map<String, String> scope) {
        return Flux.concat(lifecycle.firingLabels(DailyBudgetPacingRule.NAME, scope),
                        lifecycle.firingLabels(RoasBelowTargetRule.NAME, scope),
                        lifecycle.firingLabels(CpaAboveTargetRule.NAME, scope))
                .map(PacingEvaluator::campaignOf);
    }

    private Mono<Void> sweep(Flux<CampaignKey> campaigns, Instant now) {
        return campaigns.distinct()
                .concatMap(key -> evaluateDailyRules(key, now).onErrorResume(e -> {
                    log.warn("pacing evaluation of campaign {} of advertiser {} failed: {}", key.campaignId(),
                            key.advertiserId(), e.toString());
                    return Mono.empty();
                }))
                .then();
    }

    /**
     * The advertiser's intraday curve, learned from its hourly spend on the complete local days before the campaign's
     * current one (linear when there is not enough of it or the campaign is not paced).
     */
    private Mono<IntradayCurve> curve(DailyBudgetPacingRule rule, PacedCampaign campaign, Instant now) {
        return rule.localDay(campaign, now)
                .map(day -> store.hourlySpend(campaign.advertiserId(),
                                day.localDate().minusDays(curveSettings.historyDays()), day.localDate().minusDays(1))
                        .map(history -> IntradayCurve.learn(history, curveSettings)))
                .orElseGet(() -> Mono.just(IntradayCurve.linear()));
    }

    private Mono<Optional<DailySpend>> spendToday(DailyBudgetPacingRule rule, PacedCampaign campaign, Instant now) {
        return rule.localDay(campaign, now)
                .map(day -> store.findSpend(new CampaignKey(campaign.advertiserId(), campaign.campaignId()),
                                day.localDate())
                        .map(Optional::of)
                        .defaultIfEmpty(Optional.empty()))
                .orElseGet(() -> Mono.just(Optional.empty()));
    }

    private Mono<Optional<DailySpend>> spendOn(PacedCampaign campaign, Optional<LocalDate> date) {
        return date.map(day -> store.findSpend(new CampaignKey(campaign.advertiserId(), campaign.campaignId()), day)
                        .map(Optional::of)
                        .defaultIfEmpty(Optional.empty()))
                .orElseGet(() -> Mono.just(Optional.empty()));
    }

    private static CampaignKey campaignOf(Map<String, String> labels) {
        return new CampaignKey(labels.get(DailyBudgetPacingRule.ADVERTISER_ID),
                labels.get(DailyBudgetPacingRule.CAMPAIGN_ID));
    }
}
