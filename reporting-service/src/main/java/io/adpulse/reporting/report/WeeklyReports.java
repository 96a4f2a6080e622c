package io.adpulse.reporting.report;

import io.adpulse.events.EventEnvelope;
import io.adpulse.events.ReportGenerated;
import io.adpulse.reporting.advertiser.Advertiser;
import io.adpulse.reporting.advertiser.AdvertiserDirectory;
import io.adpulse.reporting.brand.Brand;
import io.adpulse.reporting.brand.Brands;
import io.adpulse.reporting.brand.Client;
import io.adpulse.reporting.brand.RollupRepository;
import io.adpulse.reporting.kpi.MetricSums;
import io.adpulse.reporting.outbox.Outbox;
import io.adpulse.reporting.web.DateRange;
import io.adpulse.reporting.web.InvalidRequestException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Generates weekly client reports: the figures of a client's advertisers (or one brand's) over an ISO week of their
 * local dates, rendered as HTML and CSV, stored, and announced with {@link ReportGenerated} on {@code reports.v1}
 * (key: client id). The report and its event are written in one transaction (the event through the outbox), so an
 * announced report always exists and a stored one is always announced.
 */
@Service
public class WeeklyReports {

    static final String SOURCE = "/adpulse/reporting-service";
    private static final Logger log = LoggerFactory.getLogger(WeeklyReports.class);

    private final Brands brands;
    private final AdvertiserDirectory advertisers;
    private final RollupRepository days;
    private final ReportRepository repository;
    private final Outbox outbox;
    private final TransactionalOperator transactions;
    private final Clock clock;

    WeeklyReports(Brands brands, AdvertiserDirectory advertisers, RollupRepository days, ReportRepository repository,
            Outbox outbox, TransactionalOperator transactions, Clock clock) {
        this.brands = brands;
        this.advertisers = advertisers;
        this.days = days;
        this.repository = repository;
        this.outbox = outbox;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** What a report is about: a client, and one of its brands or all of them; with its advertisers and their zones. */
    record Subject(Client client, Brand brand, List<Advertiser> advertisers, List<String> advertiserIds,
            Map<String, String> brandNames) {

        Set<ZoneId> zones() {
            Set<ZoneId> zones = new LinkedHashSet<>();
            for (String id : advertiserIds) {
                zones.add(advertisers.stream().filter(a -> a.advertiserId().equals(id)).findFirst()
                        .map(a -> zone(a.timeZone())).orElse(ReportWeeks.FURTHEST_BEHIND));
            }
            return zones;
        }

        private static ZoneId zone(String timeZone) {
            if (timeZone == null) {
                return ReportWeeks.FURTHEST_BEHIND;
            }
            try {
                return ZoneId.of(timeZone);
            } catch (DateTimeException unknown) {
                return ReportWeeks.FURTHEST_BEHIND;
            }
        }
    }

    /** The client (and brand, which must be the client's), with its advertisers; 404 problems for unknown ids. */
    Mono<Subject> subject(String clientId, String brandId) {
        return brands.client(clientId).flatMap(client -> {
            Mono<Brand> brand = brandId == null ? Mono.empty() : brands.brand(brandId).flatMap(b ->
                    b.clientId().equals(clientId) ? Mono.just(b)
                            : Mono.error(new InvalidRequestException("brand '" + brandId + "' is not one of client '"
                                    + clientId + "'")));
            Mono<List<Brand>> covered = brand.map(List::of).switchIfEmpty(brands.brands(clientId).collectList());
            return covered.flatMap(list -> {
                Map<String, String> names = new TreeMap<>();
                list.forEach(b -> b.advertiserIds().forEach(id -> names.put(id, b.name())));
                List<String> ids = List.copyOf(names.keySet());
                return Flux.fromIterable(ids).concatMap(advertisers::find).collectList()
                        .map(profiles -> new Subject(client, brandId == null ? null : list.get(0), profiles, ids,
                                names));
            });
        });
    }

    /** The Monday of the latest week that is over for every advertiser of the subject at now. */
    LocalDate lastWeekOver(Subject subject) {
        return ReportWeeks.lastOver(subject.zones(), clock.instant());
    }

    /** Checks a week asked for: a Monday, and over for every advertiser of the subject; a 400 otherwise. */
    LocalDate checkWeek(Subject subject, LocalDate weekStart) {
        if (weekStart.getDayOfWeek() != DayOfWeek.MONDAY) {
            throw new InvalidRequestException("'weekStart' must be a Monday (ISO weeks run Monday to Sunday), got "
                    + weekStart + ", a " + weekStart.getDayOfWeek());
        }
        if (!ReportWeeks.over(weekStart, subject.zones(), clock.instant())) {
            throw new InvalidRequestException("the week " + weekStart + " to " + weekStart.plusDays(6)
                    + " is not over yet in every time zone of the advertisers " + subject.zones());
        }
        return weekStart;
    }

    /**
     * Generates, stores and announces the report of the subject's week. A scheduled generation is skipped (empty)
     * when the schedule already stored that week's report of the subject.
     */
    Mono<ReportInfo> generate(Subject subject, LocalDate weekStart, boolean scheduled, String requestedBy) {
        DateRange week = new DateRange(weekStart, weekStart.plusDays(6));
        Instant now = clock.instant();
        String reportId = UUID.randomUUID().toString();
        Client client = subject.client();
        Brand brand = subject.brand();
        ReportInfo info = new ReportInfo(reportId, ReportInfo.WEEKLY, client.clientId(), client.name(),
                brand == null ? null : brand.brandId(), brand == null ? null : brand.name(), week.from(), week.to(),
                scheduled, requestedBy, now);
        return content(subject, week, now).flatMap(content -> {
            ReportGenerated data = new ReportGenerated(reportId, ReportInfo.WEEKLY, client.clientId(),
                    info.brandId(), week.from(), week.to(), ReportInfo.FORMATS, requestedBy, now);
            EventEnvelope<ReportGenerated> event = EventEnvelope.of(SOURCE, client.clientId(), now, data, reportId);
            Mono<ReportInfo> write = repository.insert(info, ReportRenderer.html(content), ReportRenderer.csv(content))
                    .flatMap(stored -> stored ? outbox.append(event).thenReturn(info) : Mono.empty());
            return transactions.transactional(write)
                    .doOnNext(r -> log.info("generated weekly report {} of client {} brand {} for {} ({})",
                            r.reportId(), r.clientId(), r.brandId(), r.periodStart(), r.requestedBy()));
        });
    }

    private Mono<WeeklyContent> content(Subject subject, DateRange week, Instant now) {
        if (subject.advertiserIds().isEmpty()) {
            return Mono.just(build(subject, week, now, List.of(), List.of()));
        }
        Flux<RollupRepository.AdvertiserDay> rows = subject.brand() == null
                ? days.days(subject.client().clientId(), null, week)
                : days.days(null, subject.brand().brandId(), week);
        return Mono.zip(rows.collectList(), repository.campaigns(subject.advertiserIds(), week).collectList())
                .map(t -> build(subject, week, now, t.getT1(), t.getT2()));
    }

    private WeeklyContent build(Subject subject, DateRange week, Instant now,
            List<RollupRepository.AdvertiserDay> rows, List<WeeklyContent.CampaignLine> campaigns) {
        Map<String, MetricSums> sums = new HashMap<>();
        Map<String, Long> counts = new HashMap<>();
        for (var row : rows) {
            String key = row.advertiserId() + "|" + row.currency();
            sums.merge(key, row.sums(), MetricSums::plus);
            counts.merge(key, 1L, Long::sum);
        }
        List<WeeklyContent.AdvertiserLine> lines = new ArrayList<>();
        Map<String, MetricSums> totals = new TreeMap<>();
        Map<String, Set<String>> totalAdvertisers = new TreeMap<>();
        for (String id : subject.advertiserIds()) {
            Advertiser profile = subject.advertisers().stream().filter(a -> a.advertiserId().equals(id)).findFirst()
                    .orElse(null);
            Set<String> seen = new LinkedHashSet<>();
            rows.stream().filter(r -> r.advertiserId().equals(id)).forEach(r -> seen.add(r.currency()));
            if (seen.isEmpty()) {
                lines.add(new WeeklyContent.AdvertiserLine(id, profile == null ? null : profile.name(),
                        subject.brandNames().get(id), profile == null ? null : profile.timeZone(),
                        profile == null ? null : profile.currency(), 0, null));
            }
            for (String currency : seen) {
                MetricSums s = sums.get(id + "|" + currency);
                lines.add(new WeeklyContent.AdvertiserLine(id, profile == null ? null : profile.name(),
                        subject.brandNames().get(id), profile == null ? null : profile.timeZone(), currency,
                        counts.get(id + "|" + currency), s));
                totals.merge(currency, s, MetricSums::plus);
                totalAdvertisers.computeIfAbsent(currency, c -> new LinkedHashSet<>()).add(id);
            }
        }
        List<WeeklyContent.Total> totalLines = totals.entrySet().stream()
                .map(e -> new WeeklyContent.Total(e.getKey(), totalAdvertisers.get(e.getKey()).size(), e.getValue()))
                .toList();
        return new WeeklyContent(subject.client().clientId(), subject.client().name(),
                subject.brand() == null ? null : subject.brand().brandId(),
                subject.brand() == null ? null : subject.brand().name(), week.from(), week.to(), now, lines,
                campaigns, totalLines);
    }
}
