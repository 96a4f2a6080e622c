package io.adpulse.ingest.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.adpulse.ingest.config.IngestSettings;
import io.adpulse.ingest.connection.ConnectionRepository;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Fresh data first: backfills filling every on-demand slot never hold up the poll of live accounts. */
class SyncSchedulerTest {

    @Test
    void pollsKeepRunningWhileBackfillsOccupyEveryOnDemandSlot() {
        int slots = 2;
        IngestSettings settings = new IngestSettings(Duration.ofMillis(50), 30, 7, 2, slots, Duration.ZERO, "k:unused",
                null);
        ConnectionRepository connections = mock(ConnectionRepository.class);
        when(connections.activeIds()).thenReturn(Mono.just(List.of("live-1", "live-2")));
        SyncRequests requests = mock(SyncRequests.class);
        // more backfills than slots, each taking "forever"
        when(requests.requests()).thenReturn(Flux.just(grant("new-1"), grant("new-2"), grant("new-3")));
        SyncRunRepository runs = mock(SyncRunRepository.class);
        when(runs.interruptRunning(any())).thenReturn(Mono.just(0L));
        AtomicInteger backfillsStarted = new AtomicInteger();
        AtomicInteger polls = new AtomicInteger();
        SyncService syncs = mock(SyncService.class);
        when(syncs.run(any())).thenAnswer(call -> {
            SyncRequest request = call.getArgument(0);
            if (request.reason() == SyncReason.SCHEDULE) {
                return Mono.fromRunnable(polls::incrementAndGet);
            }
            backfillsStarted.incrementAndGet();
            return Mono.never();
        });
        SyncScheduler scheduler = new SyncScheduler(settings, connections, requests, syncs, runs, Clock.systemUTC());

        scheduler.start();
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> polls.get() >= 5);
            assertThat(backfillsStarted).as("on-demand syncs are bounded by sync-concurrency").hasValue(slots);
        } finally {
            scheduler.stop();
        }
    }

    @Test
    void grantsArrivingTogetherRunAsOneSyncSoTheyCanShareCalls() {
        IngestSettings settings = new IngestSettings(Duration.ofHours(1), 30, 7, 2, 4, Duration.ofMillis(300),
                "k:unused", null);
        ConnectionRepository connections = mock(ConnectionRepository.class);
        when(connections.activeIds()).thenReturn(Mono.just(List.of()));
        SyncRequests requests = mock(SyncRequests.class);
        SyncRequest manual = new SyncRequest(List.of("new-2"), SyncReason.MANUAL, "alice");
        when(requests.requests()).thenReturn(Flux.just(grant("new-1"), grant("new-2"), manual, grant("new-3"),
                grant("new-1")));
        SyncRunRepository runs = mock(SyncRunRepository.class);
        when(runs.interruptRunning(any())).thenReturn(Mono.just(0L));
        List<SyncRequest> ran = new java.util.concurrent.CopyOnWriteArrayList<>();
        SyncService syncs = mock(SyncService.class);
        when(syncs.run(any())).thenAnswer(call -> Mono.fromRunnable(() -> ran.add(call.getArgument(0))));
        SyncScheduler scheduler = new SyncScheduler(settings, connections, requests, syncs, runs, Clock.systemUTC());

        scheduler.start();
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> ran.size() >= 2);
            assertThat(ran).containsExactly(new SyncRequest(List.of("new-1", "new-2", "new-3"), SyncReason.GRANT,
                    "system"), manual);
        } finally {
            scheduler.stop();
        }
    }

    private static SyncRequest grant(String connectionId) {
        return new SyncRequest(List.of(connectionId), SyncReason.GRANT, "system");
    }
}
