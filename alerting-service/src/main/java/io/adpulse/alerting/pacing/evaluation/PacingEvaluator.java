package io.adpulse.alerting.pacing.evaluation;

import io.adpulse.alerting.alert.domain.AlertLifecycle;
import io.adpulse.alerting.alert.domain.Evaluation;
import io.adpulse.alerting.pacing.domain.CampaignKey;
import io.adpulse.alerting.pacing.domain.DailyBudgetPacingRule;
import io.adpulse.alerting.pacing.domain.DailySpend;
import io.adpulse.alerting.pacing.domain.PacedCampaign;
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
    private final AlertLifecycle lifecycle;

    PacingEvaluator(PacingStore store, DailyBudgetPacingRule rule, AlertLifecycle lifecycle) {
        this.store = store;
        this.rule = rule;
        this.lifecycle = lifecycle;
    }

    Mono<Void> evaluateCampaign(CampaignKey key, Instant now) {
        Mono<Evaluation> evaluation = store.findCampaign(key)
                .flatMap(campaign -> spendToday(campaign, now)
                        .map(spend -> rule.evaluate(campaign, spend.orElse(null), now)))
                .switchIfEmpty(Mono.fromSupplier(() -> rule.forgotten(key)));
        return lifecycle.evaluate(DailyBudgetPacingRule.NAME, DailyBudgetPacingRule.scope(key), evaluation, now);
    }

    Mono<Void> evaluateAdvertiser(String advertiserId, Instant now) {
        Flux<CampaignKey> firing = lifecycle.firingLabels(DailyBudgetPacingRule.NAME,
                        Map.of(DailyBudgetPacingRule.ADVERTISER_ID, advertiserId))
                .map(PacingEvaluator::campaignOf);
        return sweep(Flux.concat(store.campaignsOf(advertiserId), firing), now);
    }

    /** The clock's sweep; a campaign whose evaluation fails is logged and the sweep goes on. */
    Mono<Void> evaluateAll(Instant now) {
        Flux<CampaignKey> firing = lifecycle.firingLabels(DailyBudgetPacingRule.NAME, Map.of())
                .map(PacingEvaluator::campaignOf);
        return sweep(Flux.concat(store.pacedCampaigns(), firing), now);
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

    private static CampaignKey campaignOf(Map<String, String> labels) {
        return new CampaignKey(labels.get(DailyBudgetPacingRule.ADVERTISER_ID),
                labels.get(DailyBudgetPacingRule.CAMPAIGN_ID));
    }
}
