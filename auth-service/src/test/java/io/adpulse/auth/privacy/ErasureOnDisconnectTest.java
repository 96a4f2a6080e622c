package io.adpulse.auth.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.adpulse.auth.connection.Connection;
import io.adpulse.auth.connection.ConnectionService;
import io.adpulse.auth.connection.ConnectionStatus;
import io.adpulse.auth.connection.Disconnection;
import io.adpulse.auth.connection.RevocationService;
import io.adpulse.auth.connection.TikTokRevocation;
import io.adpulse.auth.outbox.Outbox;
import io.adpulse.auth.outbox.OutboxRelay;
import io.adpulse.events.ConnectionKind;
import io.adpulse.events.EventEnvelope;
import io.adpulse.events.EventType;
import io.adpulse.events.PrivacyRequested;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/** {@code erase-on-disconnect}: a real disconnect requests the erasure when on, and nothing happens when off. */
class ErasureOnDisconnectTest {

    private static final Instant NOW = Instant.parse("2026-11-20T09:30:00Z");

    private final PrivacyRequestStore store = mock(PrivacyRequestStore.class);
    private final Outbox outbox = mock(Outbox.class);
    private final OutboxRelay relay = mock(OutboxRelay.class);
    private final TransactionalOperator transactions = mock(TransactionalOperator.class);

    @Test
    void whenOnADisconnectRequestsTheErasureOfTheAdvertiser() {
        when(store.insert(any())).thenReturn(Mono.empty());
        when(outbox.append(any())).thenReturn(Mono.empty());
        when(transactions.transactional(any(Mono.class))).thenAnswer(call -> call.getArgument(0));

        String id = service(true).afterDisconnect(disconnection(ConnectionKind.ADVERTISER, "7001",
                TikTokRevocation.Outcome.REVOKED), "bob").block(Duration.ofSeconds(5));

        ArgumentCaptor<PrivacyRequested> stored = ArgumentCaptor.forClass(PrivacyRequested.class);
        verify(store).insert(stored.capture());
        assertThat(stored.getValue().requestId()).isEqualTo(id).startsWith("erasure-");
        assertThat(stored.getValue().reason()).isEqualTo(PrivacyRequested.Reason.DISCONNECT);
        assertThat(stored.getValue().advertiserIds()).containsExactly("7001");
        assertThat(stored.getValue().openId()).isNull();
        assertThat(stored.getValue().requestedBy()).isEqualTo("bob");
        @SuppressWarnings("unchecked")
        ArgumentCaptor<EventEnvelope<?>> published = ArgumentCaptor.forClass(EventEnvelope.class);
        verify(outbox).append(published.capture());
        assertThat(published.getValue().type()).isEqualTo(EventType.PRIVACY_REQUESTED);
        assertThat(published.getValue().subject()).isEqualTo("adv-7001");
        verify(relay).wake();
    }

    @Test
    void whenOnACreatorIsErasedByItsOpenId() {
        when(store.insert(any())).thenReturn(Mono.empty());
        when(outbox.append(any())).thenReturn(Mono.empty());
        when(transactions.transactional(any(Mono.class))).thenAnswer(call -> call.getArgument(0));

        service(true).afterDisconnect(disconnection(ConnectionKind.CREATOR, "open-1",
                TikTokRevocation.Outcome.REVOKED), "bob").block(Duration.ofSeconds(5));

        ArgumentCaptor<PrivacyRequested> stored = ArgumentCaptor.forClass(PrivacyRequested.class);
        verify(store).insert(stored.capture());
        assertThat(stored.getValue().advertiserIds()).isEmpty();
        assertThat(stored.getValue().openId()).isEqualTo("open-1");
        assertThat(stored.getValue().accountIds()).containsExactly("open-1");
    }

    @Test
    void whenOnARepeatedDisconnectRequestsNothingMore() {
        assertThat(service(true).afterDisconnect(disconnection(ConnectionKind.ADVERTISER, "7002",
                TikTokRevocation.Outcome.ALREADY_DISCONNECTED), "bob").block(Duration.ofSeconds(5))).isNull();
        verify(store, never()).insert(any());
    }

    @Test
    void whenOffADisconnectRequestsNothing() {
        assertThat(service(false).afterDisconnect(disconnection(ConnectionKind.ADVERTISER, "7003",
                TikTokRevocation.Outcome.REVOKED), "bob").block(Duration.ofSeconds(5))).isNull();
        verify(store, never()).insert(any());
        verify(outbox, never()).append(any());
    }

    private ErasureService service(boolean eraseOnDisconnect) {
        var settings = new PrivacyProperties(eraseOnDisconnect, Duration.ofDays(90), Duration.ofHours(1),
                List.of("auth-service", "ingest-service"), Duration.ofMinutes(15), Duration.ofMinutes(1));
        return new ErasureService(store, mock(ConnectionService.class), mock(RevocationService.class), outbox, relay,
                transactions, settings, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static Disconnection disconnection(ConnectionKind kind, String accountId, TikTokRevocation.Outcome outcome) {
        String id = kind == ConnectionKind.CREATOR ? Connection.creatorConnectionId(accountId)
                : Connection.advertiserConnectionId(accountId);
        var connection = new Connection(id, kind, accountId, "Name", ConnectionStatus.REVOKED,
                "DISCONNECTED_BY_OPERATOR", UUID.randomUUID(), List.of(), "alice", NOW, NOW, 2, null, null, null);
        return new Disconnection(connection, new TikTokRevocation(outcome, "detail"));
    }
}
