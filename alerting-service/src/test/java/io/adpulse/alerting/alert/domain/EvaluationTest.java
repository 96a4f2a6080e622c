package io.adpulse.alerting.alert.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvaluationTest {

    private static final Map<String, String> SCOPE = Map.of("advertiser_id", "a1", "campaign_id", "c1");

    @Test
    void rejectsAnAlertOutsideTheEvaluatedScope() {
        AlertCandidate elsewhere = new AlertCandidate("f", "rule", Severity.WARNING,
                Map.of("advertiser_id", "a1", "campaign_id", "c2"), "s");

        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Evaluation("rule", SCOPE, List.of(elsewhere), labels -> "cleared"));
    }

    @Test
    void rejectsAnAlertOfAnotherRule() {
        AlertCandidate other = new AlertCandidate("f", "other", Severity.WARNING, SCOPE, "s");

        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Evaluation("rule", SCOPE, List.of(other), labels -> "cleared"));
    }

    @Test
    void fingerprintsAreStableAndSeparateTheirParts() {
        assertThat(Fingerprint.of("r", "a", "b")).isEqualTo(Fingerprint.of("r", "a", "b"));
        assertThat(Fingerprint.of("r", "ab", "c")).isNotEqualTo(Fingerprint.of("r", "a", "bc"));
        assertThat(Fingerprint.lockKey("r", Map.of("x", "1", "y", "2")))
                .isEqualTo(Fingerprint.lockKey("r", Map.of("y", "2", "x", "1")));
    }
}
