package io.adpulse.alerting.privacy;

import io.adpulse.events.EventType;
import io.adpulse.events.PrivacyRequested;
import io.r2dbc.spi.Parameters;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Deletes every row about one account's advertisers in one SQL statement (data-modifying CTEs, so all or nothing):
 * <ul>
 *   <li>{@code advertiser}, {@code campaign}, {@code campaign_spend}, {@code campaign_hourly}, {@code adgroup},
 *       {@code adgroup_spend}: by advertiser id;</li>
 *   <li>{@code connection_state}, {@code api_error}: by the request's connection id or advertiser id;</li>
 *   <li>{@code alert}: alerts whose {@code advertiser_id} label is one of the ids;</li>
 *   <li>{@code notification_member}: memberships of those alerts, and of groups keyed by the advertiser;</li>
 *   <li>{@code notification_group}: groups whose {@code advertiser_id} group label is one of the ids;</li>
 *   <li>{@code delivery}: notifications that carried one of those alerts (their body names it);</li>
 *   <li>{@code outbox}: the {@code AlertFired}/{@code AlertResolved} records of those alerts.</li>
 * </ul>
 * Silences are operator configuration, not TikTok data, and stay. Running it again deletes nothing more, which
 * makes a redelivered request harmless.
 */
@Component
class AccountEraser {

    /** The tables erased from, in the order of the statement. */
    static final List<String> TABLES = List.of("notification_member", "notification_group", "delivery", "outbox",
            "alert", "api_error", "connection_state", "campaign_hourly", "adgroup_spend", "adgroup", "campaign_spend",
            "campaign", "advertiser");

    private static final String SQL = """
            with erased_alert as (select id, fingerprint from alert where labels ->> 'advertiser_id' = any(:ids)),
                 erased_group as (select id from notification_group where group_labels ->> 'advertiser_id' = any(:ids)),
                 d_notification_member as (delete from notification_member
                     where alert_id in (select id from erased_alert) or group_id in (select id from erased_group)
                     returning 1),
                 d_notification_group as (delete from notification_group where id in (select id from erased_group)
                     returning 1),
                 d_delivery as (delete from delivery where fingerprints && array(select fingerprint from erased_alert)
                     returning 1),
                 d_outbox as (delete from outbox where event_type in (:alertTypes)
                     and record_key in (select fingerprint from erased_alert) returning 1),
                 d_alert as (delete from alert where id in (select id from erased_alert) returning 1),
                 d_api_error as (delete from api_error
                     where connection_id = :connectionId or advertiser_id = any(:ids) returning 1),
                 d_connection_state as (delete from connection_state
                     where connection_id = :connectionId or advertiser_id = any(:ids) returning 1),
                 d_campaign_hourly as (delete from campaign_hourly where advertiser_id = any(:ids) returning 1),
                 d_adgroup_spend as (delete from adgroup_spend where advertiser_id = any(:ids) returning 1),
                 d_adgroup as (delete from adgroup where advertiser_id = any(:ids) returning 1),
                 d_campaign_spend as (delete from campaign_spend where advertiser_id = any(:ids) returning 1),
                 d_campaign as (delete from campaign where advertiser_id = any(:ids) returning 1),
                 d_advertiser as (delete from advertiser where advertiser_id = any(:ids) returning 1)
            select (select count(*) from d_notification_member) as notification_member,
                   (select count(*) from d_notification_group) as notification_group,
                   (select count(*) from d_delivery) as delivery,
                   (select count(*) from d_outbox) as outbox,
                   (select count(*) from d_alert) as alert,
                   (select count(*) from d_api_error) as api_error,
                   (select count(*) from d_connection_state) as connection_state,
                   (select count(*) from d_campaign_hourly) as campaign_hourly,
                   (select count(*) from d_adgroup_spend) as adgroup_spend,
                   (select count(*) from d_adgroup) as adgroup,
                   (select count(*) from d_campaign_spend) as campaign_spend,
                   (select count(*) from d_campaign) as campaign,
                   (select count(*) from d_advertiser) as advertiser
            """;

    private final DatabaseClient db;

    AccountEraser(DatabaseClient db) {
        this.db = db;
    }

    /** Deletes the account's rows (joining the caller's transaction); emits the number deleted per table. */
    Mono<Map<String, Long>> erase(PrivacyRequested request) {
        return db.sql(SQL)
                .bind("ids", request.accountIds().toArray(String[]::new))
                .bind("connectionId", request.connectionId() == null ? Parameters.in(String.class)
                        : Parameters.in(request.connectionId()))
                .bind("alertTypes", List.of(EventType.ALERT_FIRED.type(), EventType.ALERT_RESOLVED.type()))
                .map(row -> {
                    Map<String, Long> counts = new LinkedHashMap<>();
                    for (String table : TABLES) {
                        counts.put(table, row.get(table, Long.class));
                    }
                    return counts;
                })
                .one();
    }
}
