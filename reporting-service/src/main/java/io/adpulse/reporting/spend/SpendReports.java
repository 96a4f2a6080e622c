package io.adpulse.reporting.spend;

import io.adpulse.reporting.advertiser.AdvertiserDirectory;
import io.adpulse.reporting.advertiser.AdvertiserNotFoundException;
import io.adpulse.reporting.web.DateRange;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Builds spend reports, of every advertiser or of one. Naming an advertiser of which nothing has been
 * observed is a 404, not an empty report, so a mistyped id is not mistaken for zero spend.
 */
@Service
class SpendReports {

    private final AdvertiserDirectory advertisers;
    private final SpendRepository repository;

    SpendReports(AdvertiserDirectory advertisers, SpendRepository repository) {
        this.advertisers = advertisers;
        this.repository = repository;
    }

    Mono<SpendReport> report(DateRange range, String advertiserId) {
        Mono<Boolean> known = advertiserId == null ? Mono.just(true) : advertisers.find(advertiserId).hasElement();
        return known.flatMap(found -> found
                ? repository.days(range, advertiserId).collectList()
                        .map(days -> SpendReport.of(range.from(), range.to(), advertiserId, days))
                : Mono.error(new AdvertiserNotFoundException(advertiserId)));
    }
}
