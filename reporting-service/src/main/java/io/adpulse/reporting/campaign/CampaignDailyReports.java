package io.adpulse.reporting.campaign;

import io.adpulse.reporting.advertiser.Advertiser;
import io.adpulse.reporting.advertiser.AdvertiserDirectory;
import io.adpulse.reporting.advertiser.AdvertiserNotFoundException;
import io.adpulse.reporting.kpi.Figures;
import io.adpulse.reporting.kpi.MetricSums;
import io.adpulse.reporting.web.CurrencyConflictException;
import io.adpulse.reporting.web.DateRange;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Builds the daily campaign report of an advertiser.
 *
 * <p>Rules: rows are the campaign-level daily metrics in the range (advertiser-local dates, both ends
 * included), named after each campaign's latest state, deleted campaigns included. Totals are the sums of
 * the rows, and the total KPIs are computed from those sums. The report's currency is the advertiser's;
 * rows in another currency cannot be totalled with it and make the request a 409. The time zone is the
 * advertiser's, the zone the dates are local to.
 */
@Service
class CampaignDailyReports {

    private final AdvertiserDirectory advertisers;
    private final CampaignDailyRepository repository;

    CampaignDailyReports(AdvertiserDirectory advertisers, CampaignDailyRepository repository) {
        this.advertisers = advertisers;
        this.repository = repository;
    }

    Mono<CampaignDailyReport> report(String advertiserId, DateRange range) {
        return advertisers.find(advertiserId)
                .switchIfEmpty(Mono.error(() -> new AdvertiserNotFoundException(advertiserId)))
                .flatMap(advertiser -> repository.days(advertiserId, range).collectList()
                        .map(days -> assemble(advertiser, range, days)));
    }

    /**
     * The rows of the report streamed, once the advertiser is known, each in its own currency: an export
     * has no totals, so rows in several currencies are listed, labelled, rather than refused.
     */
    Mono<Export> export(String advertiserId, DateRange range) {
        return advertisers.find(advertiserId)
                .switchIfEmpty(Mono.error(() -> new AdvertiserNotFoundException(advertiserId)))
                .map(advertiser -> new Export(advertiser, repository.days(advertiserId, range)
                        .map(day -> new ExportRow(day.currency(), CampaignDailyReport.Row.of(day, day.currency())))));
    }

    /** The advertiser of an export and its rows. */
    record Export(Advertiser advertiser, Flux<ExportRow> rows) {
    }

    /** A row of an export with the currency of its amounts. */
    record ExportRow(String currency, CampaignDailyReport.Row row) {
    }

    private static CampaignDailyReport assemble(Advertiser advertiser, DateRange range, List<CampaignDay> days) {
        Set<String> currencies = new TreeSet<>();
        Stream.concat(Stream.of(advertiser.currency()), days.stream().map(CampaignDay::currency))
                .filter(Objects::nonNull)
                .forEach(currencies::add);
        if (currencies.size() > 1) {
            throw new CurrencyConflictException(advertiser.advertiserId(), currencies);
        }
        String currency = currencies.isEmpty() ? null : currencies.iterator().next();
        List<CampaignDailyReport.Row> rows = days.stream().map(day -> CampaignDailyReport.Row.of(day, currency)).toList();
        MetricSums totals = MetricSums.sum(days.stream().map(CampaignDay::metrics).toList());
        return new CampaignDailyReport(advertiser.advertiserId(), advertiser.timeZone(), currency, range.from(),
                range.to(), rows, Figures.of(totals, currency));
    }
}
