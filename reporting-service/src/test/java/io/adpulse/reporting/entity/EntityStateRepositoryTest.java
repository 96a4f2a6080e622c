package io.adpulse.reporting.entity;

import static org.assertj.core.api.Assertions.assertThat;

import io.adpulse.events.EntityLevel;
import io.adpulse.events.EntityObserved;
import io.adpulse.events.EventEnvelope;
import io.adpulse.events.Money;
import io.adpulse.reporting.TestDatabase;
import io.adpulse.reporting.TestIds;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.test.StepVerifier;

class EntityStateRepositoryTest {

    private static final Instant T1 = Instant.parse("2026-11-20T09:00:00Z");
    private static final Instant T2 = Instant.parse("2026-11-21T09:00:00Z");

    private final DatabaseClient db = TestDatabase.client();
    private final EntityStateRepository repository = new EntityStateRepository(db);
    private String advertiserId;

    @BeforeEach
    void newAdvertiser() {
        advertiserId = TestIds.next();
    }

    private EntityState campaign(String name, boolean deleted, Money budget, Instant observedAt) {
        var data = new EntityObserved("conn-1", advertiserId, EntityLevel.CAMPAIGN, "c1", advertiserId, name,
                deleted ? "DELETE" : "ENABLE", deleted, budget, budget == null ? null : "BUDGET_MODE_DAY", null, null,
                Map.of(), observedAt);
        return EntityState.from(EventEnvelope.of("/test", advertiserId, observedAt, data, "CAMPAIGN", "c1", observedAt));
    }

    private void upsert(EntityState state, boolean expectStored) {
        StepVerifier.create(repository.upsertIfNewer(state)).expectNext(expectStored).verifyComplete();
    }

    private Map<String, Object> storedRow() {
        return db.sql("select name, status, deleted, budget_amount, budget_currency, budget_mode, "
                        + "(select count(*) from entity_state where advertiser_id = :a) as row_count "
                        + "from entity_state where advertiser_id = :a")
                .bind("a", advertiserId).fetch().one().block();
    }

    @Test
    void redeliveryChangesNothing() {
        EntityState state = campaign("Boots", false, Money.of("150.00", "USD"), T1);

        upsert(state, true);
        upsert(state, false);

        Map<String, Object> row = storedRow();
        assertThat(row.get("row_count")).isEqualTo(1L);
        assertThat(row.get("name")).isEqualTo("Boots");
        assertThat((BigDecimal) row.get("budget_amount")).isEqualByComparingTo("150.00");
        assertThat(row.get("budget_currency")).isEqualTo("USD");
        assertThat(row.get("budget_mode")).isEqualTo("BUDGET_MODE_DAY");
    }

    @Test
    void newerObservationReplacesTheStateAndDeletedEntityIsKept() {
        upsert(campaign("Boots", false, Money.of("150.00", "USD"), T1), true);

        upsert(campaign("Boots (old)", true, null, T2), true);

        Map<String, Object> row = storedRow();
        assertThat(row.get("row_count")).isEqualTo(1L);
        assertThat(row.get("name")).isEqualTo("Boots (old)");
        assertThat(row.get("deleted")).isEqualTo(true);
        assertThat(row.get("status")).isEqualTo("DELETE");
        assertThat(row.get("budget_amount")).isNull();
    }

    @Test
    void olderObservationArrivingLateDoesNotRollStateBack() {
        upsert(campaign("Boots (old)", true, null, T2), true);

        upsert(campaign("Boots", false, Money.of("150.00", "USD"), T1), false);

        Map<String, Object> row = storedRow();
        assertThat(row.get("name")).isEqualTo("Boots (old)");
        assertThat(row.get("deleted")).isEqualTo(true);
    }
}
