package io.adpulse.reporting.report;

import io.adpulse.reporting.brand.Brand;
import io.adpulse.reporting.brand.Brands;
import io.adpulse.reporting.config.ReportingProperties;
import io.adpulse.reporting.outbox.PeriodicTask;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Generates the weekly reports on schedule. Every {@code check-interval} it takes the latest time the cron
 * expression fired ({@link ReportWeeks#lastRun}) and the week that run reports ({@link ReportWeeks#weekOfRun}); then,
 * for every client (a report over all its brands) and every brand, it generates that week's report once the week is
 * over in all their advertisers' time zones, unless the schedule already did. Clients and brands without advertisers
 * get none. Running it more often, on several instances or after a restart generates nothing twice (a unique index
 * on scheduled reports). Time comes from the service clock.
 */
@Component
class ReportSchedule extends PeriodicTask {

    private final WeeklyReports reports;
    private final ReportRepository repository;
    private final Brands brands;
    private final Clock clock;
    private final CronExpression cron;

    ReportSchedule(WeeklyReports reports, ReportRepository repository, Brands brands, Clock clock,
            ReportingProperties properties) {
        super("weekly report schedule", properties.reports().checkInterval());
        this.reports = reports;
        this.repository = repository;
        this.brands = brands;
        this.clock = clock;
        this.cron = CronExpression.parse(properties.reports().cron());
    }

    /** One pass at the clock's now; emits the reports generated. */
    Flux<ReportInfo> due() {
        return Flux.defer(() -> {
            Instant now = clock.instant();
            Instant run = ReportWeeks.lastRun(cron, now);
            if (run == null) {
                return Flux.empty();
            }
            LocalDate week = ReportWeeks.weekOfRun(run);
            return brands.brands(null).collectMultimap(Brand::clientId)
                    .flatMapMany(byClient -> Flux.fromIterable(byClient.keySet())
                            .concatMap(clientId -> Flux.concat(Flux.just(""), Flux.fromIterable(byClient.get(clientId))
                                            .map(Brand::brandId))
                                    .concatMap(brandId -> one(clientId, brandId.isEmpty() ? null : brandId, week,
                                            now))));
        });
    }

    private Mono<ReportInfo> one(String clientId, String brandId, LocalDate week, Instant now) {
        return repository.scheduled(clientId, brandId, week).flatMap(done -> done ? Mono.<ReportInfo>empty()
                : reports.subject(clientId, brandId).flatMap(subject -> {
                    if (subject.advertiserIds().isEmpty() || !ReportWeeks.over(week, subject.zones(), now)) {
                        return Mono.empty();
                    }
                    return reports.generate(subject, week, true, ReportInfo.SCHEDULE);
                }));
    }

    @Override
    protected Mono<?> runOnce() {
        return due().then();
    }
}
