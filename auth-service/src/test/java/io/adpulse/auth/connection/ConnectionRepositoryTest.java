package io.adpulse.auth.connection;

import static org.assertj.core.api.Assertions.assertThat;

import io.adpulse.auth.support.TestDatabase;
import io.adpulse.events.ConnectionKind;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class ConnectionRepositoryTest {

    private static final TestDatabase DATABASE = TestDatabase.migrated("auth_repository_test");
    private static final Instant T0 = Instant.parse("2026-11-20T09:30:00Z");

    private final ConnectionRepository repository = new ConnectionRepository(DATABASE.client());

    @Test
    void insertsANewAdvertiserAsActiveAtRevisionOne() {
        String advertiserId = uniqueAdvertiserId();
        UUID grantId = UUID.randomUUID();

        Connection connection = grant(advertiserId, "Northwind", grantId, T0).block();

        assertThat(connection.id()).isEqualTo("adv-" + advertiserId);
        assertThat(connection.status()).isEqualTo(ConnectionStatus.ACTIVE);
        assertThat(connection.revision()).isEqualTo(1);
        assertThat(connection.grantId()).isEqualTo(grantId);
        assertThat(connection.scopes()).containsExactly("1", "2");
        assertThat(connection.grantedAt()).isEqualTo(T0);
        assertThat(repository.findById(connection.id()).block()).isEqualTo(connection);
    }

    @Test
    void reauthorisingReplacesTheGrantInPlaceEvenAfterRevocation() {
        String advertiserId = uniqueAdvertiserId();
        Connection first = grant(advertiserId, "Northwind", UUID.randomUUID(), T0).block();
        repository.transition(first.id(), EnumSet.of(ConnectionStatus.ACTIVE), ConnectionStatus.REVOKED, "DISCONNECTED",
                T0.plusSeconds(60), null).block();
        UUID newGrant = UUID.randomUUID();

        Connection again = grant(advertiserId, null, newGrant, T0.plusSeconds(120)).block();

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.status()).isEqualTo(ConnectionStatus.ACTIVE);
        assertThat(again.statusReason()).isNull();
        assertThat(again.revision()).isEqualTo(3);
        assertThat(again.grantId()).isEqualTo(newGrant);
        assertThat(again.displayName()).isEqualTo("Northwind");
    }

    @Test
    void transitionsOnlyFromTheExpectedStatusesSoRepeatsChangeNothing() {
        Connection connection = grant(uniqueAdvertiserId(), "Northwind", UUID.randomUUID(), T0).block();

        StepVerifier.create(repository.transition(connection.id(), EnumSet.of(ConnectionStatus.ACTIVE),
                        ConnectionStatus.NEEDS_REAUTH, "NEEDS_REAUTH:40105", T0.plusSeconds(5), T0.plusSeconds(5)))
                .assertNext(changed -> {
                    assertThat(changed.status()).isEqualTo(ConnectionStatus.NEEDS_REAUTH);
                    assertThat(changed.statusReason()).isEqualTo("NEEDS_REAUTH:40105");
                    assertThat(changed.revision()).isEqualTo(2);
                })
                .verifyComplete();
        StepVerifier.create(repository.transition(connection.id(), EnumSet.of(ConnectionStatus.ACTIVE),
                        ConnectionStatus.NEEDS_REAUTH, "NEEDS_REAUTH:40105", T0.plusSeconds(6), T0.plusSeconds(6)))
                .verifyComplete();
    }

    @Test
    void ignoresReportsAboutAGrantOlderThanTheCurrentOne() {
        Connection connection = grant(uniqueAdvertiserId(), "Northwind", UUID.randomUUID(), T0).block();

        StepVerifier.create(repository.transition(connection.id(), EnumSet.of(ConnectionStatus.ACTIVE),
                        ConnectionStatus.NEEDS_REAUTH, "NEEDS_REAUTH:40105", T0, T0.minus(1, ChronoUnit.HOURS)))
                .verifyComplete();
        assertThat(repository.findById(connection.id()).block().status()).isEqualTo(ConnectionStatus.ACTIVE);
    }

    @Test
    void countsOtherActiveConnectionsSharingAGrant() {
        UUID grantId = UUID.randomUUID();
        Connection a = grant(uniqueAdvertiserId(), "A", grantId, T0).block();
        Connection b = grant(uniqueAdvertiserId(), "B", grantId, T0).block();

        assertThat(repository.countOtherActiveInGrant(grantId, a.id()).block()).isEqualTo(1);
        repository.transition(b.id(), EnumSet.of(ConnectionStatus.ACTIVE), ConnectionStatus.REVOKED, "DISCONNECTED",
                T0, null).block();
        assertThat(repository.countOtherActiveInGrant(grantId, a.id()).block()).isZero();
    }

    private reactor.core.publisher.Mono<Connection> grant(String advertiserId, String name, UUID grantId, Instant at) {
        return repository.upsertGranted(Connection.advertiserConnectionId(advertiserId), ConnectionKind.ADVERTISER,
                advertiserId, name, grantId, List.of("1", "2"), "alice", at);
    }

    static String uniqueAdvertiserId() {
        return String.valueOf(7_000_000_000_000_000_000L + (UUID.randomUUID().getMostSignificantBits() & 0xffffffffffL));
    }
}
