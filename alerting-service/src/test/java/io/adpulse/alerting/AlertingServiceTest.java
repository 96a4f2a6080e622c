package io.adpulse.alerting;

import io.adpulse.testsupport.SharedInfrastructure;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.convention.TestBean;

/**
 * The one Spring test configuration of alerting-service (so the context is cached and shared): the
 * shared embedded Kafka broker and PostgreSQL, a fast evaluation clock and relay, and a fixed clock at
 * 09:00 in Los Angeles on 2026-11-20. Tests use their own advertiser ids so they do not see each other.
 * Profile {@code test} (application-test.yml) routes notifications to {@link #RECEIVER}, a real local HTTP
 * server, {@link #SMTP}, a real local SMTP server (GreenMail), and an Alertmanager on {@link #ALERTMANAGER_PORT}
 * that only its own test starts; it turns the notification loop off so tests dispatch and deliver at instants they choose.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "adpulse.alerting.evaluation-interval=PT0.5S",
        "adpulse.alerting.outbox.poll-interval=PT0.1S",
        "adpulse.alerting.listener.retries=1"})
@AutoConfigureWebTestClient(timeout = "30s")
@ActiveProfiles("test")
public abstract class AlertingServiceTest {

    /** 09:00 America/Los_Angeles on 2026-11-20 (PST): 37.5 % of the local day has passed. */
    public static final Instant NOW = Instant.parse("2026-11-20T17:00:00Z");

    protected static final HttpReceiver RECEIVER = new HttpReceiver();

    /** The real local SMTP server of the {@code team-mail} receiver; tests may stop and start it again. */
    protected static final SmtpServer SMTP = new SmtpServer();

    /** Loopback port of the {@code am-real} receiver's Alertmanager, which only its test starts. */
    protected static final int ALERTMANAGER_PORT = SmtpServer.freePort();

    protected static final KafkaProbe KAFKA = new KafkaProbe(SharedInfrastructure.kafka().bootstrapServers());

    @TestBean
    Clock clock;

    static Clock clock() {
        return Clock.fixed(NOW, ZoneOffset.UTC);
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        SharedInfrastructure.registerProperties("alerting", registry::add);
        registry.add("adpulse-test.receiver", RECEIVER::url);
        registry.add("adpulse-test.smtp-port", SMTP::port);
        registry.add("adpulse-test.alertmanager", () -> "http://127.0.0.1:" + ALERTMANAGER_PORT);
    }

    @AfterAll
    static void forgetRecordsSeen() {
        KAFKA.reset();
    }
}
