package io.adpulse.reporting.spend;

import io.adpulse.reporting.brand.Selection;
import io.adpulse.reporting.web.DateRange;
import java.util.List;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Builds spend reports, of every advertiser or of those a selection (named advertisers, a brand, a client) covers;
 * the selection has checked that named advertisers, brands and clients exist. However many advertisers a report
 * covers, amounts are totalled per currency only.
 */
@Service
class SpendReports {

    private final SpendRepository repository;

    SpendReports(SpendRepository repository) {
        this.repository = repository;
    }

    /** The report over the advertisers of a resolved selection (whose named advertisers are known). */
    Mono<SpendReport> report(DateRange range, Selection selection) {
        return rows(range, selection).collectList().map(days -> SpendReport.of(range.from(), range.to(), selection,
                days));
    }

    /** The rows of the report, streamed. */
    Flux<SpendReport.Row> days(DateRange range, Selection selection) {
        return rows(range, selection).map(SpendReport::row);
    }

    private Flux<SpendDay> rows(DateRange range, Selection selection) {
        if (selection.advertiserIds() != null && selection.advertiserIds().isEmpty()) {
            return Flux.empty();
        }
        return repository.days(range, selection.advertiserIds() == null ? List.of() : selection.advertiserIds());
    }
}
