package io.adpulse.alerting.alert.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LabelMatcherTest {

    private static final Map<String, String> LABELS = Map.of("severity", "critical", "advertiser_id", "7001",
            "campaign_name", "Test \"A\"");

    @Test
    void parsesTheFourAlertmanagerOperatorsWithOrWithoutQuotes() {
        assertThat(LabelMatcher.parse("severity=\"critical\"")).isEqualTo(new LabelMatcher("severity", "critical", false, true));
        assertThat(LabelMatcher.parse("severity!=warning")).isEqualTo(new LabelMatcher("severity", "warning", false, false));
        assertThat(LabelMatcher.parse(" advertiser_id =~ \"70.*\" ")).isEqualTo(new LabelMatcher("advertiser_id", "70.*", true, true));
        assertThat(LabelMatcher.parse("rule!~\"daily.*\"")).isEqualTo(new LabelMatcher("rule", "daily.*", true, false));
        assertThat(LabelMatcher.parse("campaign_name=\"Test \\\"A\\\"\"").value()).isEqualTo("Test \"A\"");
    }

    @Test
    void matchesWholeValuesAndTreatsAMissingLabelAsEmpty() {
        assertThat(LabelMatcher.parse("advertiser_id=~\"70.*\"").matches(LABELS)).isTrue();
        assertThat(LabelMatcher.parse("advertiser_id=~\"70\"").matches(LABELS)).as("anchored").isFalse();
        assertThat(LabelMatcher.parse("severity!=\"critical\"").matches(LABELS)).isFalse();
        assertThat(LabelMatcher.parse("team=\"\"").matches(LABELS)).isTrue();
        assertThat(LabelMatcher.parse("team!~\".+\"").matches(LABELS)).isTrue();
        assertThat(LabelMatcher.parse("campaign_name=\"Test \\\"A\\\"\"").matches(LABELS)).isTrue();
    }

    @Test
    void rejectsWhatIsNotAMatcherWithTheReason() {
        assertThatThrownBy(() -> LabelMatcher.parse("severity")).hasMessageContaining("is not a matcher");
        assertThatThrownBy(() -> LabelMatcher.parse("1abc=\"x\"")).hasMessageContaining("is not a matcher");
        assertThatThrownBy(() -> LabelMatcher.parse("advertiser_id=~\"(\""))
                .hasMessageStartingWith("the value of matcher advertiser_id is not a valid regular expression");
        assertThatThrownBy(() -> new LabelMatcher("a-b", "x", false, true)).hasMessageContaining("is not a label name");
    }

    @Test
    void printsAsAlertmanagerWritesIt() {
        assertThat(LabelMatcher.parse("rule!~daily.*")).hasToString("rule!~\"daily.*\"");
    }
}
