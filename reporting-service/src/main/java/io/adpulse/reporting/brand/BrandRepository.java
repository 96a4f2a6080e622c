package io.adpulse.reporting.brand;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reads and writes {@code client}, {@code brand} and {@code brand_advertiser}. */
@Repository
class BrandRepository {

    private static final String CLIENTS = """
            select c.client_id, c.name, c.created_by, c.created_at, c.updated_by, c.updated_at,
                   coalesce(array(select b.brand_id from brand b where b.client_id = c.client_id order by b.brand_id),
                            '{}') as brand_ids
            from client c
            """;

    private static final String BRANDS = """
            select b.brand_id, b.client_id, b.name, b.created_by, b.created_at, b.updated_by, b.updated_at,
                   coalesce(array(select a.advertiser_id from brand_advertiser a where a.brand_id = b.brand_id
                                  order by a.advertiser_id), '{}') as advertiser_ids
            from brand b
            """;

    private final DatabaseClient db;

    BrandRepository(DatabaseClient db) {
        this.db = db;
    }

    Flux<Client> clients() {
        return db.sql(CLIENTS + " order by lower(c.name), c.client_id").map(row -> client(row)).all();
    }

    Mono<Client> client(String clientId) {
        return db.sql(CLIENTS + " where c.client_id = :id").bind("id", clientId).map(row -> client(row)).one();
    }

    Mono<Void> insertClient(String clientId, String name, String actor, Instant now) {
        return db.sql("insert into client (client_id, name, created_by, created_at, updated_by, updated_at)"
                        + " values (:id, :name, :actor, :now, :actor, :now)")
                .bind("id", clientId).bind("name", name).bind("actor", actor).bind("now", now)
                .then();
    }

    Mono<Long> renameClient(String clientId, String name, String actor, Instant now) {
        return db.sql("update client set name = :name, updated_by = :actor, updated_at = :now where client_id = :id")
                .bind("id", clientId).bind("name", name).bind("actor", actor).bind("now", now)
                .fetch().rowsUpdated();
    }

    Mono<Long> deleteClient(String clientId) {
        return db.sql("delete from client where client_id = :id").bind("id", clientId).fetch().rowsUpdated();
    }

    Flux<Brand> brands(String clientId) {
        return (clientId == null
                ? db.sql(BRANDS + " order by lower(b.name), b.brand_id")
                : db.sql(BRANDS + " where b.client_id = :client order by lower(b.name), b.brand_id")
                        .bind("client", clientId))
                .map(row -> brand(row)).all();
    }

    Mono<Brand> brand(String brandId) {
        return db.sql(BRANDS + " where b.brand_id = :id").bind("id", brandId).map(row -> brand(row)).one();
    }

    Mono<Void> insertBrand(String brandId, String clientId, String name, String actor, Instant now) {
        return db.sql("insert into brand (brand_id, client_id, name, created_by, created_at, updated_by, updated_at)"
                        + " values (:id, :client, :name, :actor, :now, :actor, :now)")
                .bind("id", brandId).bind("client", clientId).bind("name", name).bind("actor", actor)
                .bind("now", now)
                .then();
    }

    Mono<Long> updateBrand(String brandId, String clientId, String name, String actor, Instant now) {
        return db.sql("update brand set client_id = :client, name = :name, updated_by = :actor, updated_at = :now"
                        + " where brand_id = :id")
                .bind("id", brandId).bind("client", clientId).bind("name", name).bind("actor", actor)
                .bind("now", now)
                .fetch().rowsUpdated();
    }

    Mono<Long> deleteBrand(String brandId) {
        return db.sql("delete from brand where brand_id = :id").bind("id", brandId).fetch().rowsUpdated();
    }

    /** The brand the advertiser belongs to, if any. */
    Mono<String> brandOf(String advertiserId) {
        return db.sql("select brand_id from brand_advertiser where advertiser_id = :id").bind("id", advertiserId)
                .map(row -> row.get("brand_id", String.class)).one();
    }

    /** Assigns the advertiser to the brand unless it already belongs to one; the number of rows inserted. */
    Mono<Long> assign(String brandId, String advertiserId, String actor, Instant now) {
        return db.sql("insert into brand_advertiser (advertiser_id, brand_id, assigned_by, assigned_at)"
                        + " values (:advertiser, :brand, :actor, :now) on conflict (advertiser_id) do nothing")
                .bind("advertiser", advertiserId).bind("brand", brandId).bind("actor", actor).bind("now", now)
                .fetch().rowsUpdated();
    }

    Mono<Long> unassign(String brandId, String advertiserId) {
        return db.sql("delete from brand_advertiser where brand_id = :brand and advertiser_id = :advertiser")
                .bind("brand", brandId).bind("advertiser", advertiserId)
                .fetch().rowsUpdated();
    }

    /** Advertisers of the brand, sorted; empty when it has none. */
    Flux<String> advertisersOfBrand(String brandId) {
        return db.sql("select advertiser_id from brand_advertiser where brand_id = :id order by advertiser_id")
                .bind("id", brandId).map(row -> row.get("advertiser_id", String.class)).all();
    }

    /** Advertisers of every brand of the client, sorted. */
    Flux<String> advertisersOfClient(String clientId) {
        return db.sql("select a.advertiser_id from brand_advertiser a join brand b on b.brand_id = a.brand_id"
                        + " where b.client_id = :id order by a.advertiser_id")
                .bind("id", clientId).map(row -> row.get("advertiser_id", String.class)).all();
    }

    private static Client client(Readable row) {
        return new Client(row.get("client_id", String.class), row.get("name", String.class),
                List.of(row.get("brand_ids", String[].class)), row.get("created_by", String.class),
                row.get("created_at", Instant.class), row.get("updated_by", String.class),
                row.get("updated_at", Instant.class));
    }

    private static Brand brand(Readable row) {
        return new Brand(row.get("brand_id", String.class), row.get("client_id", String.class),
                row.get("name", String.class), List.of(row.get("advertiser_ids", String[].class)),
                row.get("created_by", String.class), row.get("created_at", Instant.class),
                row.get("updated_by", String.class), row.get("updated_at", Instant.class));
    }
}
