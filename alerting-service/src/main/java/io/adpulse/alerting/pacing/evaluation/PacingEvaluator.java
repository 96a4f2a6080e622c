package io.adpulse.alerting.pacing.evaluation;

import io.adpulse.alerting.alert.domain.AlertLifecycle;
import io.adpulse.alerting.alert.domain.Evaluation;
import io.adpulse.alerting.pacing.domain.CampaignKey;
import io.adpulse.alerting.pacing.domain.DailyBudgetPacingRule;
import io.adpulse.alerting.pacing.domain.DailySpend;
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
 * Runs the pacing rule for campaigns and hands each result to the alert lifecycle, which serializes
 * evaluations of one campaign and commits alert state with its events. What is evaluated: one campaign
 * after an observation of it; every campaign of an advertiser after the advertiser changed (its time zone
 * may have); and, on the clock, every paced campaign plus every campaign that still has a firing alert,
 * so that alerts of campaigns that stopped being paced, or of a local day that ended, resolve too.
 */
@Service
class PacingEvaluator {

    private static final Logger log = LoggerFactory.getLogger(PacingEvaluator.class);

    private final PacingStore store;
    private final DailyBudgetPacingRule rule;
    private final RoasBelowTargetRule roas;
    private final AlertLifecycle lifecycle;

    PacingEvaluator(PacingStore store, DailyBudgetPacingRule rule, RoasBelowTargetRule roas, AlertLifecycle lifecycle) {
        this.store = store;
        this.rule = rule;
        this.roas = roas;
        this.lifecycle = lifecycle;
    }

    /** Evaluates both campaign rules: budget pacing, then ROAS, each in its own locked transaction. */
    Mono<Void> evaluateCampaign(CampaignKey key, Instant now) {
        Mono<Evaluation> pacing = store.findCampaign(key)
                .flatMap(campaign -> spendToday(campaign, now)
                        .map(spend -> rule.evaluate(campaign, spend.orElse(null), now)))
                .switchIfEmpty(Mono.fromSupplier(() -> rule.forgotten(key)));
        Mono<Evaluation> returns = store.findCampaign(key)
                .flatMap(campaign -> spendOn(campaign, roas.localDate(campaign, now))
                        .map(spend -> roas.evaluate(campaign, spend.orElse(null), now)))
                .switchIfEmpty(Mono.fromSupplier(() -> roas.forgotten(key)));
        return lifecycle.evaluate(DailyBudgetPacingRule.NAME, DailyBudgetPacingRule.scope(key), pacing, now)
                .then(Mono.defer(() -> lifecycle.evaluate(RoasBelowTargetRule.NAME, RoasBelowTargetRule.scope(key),
                        returns, now)));
    }

    Mono<Void> evaluateAdvertiser(String advertiserId, Instant now) {
        Map<String, String> scope = Map.of(DailyBudgetPacingRule.ADVERTISER_ID, advertiserId);
        return sweep(Flux.concat(store.campaignsOf(advertiserId), firing(scope)), now);
    }

    /**
     * The clock's sweep over every paced campaign and every campaign with a firing alert of either rule (ROAS only
     * changes with observations, but its alerts must resolve when their day ends); a campaign whose evaluation
     * fails is logged and the sweep goes on.
     */
    Mono<Void> evaluateAll(Instant now) {
        return sweep(Flux.concat(store.pacedCampaigns(), firing(Map.of())), now);
    }

    private Flux<CampaignKey> firing(Map<String, String> scope) {
        return Flux.concat(lifecycle.firingLabels(DailyBudgetPacingRule.NAME, scope),
                        lifecycle.firingLabels(RoasBelowTargetRule.NAME, scope))
                .map(PacingEvaluator::campaignOf);
    }

    private Mono<Void> sweep(Flux<CampaignKey> campaigns, Instant now) {
        return campaigns.distinct()
                .concatMap(key -> evaluateCampaign(key, now).onErrorResume(e -> {
                    log.warn("pacing evaluation of campaign {} of advertiser {} failed: {}", key.campaignId(),
                            key.advertiserId(), e.toString());
                    return Mono.empty();
                }))
                .then();
    }

    private Mono<Optional<DailySpend>> spendToday(PacedCampaign campaign, Instant now) {
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
