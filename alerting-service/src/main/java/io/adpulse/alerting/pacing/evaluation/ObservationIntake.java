package io.adpulse.alerting.pacing.evaluation;

import io.adpulse.alerting.pacing.domain.BudgetKey;
import io.adpulse.alerting.pacing.domain.CampaignKey;
import io.adpulse.alerting.pacing.domain.DailySpend;
import io.adpulse.alerting.pacing.domain.HourlyDelivery;
import io.adpulse.alerting.pacing.store.PacingStore;
import io.adpulse.events.EntityLevel;
import io.adpulse.events.EntityObserved;
import io.adpulse.events.Granularity;
import io.adpulse.events.InvalidEventException;
import io.adpulse.events.MetricObserved;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
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
    static final String CONVERSIONS = "conversion";
    static final String IMPRESSIONS = "impressions";
    static final String SCHEDULE_START = "schedule_start_time";
    static final String SCHEDULE_END = "schedule_end_time";

    /** TikTok's schedule times: "2026-12-31 23:59:59", in UTC. */
    private static final DateTimeFormatter SCHEDULE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

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
            case ADGROUP -> Mono.defer(() -> store.saveAdgroup(entity, scheduleTime(entity, SCHEDULE_START),
                            scheduleTime(entity, SCHEDULE_END)))
                    .then(Mono.defer(() -> evaluator.evaluateBudget(
                            BudgetKey.adgroup(entity.advertiserId(), entity.entityId()), clock.instant())));
            case AD -> Mono.empty();
        };
    }

    /** The advertiser's entity was tombstoned: forget it, which resolves its campaigns' alerts. */
    public Mono<Void> advertiserRemoved(String advertiserId) {
        return store.forgetAdvertiser(advertiserId)
                .then(Mono.defer(() -> evaluator.evaluateAdvertiser(advertiserId, clock.instant())));
    }

    public Mono<Void> metricObserved(MetricObserved metric) {
        if (metric.level() == EntityLevel.CAMPAIGN && metric.granularity() == Granularity.HOUR) {
            return hourObserved(metric);
        }
        if ((metric.level() != EntityLevel.CAMPAIGN && metric.level() != EntityLevel.ADGROUP)
                || metric.granularity() != Granularity.DAY
                || metric.metrics() == null || !metric.metrics().containsKey(SPEND)) {
            return Mono.empty();
        }
        BigDecimal spend = metric.metrics().get(SPEND);
        if (spend == null || spend.signum() < 0) {
            return Mono.error(new InvalidEventException(metric.level().name().toLowerCase() + " " + metric.entityId()
                    + " reports spend " + spend + " on " + metric.statDate() + "; spend must be a non-negative amount"));
        }
        if (metric.level() == EntityLevel.ADGROUP) {
            BudgetKey adgroup = BudgetKey.adgroup(metric.advertiserId(), metric.entityId());
            return store.saveAdgroupSpend(metric.advertiserId(), metric.entityId(), metric.statDate(), spend,
                            metric.currency(), metric.observedAt())
                    .then(Mono.defer(() -> evaluator.evaluateBudget(adgroup, clock.instant())));
        }
        BigDecimal purchaseValue = metric.metrics().get(PURCHASE_VALUE);
        if (purchaseValue != null && purchaseValue.signum() < 0) {
            return Mono.error(new InvalidEventException("campaign " + metric.entityId() + " reports "
                    + PURCHASE_VALUE + " " + purchaseValue + " on " + metric.statDate()
                    + "; a purchase value cannot be negative"));
        }
        BigDecimal conversions = metric.metrics().get(CONVERSIONS);
        if (conversions != null && conversions.signum() < 0) {
            return Mono.error(new InvalidEventException("campaign " + metric.entityId() + " reports " + CONVERSIONS
                    + " " + conversions + " on " + metric.statDate() + "; conversions cannot be negative"));
        }
        CampaignKey key = new CampaignKey(metric.advertiserId(), metric.entityId());
        return store.saveSpend(new DailySpend(key.advertiserId(), key.campaignId(), metric.statDate(), spend,
                        metric.currency(), metric.observedAt(), purchaseValue, conversions))
                .then(Mono.defer(() -> evaluator.evaluateCampaign(key, clock.instant())));
    }

    /** A campaign's hourly report: kept for the spend-anomaly and stopped-delivery rules. */
    private Mono<Void> hourObserved(MetricObserved metric) {
        BigDecimal spend = metric.metrics() == null ? null : metric.metrics().get(SPEND);
        BigDecimal impressions = metric.metrics() == null ? null : metric.metrics().get(IMPRESSIONS);
        if (spend == null && impressions == null) {
            return Mono.empty();
        }
        if (metric.statHour() == null || metric.statHour() < 0 || metric.statHour() > 23) {
            return Mono.error(new InvalidEventException("hourly report of campaign " + metric.entityId() + " on "
                    + metric.statDate() + " has hour " + metric.statHour() + "; an hour must be 0 to 23"));
        }
        if ((spend != null && spend.signum() < 0) || (impressions != null && impressions.signum() < 0)) {
            return Mono.error(new InvalidEventException("hourly report of campaign " + metric.entityId() + " on "
                    + metric.statDate() + " hour " + metric.statHour() + " has negative spend or impressions"));
        }
        CampaignKey key = new CampaignKey(metric.advertiserId(), metric.entityId());
        return store.saveHourly(key.advertiserId(), key.campaignId(), new HourlyDelivery(metric.statDate(),
                        metric.statHour(), spend, impressions, metric.currency(), metric.observedAt(),
                        metric.connectionId()))
                .then(Mono.defer(() -> evaluator.evaluateHourlyRules(key, clock.instant())));
    }

    /** An ad group's schedule time, null when absent; a value that is not TikTok's format makes the event invalid. */
    private static Instant scheduleTime(EntityObserved adgroup, String attribute) {
        String value = adgroup.attributes() == null ? null : adgroup.attributes().get(attribute);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.trim(), SCHEDULE_TIME).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new InvalidEventException("ad group " + adgroup.entityId() + " has " + attribute + " '" + value
                    + "', which is not yyyy-MM-dd HH:mm:ss");
        }
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
