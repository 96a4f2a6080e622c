package io.adpulse.ingest.webhook;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignatureVerifierTest {

    private static final byte[] BODY = "{\"event\":\"authorization.removed\"}".getBytes(StandardCharsets.UTF_8);
    private static final Instant NOW = Instant.ofEpochSecond(1_763_000_000L);

    private final SignatureVerifier verifier = new SignatureVerifier(List.of("new-secret", "old-secret"),
            Duration.ofMinutes(5));

    @Test
    void acceptsTikToksDocumentedHeaderWithAnyCurrentSecret() {
        assertThatCode(() -> verifier.verify(SignatureVerifier.sign("new-secret", NOW.getEpochSecond(), BODY), BODY, NOW))
                .doesNotThrowAnyException();
        // while a rotated secret is phased out, notifications signed with the old one still pass
        assertThatCode(() -> verifier.verify(SignatureVerifier.sign("old-secret", NOW.getEpochSecond(), BODY), BODY, NOW))
                .doesNotThrowAnyException();
        // upper-case hex, spaces around parts, and several s= values (one of them right) are tolerated
        String header = SignatureVerifier.sign("new-secret", NOW.getEpochSecond(), BODY);
        String[] parts = header.split(",");
        assertThatCode(() -> verifier.verify(parts[0] + " , s=00ff, " + parts[1].toUpperCase().replace("S=", "s="),
                BODY, NOW)).doesNotThrowAnyException();
    }

    @Test
    void acceptsTimestampsWithinTheToleranceOnEitherSide() {
        long t = NOW.getEpochSecond();
        assertThatCode(() -> verifier.verify(SignatureVerifier.sign("new-secret", t - 300, BODY), BODY, NOW))
                .doesNotThrowAnyException();
        assertThatCode(() -> verifier.verify(SignatureVerifier.sign("new-secret", t + 300, BODY), BODY, NOW))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> verifier.verify(SignatureVerifier.sign("new-secret", t - 301, BODY), BODY, NOW))
                .hasMessageContaining("timestamp");
    }

    @Test
    void refusesEveryMalformedHeader() {
        for (String header : List.of("", "t=1", "s=ab", "t=abc,s=ab", "garbage", "t=,s=", "x".repeat(2000))) {
            assertThatThrownBy(() -> verifier.verify(header, BODY, NOW)).as(header)
                    .isInstanceOf(WebhookRejectedException.class);
        }
    }

    @Test
    void refusesASignatureOverADifferentBodyOrWithNonHexCharacters() {
        String header = SignatureVerifier.sign("new-secret", NOW.getEpochSecond(), BODY);
        byte[] tampered = "{\"event\":\"authorization.removed \"}".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> verifier.verify(header, tampered, NOW)).hasMessageContaining("does not match");
        assertThatThrownBy(() -> verifier.verify("t=" + NOW.getEpochSecond() + ",s=zz", BODY, NOW))
                .hasMessageContaining("does not match");
    }
}
