package io.adpulse.auth.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import io.adpulse.auth.support.MutableClock;
import io.adpulse.auth.support.TestDatabase;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Signal;
import reactor.test.StepVerifier;

class OAuthStateStoreTest {

    private static final TestDatabase DATABASE = TestDatabase.migrated("auth_repository_test");
    private static final Duration TTL = Duration.ofMinutes(10);

    private final MutableClock clock = new MutableClock();
    private final OAuthStateStore store = new OAuthStateStore(DATABASE.client(), clock);

    @Test
    void issuesAStateThatNamesItsOwnerOnFirstUse() {
        IssuedState issued = store.issue(BusinessAuthFlow.FLOW, "alice", TTL).block();

        assertThat(issued.state()).matches("[A-Za-z0-9_-]{43}");
        assertThat(issued.expiresAt()).isEqualTo(clock.instant().plus(TTL));
        StepVerifier.create(store.consume(BusinessAuthFlow.FLOW, issued.state())).expectNext("alice").verifyComplete();
    }

    @Test
    void rejectsASecondUseAsReused() {
        IssuedState issued = store.issue(BusinessAuthFlow.FLOW, "alice", TTL).block();
        store.consume(BusinessAuthFlow.FLOW, issued.state()).block();

        StepVerifier.create(store.consume(BusinessAuthFlow.FLOW, issued.state()))
                .expectErrorSatisfies(e -> assertThat(((CallbackFailedException) e).failure())
                        .isEqualTo(CallbackFailure.REUSED_STATE))
                .verify();
    }

    @Test
    void rejectsAStateItNeverIssuedOrIssuedForAnotherFlow() {
        IssuedState issued = store.issue("ANOTHER_FLOW", "alice", TTL).block();

        StepVerifier.create(store.consume(BusinessAuthFlow.FLOW, issued.state()))
                .expectErrorSatisfies(e -> assertThat(((CallbackFailedException) e).failure())
                        .isEqualTo(CallbackFailure.UNKNOWN_STATE))
                .verify();
        StepVerifier.create(store.consume(BusinessAuthFlow.FLOW, "never-issued"))
                .expectErrorSatisfies(e -> assertThat(((CallbackFailedException) e).failure())
                        .isEqualTo(CallbackFailure.UNKNOWN_STATE))
                .verify();
    }

    @Test
    void rejectsAnExpiredStateAndUsesItUp() {
        IssuedState issued = store.issue(BusinessAuthFlow.FLOW, "alice", TTL).block();
        clock.advance(TTL.plusSeconds(1));

        StepVerifier.create(store.consume(BusinessAuthFlow.FLOW, issued.state()))
                .expectErrorSatisfies(e -> assertThat(((CallbackFailedException) e).failure())
                        .isEqualTo(CallbackFailure.EXPIRED_STATE))
                .verify();
        StepVerifier.create(store.consume(BusinessAuthFlow.FLOW, issued.state()))
                .expectErrorSatisfies(e -> assertThat(((CallbackFailedException) e).failure())
                        .isEqualTo(CallbackFailure.REUSED_STATE))
                .verify();
    }

    @Test
    void letsExactlyOneOfConcurrentCallbacksThrough() {
        IssuedState issued = store.issue(BusinessAuthFlow.FLOW, "alice", TTL).block();

        List<Signal<String>> outcomes = Flux.range(0, 8)
                .flatMap(i -> store.consume(BusinessAuthFlow.FLOW, issued.state()).materialize())
                .filter(signal -> !signal.isOnComplete())
                .collectList()
                .block();

        assertThat(outcomes).filteredOn(Signal::isOnNext).hasSize(1);
        assertThat(outcomes).filteredOn(Signal::isOnError).hasSize(7);
    }

    @Test
    void storesOnlyAHashOfTheState() {
        IssuedState issued = store.issue(BusinessAuthFlow.FLOW, "bob", TTL).block();

        List<String> rows = DATABASE.client().sql("select t::text from oauth_state t")
                .map(row -> row.get(0, String.class)).all().collectList().block();

        assertThat(rows).isNotEmpty().noneMatch(row -> row.contains(issued.state()));
    }
}
