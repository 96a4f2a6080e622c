package io.adpulse.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import io.adpulse.alerting.editor.SettingsClient;
import io.adpulse.events.AlertFired;
import io.adpulse.events.AlertResolved;
import io.adpulse.events.EventCodec;
import io.adpulse.events.EventEnvelope;
import io.adpulse.events.Topics;
import java.time.LocalDate;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Overrides of rule targets through {@code /api/alerting/config}: the campaign's beats the advertiser's, and an edit
 * changes the judgement of a firing alert without a restart.
 */
class OverrideAlertsTest extends AlertingServiceTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-11-20");
    private static final EventCodec CODEC = new EventCodec();

    @Autowired
    WebTestClient web;

    private final String advertiser = "ovr-" + UUID.randomUUID();
    private final String overridden = "cmp-" + UUID.randomUUID();
    private final String inherits = "cmp-" + UUID.randomUUID();
    private SettingsClient settings;
    private ObjectNode original;

    @BeforeEach
    void readSettings() {
        settings = new SettingsClient(web);
        original = settings.read();
    }

    @AfterEach
    void putSettingsBack() {
        settings.restore(original);
    }

    @Test
    void aCampaignOverrideOfTheRoasTargetDecidesWhenItsAlertFiresAndResolves() {
        settings.store(withOverrides("1.30"));
        KAFKA.send(Topics.ENTITIES, advertiser, Observations.advertiser(advertiser, NOW.minusSeconds(3600)));
        for (String campaign : new String[] {inherits, overridden}) {
            KAFKA.send(Topics.ENTITIES, advertiser,
                    Observations.dailyBudgetCampaign(advertiser, campaign, "400.00", NOW.minusSeconds(3600)));
            KAFKA.send(Topics.METRICS, advertiser, Observations.dailySpendAndValue(advertiser, campaign, TODAY,
                    "150.00", "180.00", NOW.minusSeconds(600)));
        }

        AlertFired ownTarget = awaitAlert(AlertFired.class, overridden);
        AlertFired advertisersTarget = awaitAlert(AlertFired.class, inherits);
        assertThat(ownTarget.summary()).endsWith("has returned 1.20 on 2026-11-20 so far (180.00 USD of purchases on"
                + " 150.00 USD of spend), below its ROAS target of 1.30");
        assertThat(advertisersTarget.summary()).endsWith("below its ROAS target of 1.50");

        settings.store(withOverrides("1.10"));

        AlertResolved resolved = awaitAlert(AlertResolved.class, overridden);
        assertThat(resolved.fingerprint()).isEqualTo(ownTarget.fingerprint());
        assertThat(resolved.summary()).endsWith("back at or above its ROAS target of 1.10");
    }

    /** The settings as found, with a ROAS target of 1.5 for the advertiser and {@code campaignTarget} for one campaign. */
    private ObjectNode withOverrides(String campaignTarget) {
        ObjectNode edit = original.deepCopy();
        ArrayNode overrides = (ArrayNode) edit.get("overrides");
        overrides.addObject().put("level", "advertiser").put("id", advertiser)
                .putObject("rules").putObject("roas-below-target").put("target", new java.math.BigDecimal("1.5"));
        overrides.addObject().put("level", "campaign").put("id", overridden)
                .putObject("rules").putObject("roas-below-target").put("target", new java.math.BigDecimal(campaignTarget));
        return edit;
    }

    private <T extends Record> T awaitAlert(Class<T> type, String campaignId) {
        ConsumerRecord<String, byte[]> record = KAFKA.awaitRecords(Topics.ALERTS, r -> {
            EventEnvelope<?> event = CODEC.decode(r.value());
            return type.isInstance(event.data()) && (event.data() instanceof AlertFired f
                    ? f.rule().equals("roas-below-target") && campaignId.equals(f.labels().get("campaign_id"))
                    : event.data() instanceof AlertResolved res && res.rule().equals("roas-below-target")
                            && campaignId.equals(res.labels().get("campaign_id")));
        }).get(0);
        return CODEC.decode(record.value(), type).data();
    }
}
