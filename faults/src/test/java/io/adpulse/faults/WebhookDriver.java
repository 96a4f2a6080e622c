package io.adpulse.faults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;

/**
 * Plays TikTok's webhook delivery at its worst: every notification delivered twice, the copies of a batch shuffled so
 * that some arrive out of order, some extra copies signed with a wrong secret or a stale timestamp. Like TikTok it
 * retries a delivery until it is answered 2xx (or refused for its signature), so deliveries that hit a restarting
 * ingest-service or gateway are not given up.
 */
final class WebhookDriver {

    private static final String CLIENT_KEY = "sandbox-app";
    private static final String CLIENT_SECRET = "sandbox-secret";
    private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(4);

    private record Delivery(String publishId, byte[] body, String kind) {
    }

    private final RawHttp gateway;
    private final String openId;
    private final Set<String> acceptedDeliveryIds = ConcurrentHashMap.newKeySet();
    final AtomicLong notifications = new AtomicLong();
    final AtomicLong deliveries = new AtomicLong();
    final AtomicLong accepted = new AtomicLong();
    final AtomicLong duplicates = new AtomicLong();
    final AtomicLong refusedSignatures = new AtomicLong();
    final AtomicLong retries = new AtomicLong();
    final AtomicLong unexpected = new AtomicLong();
    private final List<String> problems = Collections.synchronizedList(new ArrayList<>());

    WebhookDriver(RawHttp gateway, String openId) {
        this.gateway = gateway;
        this.openId = openId;
    }

    /** Sends {@code count} notifications, each twice, in shuffled order, with some badly signed extra copies. */
    void batch(Random random, int count) throws InterruptedException {
        List<Delivery> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String publishId = "v_pub_faults_" + Long.toUnsignedString(random.nextLong(), 36);
            String body = "{\"client_key\":\"" + CLIENT_KEY + "\",\"event\":\"post.publish.complete\",\"create_time\":"
                    + (Instant.now().getEpochSecond() - random.nextInt(120)) + ",\"user_openid\":\"" + openId
                    + "\",\"content\":\"{\\\"publish_id\\\":\\\"" + publishId + "\\\",\\\"publish_type\\\":\\\"DIRECT_PUBLISH\\\"}\"}";
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            batch.add(new Delivery(publishId, bytes, "valid"));
            batch.add(new Delivery(publishId, bytes, "valid"));
            if (random.nextInt(4) == 0) {
                batch.add(new Delivery(publishId, bytes, random.nextBoolean() ? "bad" : "stale"));
            }
            notifications.incrementAndGet();
        }
        Collections.shuffle(batch, random);
        for (Delivery delivery : batch) {
            deliver(delivery);
        }
    }

    private void deliver(Delivery delivery) throws InterruptedException {
        deliveries.incrementAndGet();
        Instant giveUp = Instant.now().plus(GIVE_UP_AFTER);
        while (true) {
            long now = Instant.now().getEpochSecond();
            String signature = switch (delivery.kind()) {
                case "bad" -> sign("not-the-secret", now, delivery.body());
                case "stale" -> sign(CLIENT_SECRET, now - 900, delivery.body());
                default -> sign(CLIENT_SECRET, now, delivery.body());
            };
            int status;
            String answer;
            try {
                RawHttp.Response response = gateway.send("POST", "/webhooks/tiktok".getBytes(StandardCharsets.US_ASCII),
                        List.of(new String[] {"Content-Type", "application/json"},
                                new String[] {"TikTok-Signature", signature}), delivery.body());
                status = response.status();
                answer = response.body();
            } catch (IOException e) {
                status = 0;
                answer = e.toString();
            }
            if (delivery.kind().equals("valid") && status == 200) {
                JsonNode body = FaultStack.JSON.readTree(answer);
                if ("duplicate".equals(body.path("status").asString())) {
                    duplicates.incrementAndGet();
                } else {
                    accepted.incrementAndGet();
                }
                acceptedDeliveryIds.add(body.path("deliveryId").asString());
                return;
            }
            if (!delivery.kind().equals("valid") && status == 401) {
                refusedSignatures.incrementAndGet();
                return;
            }
            if (status != 0 && status < 500) {
                unexpected.incrementAndGet();
                problems.add(delivery.kind() + " delivery answered " + status + ": " + answer);
                return;
            }
            // the gateway or ingest-service is restarting: TikTok retries
            if (Instant.now().isAfter(giveUp)) {
                unexpected.incrementAndGet();
                problems.add(delivery.kind() + " delivery still failing after " + GIVE_UP_AFTER + ": " + status);
                return;
            }
            retries.incrementAndGet();
            Thread.sleep(500);
        }
    }

    Set<String> acceptedDeliveryIds() {
        return Set.copyOf(acceptedDeliveryIds);
    }

    List<String> problems() {
        return List.copyOf(problems);
    }

    private static String sign(String secret, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return "t=" + timestamp + ",s=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
