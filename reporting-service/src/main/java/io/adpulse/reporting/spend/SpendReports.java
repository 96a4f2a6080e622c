package io.adpulse.reporting.spend;

import io.adpulse.reporting.advertiser.AdvertiserDirectory;
import io.adpulse.reporting.advertiser.AdvertiserNotFoundException;
import io.adpulse.reporting.web.DateRange;
import java.util.List;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Builds spend reports, of every advertiser or of the named ones. Naming an advertiser of which nothing has
 * been observed is a 404, not an empty report, so a mistyped id is not mistaken for zero spend. However many
 * advertisers a report covers, amounts are totalled per currency only.
 */
@Service
class SpendReports {

    private final AdvertiserDirectory advertisers;
    private final SpendRepository repository;

    SpendReports(AdvertiserDirectory advertisers, SpendRepository repository) {
        this.advertisers = advertisers;
        this.repository = repository;
    }

    Mono<SpendReport> report(DateRange range, List<String> advertiserIds) {
        return requireKnown(advertiserIds).then(repository.days(range, advertiserIds).collectList()
                .map(days -> SpendReport.of(range.from(), range.to(), advertiserIds, days)));
    }

    /** The days of the report, streamed, once every named advertiser is known. */
    Mono<Flux<SpendDay>> days(DateRange range, List<String> advertiserIds) {
        return requireKnown(advertiserIds).then(Mono.fromSupplier(() -> repository.days(range, advertiserIds)));
    }

    private Mono<Void> requireKnown(List<String> advertiserIds) {
        return Flux.fromIterable(advertiserIds)
                .concatMap(id -> advertisers.find(id).switchIfEmpty(Mono.error(() -> new AdvertiserNotFoundException(id))))
                .then();
    }
}
