package io.adpulse.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Sealing secrets for topics, and the sealed command parameter on the wire. */
class TransitCipherTest {

    private static final String KEY_A = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String KEY_B = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef"
            .getBytes(StandardCharsets.US_ASCII));
    private static final TransitCipher CIPHER = TransitCipher.parse("new-1:" + KEY_B + ",old-1:" + KEY_A);

    @Test
    void sealsUnderTheFirstKeyAndOpensOnlyForTheSameContext() {
        SealedToken sealed = CIPHER.seal("#spark-code-secret", "cmd-1");
        assertThat(sealed.keyId()).isEqualTo("new-1");
        assertThat(sealed.ciphertext()).doesNotContain("spark");
        assertThat(CIPHER.seal("#spark-code-secret", "cmd-1").ciphertext()).as("fresh nonce")
                .isNotEqualTo(sealed.ciphertext());
        assertThat(CIPHER.open(sealed, "cmd-1", "code", "command")).isEqualTo("#spark-code-secret");
        assertThatThrownBy(() -> CIPHER.open(sealed, "cmd-2", "parameter 'authCode' of command cmd-2", "command"))
                .isInstanceOf(TransitCipher.NotOpened.class)
                .hasMessageContaining("cmd-2").hasMessageContaining("sealed for another command")
                .hasMessageNotContaining("spark-code");
    }

    @Test
    void olderKeysStillOpenAndUnknownOrMalformedCiphertextsAreNamed() {
        SealedToken old = TransitCipher.parse("old-1:" + KEY_A).seal("t", "c");
        assertThat(CIPHER.open(old, "c", "t", "connection")).isEqualTo("t");
        assertThat(CIPHER.keyIds()).containsExactly("new-1", "old-1");
        assertThatThrownBy(() -> TransitCipher.parse("new-1:" + KEY_B).open(old, "c", "token", "connection"))
                .hasMessageContaining("old-1").hasMessageContaining("[new-1]");
        assertThatThrownBy(() -> CIPHER.open(new SealedToken("new-1", "AAAA"), "c", "token", "connection"))
                .hasMessageContaining("too short");
        assertThatThrownBy(() -> CIPHER.open(new SealedToken("new-1", "no base64!"), "c", "token", "connection"))
                .hasMessageContaining("not valid base64");
    }

    @Test
    void badKeySpecsAreRefusedWithoutRepeatingKeyMaterial() {
        assertThatThrownBy(() -> TransitCipher.parse("k:" + Base64.getEncoder().encodeToString(new byte[16])))
                .hasMessageContaining("'k'").hasMessageContaining("32");
        assertThatThrownBy(() -> TransitCipher.parse("k:" + KEY_A + ",k:" + KEY_B))
                .hasMessageContaining("twice").hasMessageNotContaining(KEY_B);
        assertThatThrownBy(() -> TransitCipher.parse(" ")).hasMessageContaining("keyId:base64");
    }

    @Test
    void aSealedParameterPassesTheCommandContractAndAPlaintextCodeDoesNot() {
        EventCodec codec = new EventCodec();
        var parameter = CommandRequested.SealedParameter.seal(CIPHER, "#AbCdEfGh12345678", "cmd-spark-0001");
        assertThat(parameter.endsWith()).isEqualTo("5678");
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("authCode", parameter.toJson());
        byte[] sealed = codec.encode(command(parameters));
        assertThat(new String(sealed, StandardCharsets.UTF_8)).doesNotContain("AbCdEfGh");
        var decoded = codec.decode(sealed, CommandRequested.class).data();
        var back = CommandRequested.SealedParameter.of(decoded.parameters().get("authCode")).orElseThrow();
        assertThat(CIPHER.open(back.sealed(), "cmd-spark-0001", "code", "command")).isEqualTo("#AbCdEfGh12345678");

        parameters.put("authCode", "#AbCdEfGh12345678");
        assertThatThrownBy(() -> codec.decode(codec.encode(command(parameters))))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("authCode");
        assertThat(CommandRequested.SealedParameter.of("#AbCdEfGh12345678")).isEmpty();
    }

    private static EventEnvelope<CommandRequested> command(Map<String, Object> parameters) {
        var data = new CommandRequested("cmd-spark-0001", "spark.authorize", "conn-1", "7002238017842757633",
                "olivia", false, parameters, "5d41402abc4b2a76b9719d911017c5925d41402abc4b2a76b9719d911017c592",
                EventSamples.T0);
        return EventEnvelope.of("/adpulse/gateway", data.connectionId(), EventSamples.T0, data, data.commandId(),
                data.fingerprint());
    }
}
