package io.adpulse.alerting.pacing.evaluation;

import io.adpulse.alerting.pacing.domain.CampaignKey;
import io.adpulse.alerting.pacing.domain.DailySpend;
import io.adpulse.alerting.pacing.store.PacingStore;
import io.adpulse.events.EntityLevel;
import io.adpulse.events.EntityObserved;
import io.adpulse.events.Granularity;
import io.adpulse.events.InvalidEventException;
import io.adpulse.events.MetricObserved;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Takes in observations from the entity and metric topics: keeps what pacing needs and evaluates what
 * the observation may have changed, at the current instant of the injected clock. Observations pacing
 * does not use (ad groups, ads, hourly or non-campaign metrics, metrics without spend) are accepted and
 * ignored; observations it cannot use are rejected as invalid.
 */
@Service
public class ObservationIntake {

    static final String SPEND = "spend";
    static final String PURCHASE_VALUE = "total_purchase_value";

    private final PacingStore store;
    private final PacingEvaluator evaluator;
    private final Clock clock;

    ObservationIntake(PacingStore store, PacingEvaluator evaluator, Clock clock) {
        this.store = store;
        this.evaluator = evaluator;
        this.clock = clock;
    }

    public Mono<Void> entityObserved(EntityObserved entity) {
        return switch (entity.level()) {
            case ADVERTISER -> Mono.fromRunnable(() -> requireTimeZone(entity))
                    .then(store.saveAdvertiser(entity))
                    .then(Mono.defer(() -> evaluator.evaluateAdvertiser(entity.advertiserId(), clock.instant())));
            case CAMPAIGN -> store.saveCampaign(entity)
                    .then(Mono.defer(() -> evaluator.evaluateCampaign(
                            new CampaignKey(entity.advertiserId(), entity.entityId()), clock.instant())));
            case ADGROUP, AD -> Mono.empty();
        };
    }

    /** The advertiser's entity was tombstoned: forget it, which resolves its campaigns' alerts. */
    public Mono<Void> advertiserRemoved(String advertiserId) {
        return store.forgetAdvertiser(advertiserId)
                .then(Mono.defer(() -> evaluator.evaluateAdvertiser(advertiserId, clock.instant())));
    }

    public Mono<Void> metricObserved(MetricObserved metric) {
        if (metric.level() != EntityLevel.CAMPAIGN || metric.granularity() != Granularity.DAY
                || metric.metrics() == null || !metric.metrics().containsKey(SPEND)) {
            return Mono.empty();
        }
        BigDecimal spend = metric.metrics().get(SPEND);
        if (spend == null || spend.signum() < 0) {
            return Mono.error(new InvalidEventException("campaign " + metric.entityId() + " reports spend " + spend
                    + " on " + metric.statDate() + "; spend must be a non-negative amount"));
        }
        BigDecimal purchaseValue = metric.metrics().get(PURCHASE_VALUE);
        if (purchaseValue != null && purchaseValue.signum() < 0) {
            return Mono.error(new InvalidEventException("campaign " + metric.entityId() + " reports "
                    + PURCHASE_VALUE + " " + purchaseValue + " on " + metric.statDate()
                    + "; a purchase value cannot be negative"));
        }
        CampaignKey key = new CampaignKey(metric.advertiserId(), metric.entityId());
        return store.saveSpend(new DailySpend(key.advertiserId(), key.campaignId(), metric.statDate(), spend,
                        metric.currency(), metric.observedAt(), purchaseValue))
                .then(Mono.defer(() -> evaluator.evaluateCampaign(key, clock.instant())));
    }

    private static void requireTimeZone(EntityObserved advertiser) {
        if (advertiser.timeZone() == null) {
            return;
        }
        try {
            ZoneId.of(advertiser.timeZone());
        } catch (DateTimeException e) {
            throw new InvalidEventException("advertiser " + advertiser.advertiserId() + " has time zone '"
                    + advertiser.timeZone() + "', which is not a known IANA time zone");
        }
    }
}
