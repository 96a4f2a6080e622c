package io.adpulse.alerting.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.adpulse.alerting.SmtpServer;
import io.adpulse.alerting.alert.domain.AlertCandidate;
import io.adpulse.alerting.alert.domain.Severity;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

/**
 * The {@code team-mail} receiver (advertisers {@code mail-*}, no group wait) sends through a real local SMTP server
 * (GreenMail), logging in as {@code adpulse}; {@code bad-login} (advertisers {@code badlogin-*}) uses a wrong
 * password.
 */
@ExtendWith(OutputCaptureExtension.class)
class MailDeliveryTest extends DeliveryTestSupport {

    @Test
    void mailsTheGroupWithAnAlertmanagerLikeSubjectAndPlainTextAndHtmlBodies() throws Exception {
        String advertiser = "mail-" + UUID.randomUUID();
        AlertCandidate critical = candidate(advertiser, "cmp-1", Severity.CRITICAL);
        AlertCandidate warning = candidate(advertiser, "cmp-<2>", Severity.WARNING);
        evaluate(advertiser, T0, critical, warning);

        tick(T0);

        List<MimeMessage> mails = mailsAbout(advertiser);
        assertThat(mails).hasSize(1);
        assertThat(copiesAbout(advertiser)).as("one copy in each recipient's mailbox").hasSize(2);
        MimeMessage mail = mails.get(0);
        assertThat(mail.getSubject()).isEqualTo("[FIRING:2] advertiser_id=" + advertiser + " alertname=notify-test");
        assertThat(addresses(mail.getRecipients(Message.RecipientType.TO)))
                .containsExactly("oncall@example.com", "ops@example.com");
        assertThat(((InternetAddress) mail.getFrom()[0]).getAddress()).isEqualTo("alerts@example.com");
        assertThat(((InternetAddress) mail.getFrom()[0]).getPersonal()).isEqualTo("Adpulse");
        assertThat(mail.getHeader("X-Adpulse-Group-Key")[0])
                .isEqualTo("root.3:{advertiser_id=\"" + advertiser + "\",alertname=\"notify-test\"}");

        Map<String, String> parts = textParts(mail);
        String text = parts.get("text/plain");
        assertThat(text).startsWith("[FIRING:2] advertiser_id=" + advertiser + " alertname=notify-test\n")
                .contains("Firing (2):\n- " + critical.summary() + "\n  Severity: critical\n  Started: " + T0 + "\n")
                .contains("    campaign_id = cmp-1\n", "    severity = critical\n", "    rule = notify-test\n")
                .contains("  Annotations:\n    summary = " + warning.summary() + "\n")
                .contains("  Fingerprint: " + critical.fingerprint() + "\n")
                .contains("Adpulse: http://localhost:8080\n")
                .doesNotContain("Resolved (");
        String html = parts.get("text/html");
        assertThat(html).contains("<h2>[FIRING:2] advertiser_id=" + advertiser + " alertname=notify-test</h2>")
                .contains("<li>campaign_id = cmp-1</li>", "<li>campaign_id = cmp-&lt;2&gt;</li>")
                .contains("<strong>" + critical.summary() + "</strong>")
                .contains("<a href=\"http://localhost:8080\">")
                .doesNotContain("cmp-<2>");
        assertThat(deliveryOf("team-mail", critical).get("status").asString()).isEqualTo("DELIVERED");
        assertThat(deliveryOf("team-mail", critical).get("integration").asString()).isEqualTo("email");

        evaluate(advertiser, T0.plusSeconds(60));
        tick(T0.plusSeconds(300));

        mails = mailsAbout(advertiser);
        assertThat(mails).hasSize(2);
        assertThat(mails.get(1).getSubject())
                .isEqualTo("[RESOLVED] advertiser_id=" + advertiser + " alertname=notify-test");
        assertThat(textParts(mails.get(1)).get("text/plain"))
                .contains("Resolved (2):\n- cleared for " + advertiser + "\n")
                .contains("  Resolved: " + T0.plusSeconds(60) + "\n")
                .doesNotContain("Firing (");
    }

    @Test
    void retriesWhileTheSmtpServerIsDownAndDeliversOnceItIsBack() throws Exception {
        String advertiser = "mail-" + UUID.randomUUID();
        AlertCandidate alert = candidate(advertiser, "cmp-1", Severity.WARNING);
        evaluate(advertiser, T0, alert);
        SMTP.stop();
        try {
            tick(T0);
            JsonNode pending = deliveryOf("team-mail", alert);
            assertThat(pending.get("status").asString()).isEqualTo("PENDING");
            assertThat(pending.get("attempts").asInt()).isEqualTo(1);
            assertThat(pending.get("lastError").asString()).isEqualTo("mail failed: ConnectException");
            assertThat(pending.get("nextAttemptAt").asString()).isEqualTo(T0.plusSeconds(10).toString());
            assertThat(pending.toString()).doesNotContain(SmtpServer.PASSWORD);
        } finally {
            SMTP.start();
        }

        worker.deliverDue(T0.plusSeconds(9)).block();
        assertThat(mailsAbout(advertiser)).as("backs off").isEmpty();

        worker.deliverDue(T0.plusSeconds(10)).block();
        List<MimeMessage> mails = mailsAbout(advertiser);
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).getSubject()).isEqualTo("[FIRING:1] advertiser_id=" + advertiser + " alertname=notify-test");
        JsonNode delivered = deliveryOf("team-mail", alert);
        assertThat(delivered.get("status").asString()).isEqualTo("DELIVERED");
        assertThat(delivered.get("attempts").asInt()).isEqualTo(2);
        assertThat(delivered.get("deliveredAt").asString()).isEqualTo(T0.plusSeconds(10).toString());
    }

    /** Mails about the advertiser, one per message (the server keeps a copy in each recipient's mailbox). */
    @Test
    void recordsARejectedLoginWithoutLoggingOrShowingThePassword(CapturedOutput output) {
        String advertiser = "badlogin-" + UUID.randomUUID();
        AlertCandidate alert = candidate(advertiser, "cmp-1", Severity.WARNING);
        evaluate(advertiser, T0, alert);

        tick(T0);

        JsonNode pending = deliveryOf("bad-login", alert);
        assertThat(pending.get("status").asString()).isEqualTo("PENDING");
        assertThat(pending.get("lastError").asString()).isEqualTo("mail failed: AuthenticationFailedException");
        assertThat(mailsAbout(advertiser)).isEmpty();
        assertThat(pending.toString()).doesNotContain("wrong-password-4567");
        assertThat(output.getAll()).contains("mail failed: AuthenticationFailedException")
                .doesNotContain("wrong-password-4567", SmtpServer.PASSWORD);
    }

    static List<MimeMessage> mailsAbout(String advertiser) {
        Map<String, MimeMessage> byId = new LinkedHashMap<>();
        copiesAbout(advertiser).forEach(m -> byId.putIfAbsent(messageId(m), m));
        return List.copyOf(byId.values());
    }

    static List<MimeMessage> copiesAbout(String advertiser) {
        return SMTP.received().stream().filter(m -> subject(m).contains(advertiser)).toList();
    }

    static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String messageId(MimeMessage mail) {
        try {
            return mail.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> addresses(Address[] addresses) {
        return Arrays.stream(addresses).map(a -> ((InternetAddress) a).getAddress()).toList();
    }

    /** The decoded text parts of a mail (with SMTP's CRLF line ends as LF) by content type ({@code text/plain}, {@code text/html}). */
    static Map<String, String> textParts(Part part) throws MessagingException {
        Map<String, String> parts = new HashMap<>();
        collect(part, parts);
        return parts;
    }

    private static void collect(Part part, Map<String, String> parts) throws MessagingException {
        try {
            Object content = part.getContent();
            if (content instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    collect(child, parts);
                }
            } else if (part.isMimeType("text/plain")) {
                parts.put("text/plain", ((String) content).replace("\r\n", "\n"));
            } else if (part.isMimeType("text/html")) {
                parts.put("text/html", ((String) content).replace("\r\n", "\n"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
