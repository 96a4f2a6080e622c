package io.adpulse.reporting.analytics;

import io.adpulse.events.EntityLevel;
import io.adpulse.reporting.advertiser.Advertiser;
import io.adpulse.reporting.advertiser.AdvertiserDirectory;
import io.adpulse.reporting.advertiser.AdvertiserNotFoundException;
import io.adpulse.reporting.brand.Selections;
import io.adpulse.reporting.web.CurrencyConflictException;
import io.adpulse.reporting.web.DateRange;
import io.adpulse.reporting.web.InvalidRequestException;
import io.adpulse.reporting.web.NotFoundException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Resolves what a report is about before any row is streamed, so that every refusal is a clean problem:
 * an unknown advertiser, entity, brand or client is a 404 (a mistyped id is not reported as nothing), rows in more
 * than one currency a 409 (amounts in different currencies are never summed; the per-currency roll-up is
 * {@code /api/reporting/rollups}).
 */
@Service
class Scopes {

    private final AdvertiserDirectory advertisers;
    private final SeriesRepository repository;
    private final Selections selections;

    Scopes(AdvertiserDirectory advertisers, SeriesRepository repository, Selections selections) {
        this.advertisers = advertisers;
        this.repository = repository;
        this.selections = selections;
    }

    /** The scope of a report about one advertiser, as {@link #resolve(Target, EntityLevel, String, DateRange, boolean)}. */
    Mono<Scope> resolve(String advertiserId, EntityLevel level, String entityId, DateRange range, boolean hourly) {
        return resolve(new Target(advertiserId, null, null), level, entityId, range, hourly);
    }

    /**
     * The scope of a report over {@code range} read from the hourly rows when {@code hourly}, else the daily
     * ones. At the advertiser level the entity is the advertiser itself; a brand or client scope has no entity.
     */
    Mono<Scope> resolve(Target target, EntityLevel level, String entityId, DateRange range, boolean hourly) {
        if (target.advertiserId() == null) {
            return group(target, level, entityId, range, hourly);
        }
        String advertiserId = target.advertiserId();
        if (level == EntityLevel.ADVERTISER && entityId != null && !entityId.equals(advertiserId)) {
            return Mono.error(new InvalidRequestException(
                    "at level advertiser, 'entityId' must be absent or the advertiser id '" + advertiserId + "'"));
        }
        Mono<Void> member = target.brandId() == null && target.clientId() == null ? Mono.empty()
                : selections.resolve(List.of(advertiserId), target.brandId(), target.clientId())
                        .flatMap(s -> s.advertiserIds().isEmpty()
                                ? Mono.error(new NotFoundException("advertiser '" + advertiserId + "' is not one of "
                                        + (target.brandId() != null ? "brand '" + target.brandId() + "'"
                                                : "client '" + target.clientId() + "'")))
                                : Mono.empty());
        return member.then(advertisers.find(advertiserId))
                .switchIfEmpty(Mono.error(() -> new AdvertiserNotFoundException(advertiserId)))
                .flatMap(advertiser -> currency(List.of(advertiser), List.of(advertiserId), range, hourly)
                        .map(currencies -> single(currencies, advertiserId))
                        .flatMap(currency -> entity(target, advertiser, level, entityId,
                                currency.isEmpty() ? null : currency)));
    }

    private Mono<Scope> group(Target target, EntityLevel level, String entityId, DateRange range, boolean hourly) {
        if (entityId != null) {
            return Mono.error(new InvalidRequestException("'entityId' needs 'advertiserId': a brand or client "
                    + "report covers whole levels"));
        }
        return selections.resolve(List.of(), target.brandId(), target.clientId())
                .flatMap(selection -> Flux.fromIterable(selection.advertiserIds())
                        .concatMap(advertisers::find)
                        .collectList()
                        .flatMap(profiles -> currency(profiles, selection.advertiserIds(), range, hourly)
                                .map(currencies -> {
                                    if (currencies.size() > 1) {
                                        throw CurrencyConflictException.ofGroup(target.brandId() != null
                                                ? "brand '" + target.brandId() + "'"
                                                : "client '" + target.clientId() + "'", currencies);
                                    }
                                    Map<String, Advertiser> byId = new LinkedHashMap<>();
                                    profiles.forEach(p -> byId.put(p.advertiserId(), p));
                                    return new Scope(null, selection.advertiserIds(), byId, target.brandId(),
                                            target.clientId(), zones(profiles), level, null, null, null,
                                            currencies.isEmpty() ? null : currencies.first());
                                })));
    }

    private Mono<Scope> entity(Target target, Advertiser advertiser, EntityLevel level, String entityId,
            String currency) {
        Map<String, Advertiser> profiles = Map.of(advertiser.advertiserId(), advertiser);
        List<String> ids = List.of(advertiser.advertiserId());
        List<String> zones = zones(List.of(advertiser));
        if (level == EntityLevel.ADVERTISER) {
            return Mono.just(new Scope(advertiser, ids, profiles, target.brandId(), target.clientId(), zones, level,
                    advertiser.advertiserId(), advertiser.name(), advertiser.deleted(), currency));
        }
        if (entityId == null) {
            return Mono.just(new Scope(advertiser, ids, profiles, target.brandId(), target.clientId(), zones, level,
                    null, null, null, currency));
        }
        return repository.entity(advertiser.advertiserId(), level, entityId)
                .filter(SeriesRepository.EntityInfo::known)
                .switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                        level.name().toLowerCase() + " '" + entityId + "' of advertiser '" + advertiser.advertiserId()
                                + "' is not known: no entity or metric of it has been observed")))
                .map(info -> new Scope(advertiser, ids, profiles, target.brandId(), target.clientId(), zones, level,
                        entityId, info.name(), info.deleted(), currency));
    }

    private static List<String> zones(List<Advertiser> profiles) {
        return List.copyOf(profiles.stream().map(Advertiser::timeZone).filter(Objects::nonNull)
                .collect(TreeSet<String>::new, TreeSet::add, TreeSet::addAll));
    }

    private static String single(TreeSet<String> currencies, String advertiserId) {
        if (currencies.size() > 1) {
            throw new CurrencyConflictException(advertiserId, currencies);
        }
        return currencies.isEmpty() ? "" : currencies.first();
    }

    /** The currencies of the advertisers and of their rows in the range. */
    private Mono<TreeSet<String>> currency(List<Advertiser> profiles, List<String> advertiserIds, DateRange range,
            boolean hourly) {
        return Flux.concat(Flux.fromIterable(profiles).mapNotNull(Advertiser::currency),
                        repository.currencies(advertiserIds, range, hourly))
                .filter(Objects::nonNull)
                .collect(TreeSet<String>::new, TreeSet::add);
    }
}
