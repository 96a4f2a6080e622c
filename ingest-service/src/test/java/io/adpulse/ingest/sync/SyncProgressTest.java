package io.adpulse.ingest.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SyncProgressTest {

    private static final Instant START = Instant.parse("2026-11-20T11:00:00Z");

    @Test
    void percentIsWindowsReadOfWindowsPlanned() {
        assertThat(SyncProgress.percent(0, 0, SyncResult.RUNNING)).isZero();
        assertThat(SyncProgress.percent(1, 3, SyncResult.RUNNING)).isEqualTo(33);
        assertThat(SyncProgress.percent(3, 4, SyncResult.FAILED)).as("how far a failed sync got").isEqualTo(75);
        assertThat(SyncProgress.percent(0, 0, SyncResult.SUCCEEDED)).isEqualTo(100);
    }

    @Test
    void estimatedFinishExtrapolatesThePaceOfTheFinishedWindows() {
        Instant now = START.plusSeconds(60);
        assertThat(SyncProgress.estimatedFinish(START, now, 2, 6, SyncResult.RUNNING))
                .as("2 windows in 60 s, 4 to go").isEqualTo(now.plusSeconds(120));
    }

    @Test
    void thereIsNoEstimateBeforeTheFirstWindowOrOnceFinished() {
        Instant now = START.plusSeconds(60);
        assertThat(SyncProgress.estimatedFinish(START, now, 0, 6, SyncResult.RUNNING)).isNull();
        assertThat(SyncProgress.estimatedFinish(START, now, 6, 6, SyncResult.SUCCEEDED)).isNull();
        assertThat(SyncProgress.estimatedFinish(START, now, 2, 6, SyncResult.FAILED)).isNull();
    }
}
