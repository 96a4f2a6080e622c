package io.adpulse.reporting.brand;

import io.adpulse.reporting.advertiser.AdvertiserDirectory;
import io.adpulse.reporting.advertiser.AdvertiserNotFoundException;
import io.adpulse.reporting.web.AdvertiserIds;
import io.adpulse.reporting.web.Caller;
import io.adpulse.reporting.web.ConflictException;
import io.adpulse.reporting.web.InvalidRequestException;
import io.adpulse.reporting.web.NotFoundException;
import io.adpulse.reporting.web.Texts;
import io.adpulse.reporting.web.Visibility;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Clients, their brands and the advertisers grouped into each brand. Every change needs the {@code ADMIN} role
 * and records who made it. Rules: client names are unique, brand names are unique within their client (both
 * ignoring case); an advertiser belongs to at most one brand, so a client roll-up never counts it twice; only a
 * known advertiser (one of which an entity or metric was observed) can be assigned, so a mistyped id is refused;
 * a client with brands cannot be deleted; deleting a brand releases its advertisers.
 */
@Service
public class Brands {

    /** Longest client or brand name. */
    static final int MAX_NAME = 200;

    private final BrandRepository repository;
    private final AdvertiserDirectory advertisers;
    private final Clock clock;

    Brands(BrandRepository repository, AdvertiserDirectory advertisers, Clock clock) {
        this.repository = repository;
        this.advertisers = advertisers;
        this.clock = clock;
    }

    /** Every client the caller may see ({@link Visibility}: a CLIENT user only its own). */
    Flux<Client> clients() {
        return Visibility.current().flatMapMany(v -> repository.clients().filter(c -> v.seesClient(c.clientId())));
    }

    /** The client; a 404 problem when there is none of that id or the caller may not see it. */
    public Mono<Client> client(String clientId) {
        return Visibility.current().filter(v -> v.seesClient(clientId)).flatMap(v -> repository.client(clientId))
                .switchIfEmpty(Mono.error(() -> clientNotFound(clientId)));
    }

    Mono<Client> createClient(Caller caller, String name) {
        return Mono.defer(() -> {
            caller.require(Caller.ADMIN);
            String checked = name(name);
            String id = UUID.randomUUID().toString();
            return repository.insertClient(id, checked, caller.actor(), clock.instant())
                    .onErrorMap(DataIntegrityViolationException.class, e -> duplicateClient(checked))
                    .then(client(id));
        });
    }

    Mono<Client> renameClient(Caller caller, String clientId, String name) {
        return Mono.defer(() -> {
            caller.require(Caller.ADMIN);
            String checked = name(name);
            return repository.renameClient(clientId, checked, caller.actor(), clock.instant())
                    .onErrorMap(DataIntegrityViolationException.class, e -> duplicateClient(checked))
                    .flatMap(rows -> rows == 0 ? Mono.error(clientNotFound(clientId)) : client(clientId));
        });
    }

    Mono<Void> deleteClient(Caller caller, String clientId) {
        return Mono.defer(() -> {
            caller.require(Caller.ADMIN);
            return client(clientId).flatMap(client -> {
                if (!client.brandIds().isEmpty()) {
                    return Mono.error(new ConflictException("client '" + clientId + "' still has "
                            + client.brandIds().size() + " brand(s); delete or move them first"));
                }
                return repository.deleteClient(clientId)
                        .onErrorMap(DataIntegrityViolationException.class, e -> new ConflictException(
                                "client '" + clientId + "' is still in use (brands or reports)"))
                        .then();
            });
        });
    }

    /** Every brand the caller may see, or those of the client (a 404 problem when it does not exist), by name. */
    public Flux<Brand> brands(String clientId) {
        return clientId == null
                ? Visibility.current().flatMapMany(v -> repository.brands(null).filter(b -> v.seesClient(b.clientId())))
                : client(clientId).thenMany(repository.brands(clientId));
    }

    /** The brand; a 404 problem when there is none of that id or the caller may not see its client. */
    public Mono<Brand> brand(String brandId) {
        return Visibility.current().flatMap(v -> repository.brand(brandId).filter(b -> v.seesClient(b.clientId())))
                .switchIfEmpty(Mono.error(() -> brandNotFound(brandId)));
    }

    Mono<Brand> createBrand(Caller caller, String clientId, String name) {
        return Mono.defer(() -> {
            caller.require(Caller.ADMIN);
            String checked = name(name);
            String client = requiredId("clientId", clientId);
            String id = UUID.randomUUID().toString();
            return client(client)
                    .then(repository.insertBrand(id, client, checked, caller.actor(), clock.instant()))
                    .onErrorMap(DataIntegrityViolationException.class, e -> duplicateBrand(client, checked))
                    .then(brand(id));
        });
    }

    Mono<Brand> updateBrand(Caller caller, String brandId, String clientId, String name) {
        return Mono.defer(() -> {
            caller.require(Caller.ADMIN);
            String checked = name(name);
            String client = requiredId("clientId", clientId);
            return brand(brandId)
                    .then(client(client))
                    .then(repository.updateBrand(brandId, client, checked, caller.actor(), clock.instant()))
                    .onErrorMap(DataIntegrityViolationException.class, e -> duplicateBrand(client, checked))
                    .then(brand(brandId));
        });
    }

    Mono<Void> deleteBrand(Caller caller, String brandId) {
        return Mono.defer(() -> {
            caller.require(Caller.ADMIN);
            return repository.deleteBrand(brandId)
                    .onErrorMap(DataIntegrityViolationException.class, e -> new ConflictException(
                            "brand '" + brandId + "' is still in use (reports)"))
                    .flatMap(rows -> rows == 0 ? Mono.error(brandNotFound(brandId)) : Mono.empty());
        });
    }

    Mono<Brand> assign(Caller caller, String brandId, String advertiserId) {
        return Mono.defer(() -> {
            caller.require(Caller.ADMIN);
            String id = AdvertiserIds.check("advertiserId", advertiserId);
            return brand(brandId)
                    .then(advertisers.find(id).switchIfEmpty(Mono.error(() -> new AdvertiserNotFoundException(id))))
                    .then(repository.assign(brandId, id, caller.actor(), clock.instant()))
                    .then(repository.brandOf(id))
                    .flatMap(owner -> owner.equals(brandId) ? brand(brandId)
                            : Mono.error(new ConflictException("advertiser '" + id + "' already belongs to brand '"
                                    + owner + "'; unassign it there first")));
        });
    }

    Mono<Brand> unassign(Caller caller, String brandId, String advertiserId) {
        return Mono.defer(() -> {
            caller.require(Caller.ADMIN);
            String id = AdvertiserIds.check("advertiserId", advertiserId);
            return brand(brandId).then(repository.unassign(brandId, id))
                    .flatMap(rows -> rows == 0
                            ? Mono.error(new NotFoundException("advertiser '" + id + "' is not in brand '" + brandId + "'"))
                            : brand(brandId));
        });
    }

    /** The advertisers of the brand, sorted (possibly none); a 404 problem when the brand does not exist. */
    public Mono<List<String>> advertisersOfBrand(String brandId) {
        return brand(brandId).map(Brand::advertiserIds);
    }

    /** The advertisers of every brand of the client, sorted; a 404 problem when the client does not exist. */
    public Mono<List<String>> advertisersOfClient(String clientId) {
        return client(clientId).then(repository.advertisersOfClient(clientId).collectList());
    }

    static String name(String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidRequestException("'name' is required and must not be blank");
        }
        String stripped = name.strip();
        if (stripped.length() > MAX_NAME) {
            throw new InvalidRequestException("'name' must be at most " + MAX_NAME + " characters");
        }
        if (stripped.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidRequestException("'name' must not contain control characters");
        }
        return stripped;
    }

    private static String requiredId(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidRequestException("'" + field + "' is required");
        }
        return value.strip();
    }

    private static NotFoundException clientNotFound(String clientId) {
        return new NotFoundException("client '" + Texts.echo(clientId, 64) + "' does not exist");
    }

    private static NotFoundException brandNotFound(String brandId) {
        return new NotFoundException("brand '" + Texts.echo(brandId, 64) + "' does not exist");
    }

    private static ConflictException duplicateClient(String name) {
        return new ConflictException("a client named '" + name + "' already exists");
    }

    private static ConflictException duplicateBrand(String clientId, String name) {
        return new ConflictException("client '" + clientId + "' already has a brand named '" + name + "'");
    }
}
