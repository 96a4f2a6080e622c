package io.adpulse.audit.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

class RedactionTest {

    private final CanonicalJson json = new CanonicalJson();

    private JsonNode tree(String text) {
        return json.parse(text.getBytes(StandardCharsets.UTF_8)).orElseThrow();
    }

    @ParameterizedTest
    @ValueSource(strings = {"token", "TOKEN", "access_token", "accessToken", "refresh_token", "RefreshToken", "secret",
            "client_secret", "app-secret", "password", "Password", "ciphertext", "sealedToken", "sealed_token_v2",
            "apiKey", "authorization", "csrfToken"})
    void recognisesSecretNamesWhateverTheirCase(String name) {
        assertThat(Redaction.isSecretName(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"keyId", "tokenType", "actor", "subject", "secretary_count", "passwordPolicyVersion", "id"})
    void leavesOrdinaryNamesAlone(String name) {
        assertThat(Redaction.isSecretName(name)).isFalse();
    }

    @Test
    void redactsSecretFieldsAtAnyDepthAndNamesTheirPaths() {
        JsonNode root = tree("""
                {"id": "e1", "data": {"accessToken": {"keyId": "k1", "ciphertext": "c2VjcmV0"},
                 "items": [{"name": "a", "Password": "hunter22"}, {"name": "b", "refresh_token": null}],
                 "token": 12345678}}
                """);

        Redaction.Redacted redacted = Redaction.redact(root);

        assertThat(redacted.fields()).containsExactly("data.accessToken", "data.items[0].Password", "data.token");
        assertThat(root.at("/data/accessToken").asString()).isEqualTo(Redaction.MASK);
        assertThat(root.at("/data/items/0/Password").asString()).isEqualTo(Redaction.MASK);
        assertThat(root.at("/data/items/1/refresh_token").isNull()).as("a null secret holds nothing").isTrue();
        assertThat(root.at("/data/token").asString()).isEqualTo(Redaction.MASK);
        assertThat(root.at("/data/items/0/name").asString()).isEqualTo("a");
        assertThat(root.at("/id").asString()).isEqualTo("e1");
        assertThat(redacted.values()).containsExactlyInAnyOrder("k1", "c2VjcmV0", "hunter22", "12345678");
        assertThat(json.write(root)).doesNotContain("c2VjcmV0", "hunter22", "12345678");
    }

    @Test
    void redactsSecretValuesInTextThatIsNotJson() {
        String truncated = "{\"type\":\"x\",\"accessToken\":{\"keyId\":\"k\",\"ciphertext\":\"QUJDREVGR0g=\"},"
                + "\"password\": hunter22, \"refresh_token\":\"abc\\\"def";

        Redaction.RedactedText redacted = Redaction.redactText(truncated);

        assertThat(redacted.text()).doesNotContain("QUJDREVGR0g=", "hunter22", "abc\\\"def")
                .contains("\"ciphertext\":\"[REDACTED]\"", "\"password\": \"[REDACTED]\"", "\"type\":\"x\"");
        assertThat(redacted.redacted().fields()).containsExactly("ciphertext", "password", "refresh_token");
    }

    @Test
    void scrubsRemovedValuesFromOtherTextButNotShortOnes() {
        String message = "Unrecognized token 'hunter22': was expecting a value; at column abc";

        assertThat(Redaction.scrub(message, Set.of("hunter22", "abc")))
                .isEqualTo("Unrecognized token '[REDACTED]': was expecting a value; at column abc");
    }

    @Test
    void scrubsAQuotedFragmentThatIsPartOfARemovedValue() {
        String message = "Unrecognized token 's3cr3t': was expecting (JSON String, Number, Array, Object or token 'null')";

        assertThat(Redaction.scrub(message, Set.of("s3cr3t-t0ken")))
                .isEqualTo("Unrecognized token '[REDACTED]': was expecting (JSON String, Number, Array, Object or token 'null')");
    }
}
