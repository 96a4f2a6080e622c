package io.adpulse.audit.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

    private final CanonicalJson json = new CanonicalJson();

    private String canonical(String text) {
        return json.write(json.parse(text.getBytes(StandardCharsets.UTF_8)).orElseThrow());
    }

    @Test
    void sortsKeysAtEveryLevelAndDropsInsignificantWhitespace() {
        assertThat(canonical("{ \"b\": 1,\n \"a\": {\"z\": [3, {\"y\": 1, \"x\": 2}], \"c\": null} }"))
                .isEqualTo("{\"a\":{\"c\":null,\"z\":[3,{\"x\":2,\"y\":1}]},\"b\":1}");
    }

    @Test
    void givesTheSameTextForTheSameDocumentWrittenDifferently() {
        assertThat(canonical("{\"time\":\"t\",\"id\":\"1\"}")).isEqualTo(canonical("{ \"id\" : \"1\" , \"time\" : \"t\" }"));
    }

    @Test
    void keepsNumbersExactlyAsWritten() {
        assertThat(canonical("{\"spend\": 540.20, \"big\": 12345678901234567890.123456789, \"n\": 7}"))
                .isEqualTo("{\"big\":12345678901234567890.123456789,\"n\":7,\"spend\":540.20}");
    }

    @Test
    void treatsDuplicateKeysAndTrailingContentAsNotJson() {
        assertThat(json.parse("{\"a\": 1, \"a\": 2}".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(json.parse("{\"a\": 1} trailing".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(json.parse(new byte[0])).isEmpty();
    }

    @Test
    void escapesControlCharactersSoTheTextIsStorable() {
        assertThat(canonical("{\"k\": \"a\\u0000b\"}")).isEqualTo("{\"k\":\"a\\u0000b\"}");
    }
}
