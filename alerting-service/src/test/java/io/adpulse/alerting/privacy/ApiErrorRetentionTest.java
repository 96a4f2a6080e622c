package io.adpulse.alerting.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.adpulse.alerting.AlertingServiceTest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

/** TikTok API errors are kept {@code adpulse.alerting.retention.api-errors} (14 days by default), then deleted. */
class ApiErrorRetentionTest extends AlertingServiceTest {

    @Autowired
    DatabaseClient db;
    @Autowired
    ApiErrorRetention retention;

    @Test
    void deletesApiErrorsOlderThanFourteenDaysAndKeepsTheRest() {
        String connection = "retention-" + UUID.randomUUID();
        insert(connection, "expired", NOW.minus(Duration.ofDays(14)).minusSeconds(1));
        insert(connection, "recent", NOW.minus(Duration.ofDays(13)));
        insert(connection, "now", NOW.minusSeconds(60));

        assertThat(retention.purge(NOW).block(Duration.ofSeconds(30))).isPositive();

        assertThat(db.sql("select event_id from api_error where connection_id = :c order by event_id")
                .bind("c", connection).map(row -> row.get(0, String.class)).all().collectList()
                .block(Duration.ofSeconds(10)))
                .isEqualTo(List.of(connection + "-now", connection + "-recent"));
        assertThat(retention.purge(NOW).block(Duration.ofSeconds(30))).as("nothing more to delete").isZero();
    }

    private void insert(String connection, String name, Instant at) {
        db.sql("insert into api_error (event_id, connection_id, advertiser_id, endpoint, code, http_status, retryable,"
                        + " occurred_at) values (:id, :c, null, '/campaign/get/', 50002, 500, true, :at)")
                .bind("id", connection + "-" + name).bind("c", connection).bind("at", at.atOffset(ZoneOffset.UTC))
                .fetch().rowsUpdated().block(Duration.ofSeconds(10));
    }
}
