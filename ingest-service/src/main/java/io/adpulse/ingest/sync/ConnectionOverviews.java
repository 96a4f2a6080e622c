package io.adpulse.ingest.sync;

import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reads connections with their latest sync run and stream watermarks, for the operations API. */
@Component
public class ConnectionOverviews {

    private final SyncRunRepository runs;
    private final WatermarkRepository watermarks;

    ConnectionOverviews(SyncRunRepository runs, WatermarkRepository watermarks) {
        this.runs = runs;
        this.watermarks = watermarks;
    }

    /** Every known connection, active or not, ordered by id. */
    public Flux<ConnectionOverview> all() {
        return read(null);
    }

    /** One connection; empty when unknown. */
    public Mono<ConnectionOverview> one(String connectionId) {
        return read(connectionId).next();
    }

    private Flux<ConnectionOverview> read(String connectionId) {
        return watermarks.streams(connectionId)
                .flatMapMany(streams -> runs.overview(connectionId).map(overview -> withStreams(overview, streams)));
    }

    private static ConnectionOverview withStreams(ConnectionOverview overview,
            Map<String, List<ConnectionOverview.Stream>> streams) {
        return new ConnectionOverview(overview.id(), overview.advertiserId(), overview.displayName(), overview.status(),
                overview.statusReason(), overview.lastSync(), List.copyOf(streams.getOrDefault(overview.id(), List.of())));
    }
}
