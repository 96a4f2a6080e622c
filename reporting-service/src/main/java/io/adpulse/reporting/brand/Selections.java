package io.adpulse.reporting.brand;

import io.adpulse.reporting.advertiser.AdvertiserDirectory;
import io.adpulse.reporting.advertiser.AdvertiserNotFoundException;
import io.adpulse.reporting.web.AdvertiserIds;
import io.adpulse.reporting.web.Visibility;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Resolves the {@code advertiserId}, {@code brand} and {@code client} filters of a report into the advertisers it
 * covers ({@link Selection}). A named advertiser of which nothing has been observed, and an unknown brand or
 * client, are 404 problems, so a mistyped id is not reported as nothing.
 */
@Service
public class Selections {

    private final Brands brands;
    private final AdvertiserDirectory advertisers;

    Selections(Brands brands, AdvertiserDirectory advertisers) {
        this.brands = brands;
        this.advertisers = advertisers;
    }

    /** The checked {@code brand} or {@code client} parameter: {@code null} when absent, a 400 when blank or too long. */
    public static String groupId(String parameter, String value) {
        return value == null ? null : AdvertiserIds.check(parameter, value);
    }

    /**
     * Resolves checked filters: {@code named} advertiser ids (empty for none), {@code brandId} and {@code clientId}
     * ({@code null} for none). A CLIENT caller's selection never goes beyond its own advertisers ({@link Visibility}):
     * another client's advertiser, brand or client is a 404 as if unknown, and no filter means its own advertisers.
     */
    public Mono<Selection> resolve(List<String> named, String brandId, String clientId) {
        return Visibility.current().flatMap(v -> unrestricted(named, brandId, clientId).map(s -> {
            if (!v.restricted()) {
                return s;
            }
            TreeSet<String> ids = new TreeSet<>(s.advertiserIds() == null ? v.advertiserIds() : s.advertiserIds());
            ids.retainAll(v.advertiserIds());
            return new Selection(s.named(), s.brandId(), s.clientId(), List.copyOf(ids));
        }));
    }

    private Mono<Selection> unrestricted(List<String> named, String brandId, String clientId) {
        Mono<Void> known = Flux.fromIterable(named)
                .concatMap(id -> advertisers.find(id)
                        .switchIfEmpty(Mono.error(() -> new AdvertiserNotFoundException(id))))
                .then();
        Mono<List<String>> ofBrand = brandId == null ? Mono.just(List.of()) : brands.advertisersOfBrand(brandId);
        Mono<List<String>> ofClient = clientId == null ? Mono.just(List.of()) : brands.advertisersOfClient(clientId);
        return known.then(Mono.zip(ofBrand, ofClient)).map(t -> {
            if (named.isEmpty() && brandId == null && clientId == null) {
                return new Selection(named, null, null, null);
            }
            List<List<String>> filters = new ArrayList<>();
            if (!named.isEmpty()) {
                filters.add(named);
            }
            if (brandId != null) {
                filters.add(t.getT1());
            }
            if (clientId != null) {
                filters.add(t.getT2());
            }
            TreeSet<String> ids = new TreeSet<>(filters.get(0));
            filters.forEach(ids::retainAll);
            return new Selection(named, brandId, clientId, List.copyOf(ids));
        });
    }
}
