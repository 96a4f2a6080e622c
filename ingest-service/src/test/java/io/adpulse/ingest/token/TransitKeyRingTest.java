package io.adpulse.ingest.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adpulse.events.SealedToken;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class TransitKeyRingTest {

    private static final String DEV_KEY = "ZGV2LXRyYW5zaXQta2V5LTAxMjM0NTY3ODlhYmNkZWY=";
    private static final String OTHER_KEY = "b3RoZXItdHJhbnNpdC1rZXktMDEyMzQ1Njc4OWFiY2Q=";
    private static final TransitKeyRing RING = new TransitKeyRing("dev-transit-1:" + DEV_KEY);

    @Test
    void opensATokenSealedForItsConnection() {
        SealedToken sealed = seal("act.secret-token", "conn-1", "dev-transit-1", DEV_KEY);

        assertThat(RING.open(sealed, "conn-1").value()).isEqualTo("act.secret-token");
    }

    @Test
    void anyKeyOfTheRingOpensSoKeysCanRotate() {
        TransitKeyRing ring = new TransitKeyRing("new-1:" + OTHER_KEY + ", dev-transit-1:" + DEV_KEY);

        assertThat(ring.open(seal("t1", "c", "dev-transit-1", DEV_KEY), "c").value()).isEqualTo("t1");
        assertThat(ring.open(seal("t2", "c", "new-1", OTHER_KEY), "c").value()).isEqualTo("t2");
    }

    @Test
    void tokenSealedWithAnotherKeyUnderAKnownIdFailsClearly() {
        SealedToken sealed = seal("act.secret-token", "conn-1", "dev-transit-1", OTHER_KEY);

        assertThatThrownBy(() -> RING.open(sealed, "conn-1"))
                .isInstanceOf(TokenOpeningException.class)
                .hasMessageContaining("conn-1")
                .hasMessageContaining("does not authenticate")
                .hasMessageNotContaining("secret-token")
                .hasMessageNotContaining(DEV_KEY);
    }

    @Test
    void tokenSealedForAnotherConnectionDoesNotOpen() {
        SealedToken sealed = seal("act.secret-token", "conn-1", "dev-transit-1", DEV_KEY);

        assertThatThrownBy(() -> RING.open(sealed, "conn-2"))
                .isInstanceOf(TokenOpeningException.class)
                .hasMessageContaining("sealed for another connection");
    }

    @Test
    void unknownKeyIdFailsNamingTheKnownIds() {
        SealedToken sealed = seal("t", "conn-1", "retired-key", DEV_KEY);

        assertThatThrownBy(() -> RING.open(sealed, "conn-1"))
                .isInstanceOf(TokenOpeningException.class)
                .hasMessageContaining("retired-key")
                .hasMessageContaining("dev-transit-1");
    }

    @Test
    void malformedCiphertextFailsClearly() {
        assertThatThrownBy(() -> RING.open(new SealedToken("dev-transit-1", "not base64!"), "c"))
                .isInstanceOf(TokenOpeningException.class).hasMessageContaining("not valid base64");
        assertThatThrownBy(() -> RING.open(new SealedToken("dev-transit-1", "AAAA"), "c"))
                .isInstanceOf(TokenOpeningException.class).hasMessageContaining("too short");
    }

    @Test
    void rejectsKeyRingsThatAreNotAes256WithoutEchoingTheKey() {
        assertThatThrownBy(() -> new TransitKeyRing("k1:" + Base64.getEncoder().encodeToString(new byte[16])))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("k1").hasMessageContaining("32");
        assertThatThrownBy(() -> new TransitKeyRing("just-a-key"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("keyId:base64");
        assertThatThrownBy(() -> new TransitKeyRing("k1:" + DEV_KEY + ",k1:" + OTHER_KEY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice")
                .hasMessageNotContaining(DEV_KEY);
    }

    @Test
    void openedTokenNeverShowsInToString() {
        AccessToken token = RING.open(seal("act.secret-token", "c", "dev-transit-1", DEV_KEY), "c");

        assertThat(token.toString()).doesNotContain("secret-token");
        assertThat(token.redact("bad token act.secret-token here")).isEqualTo("bad token <redacted> here");
    }

    private static SealedToken seal(String token, String connectionId, String keyId, String base64Key) {
        try {
            byte[] nonce = new byte[12];
            new SecureRandom().nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(Base64.getDecoder().decode(base64Key), "AES"),
                    new GCMParameterSpec(128, nonce));
            cipher.updateAAD(connectionId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(token.getBytes(StandardCharsets.UTF_8));
            return new SealedToken(keyId, Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
