package io.adpulse.reporting.analytics;

import io.adpulse.events.EntityLevel;
import io.adpulse.reporting.advertiser.Advertiser;
import io.adpulse.reporting.advertiser.AdvertiserDirectory;
import io.adpulse.reporting.advertiser.AdvertiserNotFoundException;
import io.adpulse.reporting.web.CurrencyConflictException;
import io.adpulse.reporting.web.DateRange;
import io.adpulse.reporting.web.InvalidRequestException;
import java.util.Objects;
import java.util.TreeSet;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Resolves what a report is about before any row is streamed, so that every refusal is a clean problem:
 * an unknown advertiser or entity is a 404 (a mistyped id is not reported as nothing), rows in more than one
 * currency a 409 (amounts in different currencies are never summed).
 */
@Service
class Scopes {

    private final AdvertiserDirectory advertisers;
    private final SeriesRepository repository;

    Scopes(AdvertiserDirectory advertisers, SeriesRepository repository) {
        this.advertisers = advertisers;
        this.repository = repository;
    }

    /**
     * The scope of a report over {@code range} read from the hourly rows when {@code hourly}, else the daily
     * ones. At the advertiser level the entity is the advertiser itself.
     */
    Mono<Scope> resolve(String advertiserId, EntityLevel level, String entityId, DateRange range, boolean hourly) {
        if (level == EntityLevel.ADVERTISER && entityId != null && !entityId.equals(advertiserId)) {
            return Mono.error(new InvalidRequestException(
                    "at level advertiser, 'entityId' must be absent or the advertiser id '" + advertiserId + "'"));
        }
        return advertisers.find(advertiserId)
                .switchIfEmpty(Mono.error(() -> new AdvertiserNotFoundException(advertiserId)))
                .flatMap(advertiser -> currency(advertiser, range, hourly)
                        .flatMap(currency -> entity(advertiser, level, entityId, currency.isEmpty() ? null : currency)));
    }

    private Mono<Scope> entity(Advertiser advertiser, EntityLevel level, String entityId, String currency) {
        if (level == EntityLevel.ADVERTISER) {
            return Mono.just(new Scope(advertiser, level, advertiser.advertiserId(), advertiser.name(),
                    advertiser.deleted(), currency));
        }
        if (entityId == null) {
            return Mono.just(new Scope(advertiser, level, null, null, null, currency));
        }
        return repository.entity(advertiser.advertiserId(), level, entityId)
                .filter(SeriesRepository.EntityInfo::known)
                .switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                        level.name().toLowerCase() + " '" + entityId + "' of advertiser '" + advertiser.advertiserId()
                                + "' is not known: no entity or metric of it has been observed")))
                .map(info -> new Scope(advertiser, level, entityId, info.name(), info.deleted(), currency));
    }

    /** The one currency of the advertiser and its rows in the range; {@code ""} when none is known at all. */
    private Mono<String> currency(Advertiser advertiser, DateRange range, boolean hourly) {
        return Flux.concat(Mono.justOrEmpty(advertiser.currency()),
                        repository.currencies(advertiser.advertiserId(), range, hourly))
                .filter(Objects::nonNull)
                .collect(TreeSet<String>::new, TreeSet::add)
                .handle((currencies, sink) -> {
                    if (currencies.size() > 1) {
                        sink.error(new CurrencyConflictException(advertiser.advertiserId(), currencies));
                    } else {
                        sink.next(currencies.isEmpty() ? "" : currencies.first());
                    }
                });
    }
}
