package io.adpulse.reporting.brand;

import io.adpulse.reporting.web.Caller;
import io.adpulse.reporting.web.InvalidRequestException;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The admin API of clients and brands: {@code /api/reporting/clients} and {@code /api/reporting/brands}. Reads are
 * open to every caller; every change needs {@code ADMIN} in {@code X-Adpulse-Roles} and is recorded under
 * {@code X-Adpulse-Actor}.
 */
@RestController
class BrandController {

    private static final String CLIENTS = "/api/reporting/clients";
    private static final String BRANDS = "/api/reporting/brands";

    private final Brands brands;

    BrandController(Brands brands) {
        this.brands = brands;
    }

    @GetMapping(CLIENTS)
    Mono<ClientList> clients() {
        return brands.clients().collectList().map(ClientList::new);
    }

    @PostMapping(CLIENTS)
    Mono<ResponseEntity<Client>> createClient(@RequestHeader(name = Caller.ACTOR_HEADER, required = false) String actor,
            @RequestHeader(name = Caller.ROLES_HEADER, required = false) String roles,
            @RequestBody(required = false) ClientBody body) {
        return Mono.defer(() -> brands.createClient(admin(actor, roles), body(body).name()))
                .map(c -> ResponseEntity.created(URI.create(CLIENTS + "/" + c.clientId())).body(c));
    }

    @GetMapping(CLIENTS + "/{clientId}")
    Mono<Client> client(@PathVariable String clientId) {
        return brands.client(clientId);
    }

    @PutMapping(CLIENTS + "/{clientId}")
    Mono<Client> updateClient(@PathVariable String clientId,
            @RequestHeader(name = Caller.ACTOR_HEADER, required = false) String actor,
            @RequestHeader(name = Caller.ROLES_HEADER, required = false) String roles,
            @RequestBody(required = false) ClientBody body) {
        return Mono.defer(() -> brands.renameClient(admin(actor, roles), clientId, body(body).name()));
    }

    @DeleteMapping(CLIENTS + "/{clientId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> deleteClient(@PathVariable String clientId,
            @RequestHeader(name = Caller.ACTOR_HEADER, required = false) String actor,
            @RequestHeader(name = Caller.ROLES_HEADER, required = false) String roles) {
        return brands.deleteClient(Caller.of(actor, roles), clientId);
    }

    @GetMapping(BRANDS)
    Mono<BrandList> brandList(@RequestParam(required = false) String clientId) {
        return brands.brands(clientId == null || clientId.isBlank() ? null : clientId.strip()).collectList()
                .map(BrandList::new);
    }

    @PostMapping(BRANDS)
    Mono<ResponseEntity<Brand>> createBrand(@RequestHeader(name = Caller.ACTOR_HEADER, required = false) String actor,
            @RequestHeader(name = Caller.ROLES_HEADER, required = false) String roles,
            @RequestBody(required = false) BrandBody body) {
        return Mono.defer(() -> {
            Caller caller = admin(actor, roles);
            BrandBody b = body(body);
            return brands.createBrand(caller, b.clientId(), b.name());
        }).map(b -> ResponseEntity.created(URI.create(BRANDS + "/" + b.brandId())).body(b));
    }

    @GetMapping(BRANDS + "/{brandId}")
    Mono<Brand> brand(@PathVariable String brandId) {
        return brands.brand(brandId);
    }

    @PutMapping(BRANDS + "/{brandId}")
    Mono<Brand> updateBrand(@PathVariable String brandId,
            @RequestHeader(name = Caller.ACTOR_HEADER, required = false) String actor,
            @RequestHeader(name = Caller.ROLES_HEADER, required = false) String roles,
            @RequestBody(required = false) BrandBody body) {
        return Mono.defer(() -> {
            Caller caller = admin(actor, roles);
            BrandBody b = body(body);
            return brands.updateBrand(caller, brandId, b.clientId(), b.name());
        });
    }

    @DeleteMapping(BRANDS + "/{brandId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> deleteBrand(@PathVariable String brandId,
            @RequestHeader(name = Caller.ACTOR_HEADER, required = false) String actor,
            @RequestHeader(name = Caller.ROLES_HEADER, required = false) String roles) {
        return brands.deleteBrand(Caller.of(actor, roles), brandId);
    }

    @PutMapping(BRANDS + "/{brandId}/advertisers/{advertiserId}")
    Mono<Brand> assign(@PathVariable String brandId, @PathVariable String advertiserId,
            @RequestHeader(name = Caller.ACTOR_HEADER, required = false) String actor,
            @RequestHeader(name = Caller.ROLES_HEADER, required = false) String roles) {
        return brands.assign(Caller.of(actor, roles), brandId, advertiserId);
    }

    @DeleteMapping(BRANDS + "/{brandId}/advertisers/{advertiserId}")
    Mono<Brand> unassign(@PathVariable String brandId, @PathVariable String advertiserId,
            @RequestHeader(name = Caller.ACTOR_HEADER, required = false) String actor,
            @RequestHeader(name = Caller.ROLES_HEADER, required = false) String roles) {
        return brands.unassign(Caller.of(actor, roles), brandId, advertiserId);
    }

    /** The caller, once it is known to be an admin: checked before the body, so a non-admin always gets a 403. */
    private static Caller admin(String actor, String roles) {
        return Caller.of(actor, roles).require(Caller.ADMIN);
    }

    private static <T> T body(T body) {
        if (body == null) {
            throw new InvalidRequestException("a JSON request body is required");
        }
        return body;
    }

    record ClientList(List<Client> clients) {
    }

    record BrandList(List<Brand> brands) {
    }

    /** Body of a client creation or rename. */
    record ClientBody(String name) {
    }

    /** Body of a brand creation or update: its client and its name. */
    record BrandBody(String clientId, String name) {
    }
}
