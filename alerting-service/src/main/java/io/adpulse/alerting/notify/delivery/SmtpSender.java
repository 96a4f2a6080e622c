package io.adpulse.alerting.notify.delivery;

import io.adpulse.alerting.config.AlertingProperties;
import io.adpulse.alerting.config.ReceiverSettings;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends the mail of an e-mail delivery through the integration's SMTP server: the stored subject, plain text and
 * HTML ({@code {"subject", "text", "html"}}), from and to the integration's addresses. JavaMail blocks, so sending
 * runs on Reactor's bounded elastic scheduler, never on an event loop; connecting, reading and writing each time out
 * after {@code notifications.timeout}. With {@code starttls} the connection must be upgraded to TLS (server identity
 * checked) before anything is sent; with a username, the client logs in.
 */
@Component
class SmtpSender {

    private final JsonMapper json;
    private final Duration timeout;
    private final Map<String, JavaMailSenderImpl> senders = new ConcurrentHashMap<>();

    SmtpSender(JsonMapper json, AlertingProperties properties) {
        this.json = json;
        this.timeout = properties.notifications().timeout();
    }

    /** Sends on subscription; {@code key} names the integration, whose JavaMail session is reused. */
    Mono<Void> send(String key, ReceiverSettings.Email email, Delivery delivery, Instant now) {
        return Mono.<Void>fromRunnable(() -> {
                    JavaMailSenderImpl sender = senders.computeIfAbsent(key, k -> sender(email));
                    sender.send(message(sender, email, delivery, now));
                })
                .subscribeOn(Schedulers.boundedElastic());
    }

    private MimeMessage message(JavaMailSenderImpl sender, ReceiverSettings.Email email, Delivery delivery,
            Instant now) {
        JsonNode content = json.readTree(delivery.body());
        MimeMessage message = sender.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(InternetAddress.parse(email.from(), true)[0]);
            helper.setTo(InternetAddress.parse(email.to(), true));
            helper.setSubject(content.get("subject").asString());
            helper.setSentDate(Date.from(now));
            helper.setText(content.get("text").asString(), content.get("html").asString());
            message.setHeader("X-Adpulse-Group-Key", delivery.groupKey());
        } catch (MessagingException e) {
            throw new MailPreparationException("the mail could not be prepared", e);
        }
        return message;
    }

    private JavaMailSenderImpl sender(ReceiverSettings.Email email) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(email.host());
        sender.setPort(email.port());
        sender.setDefaultEncoding("UTF-8");
        Properties properties = new Properties();
        String millis = Long.toString(timeout.toMillis());
        properties.setProperty("mail.smtp.connectiontimeout", millis);
        properties.setProperty("mail.smtp.timeout", millis);
        properties.setProperty("mail.smtp.writetimeout", millis);
        if (email.starttls()) {
            properties.setProperty("mail.smtp.starttls.enable", "true");
            properties.setProperty("mail.smtp.starttls.required", "true");
            properties.setProperty("mail.smtp.ssl.checkserveridentity", "true");
        }
        if (email.username() != null && !email.username().isBlank()) {
            properties.setProperty("mail.smtp.auth", "true");
            sender.setUsername(email.username());
            sender.setPassword(email.password());
        }
        sender.setJavaMailProperties(properties);
        return sender;
    }
}
