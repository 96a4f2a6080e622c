package io.adpulse.ingest.sync;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The frame of one connection's sync: its run, the advertiser as just read, its zone and currency, the
 * instant every observation of this sync carries, and "today" in the advertiser's zone at that instant.
 */
record SyncScope(long runId, CallOrigin origin, String connectionId, String advertiserId, AdvertiserInfo advertiser,
        ZoneId zone, String currency, Instant observedAt, LocalDate today) {

    static SyncScope of(long runId, CallOrigin origin, AdvertiserInfo advertiser, Clock clock) {
        ZoneId zone = advertiser.zone();
        String currency = advertiser.requireCurrency();
        Instant now = clock.instant();
        return new SyncScope(runId, origin, origin.connectionId(), origin.advertiserId(), advertiser, zone, currency,
                now, LocalDate.ofInstant(now, zone));
    }
}
