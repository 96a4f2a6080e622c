package io.adpulse.alerting.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EditableSettingsTest {

    private static final String ROAS = RuleCatalog.ROAS_BELOW_TARGET;

    private final EditableSettings settings = new EditableSettings(
            Map.of(ROAS, Map.of("min-spend", new BigDecimal("50"))),
            List.of(
                    override(RuleOverride.Level.CAMPAIGN, "c-1", List.of(), Map.of("target", "3")),
                    override(RuleOverride.Level.ADVERTISER, "a-1", List.of(), Map.of("target", "1", "min-spend", "20")),
                    override(RuleOverride.Level.BRAND, "acme", List.of("a-1", "a-2"), Map.of("target", "2"))),
            new RouteSettings("none", null, null, null, null, null, false, null), List.of(), List.of());

    @Test
    void theMostSpecificOverrideWinsPerParameter() {
        assertThat(settings.parameters(ROAS, "a-1", "c-1"))
                .containsExactlyInAnyOrderEntriesOf(Map.of("target", new BigDecimal("3"), "min-spend", new BigDecimal("20")));
        assertThat(settings.parameters(ROAS, "a-1", "c-2"))
                .containsExactlyInAnyOrderEntriesOf(Map.of("target", new BigDecimal("2"), "min-spend", new BigDecimal("20")));
        assertThat(settings.parameters(ROAS, "a-2", null))
                .containsExactlyInAnyOrderEntriesOf(Map.of("target", new BigDecimal("2"), "min-spend", new BigDecimal("50")));
        assertThat(settings.parameters(ROAS, "a-3", "c-9"))
                .containsExactlyInAnyOrderEntriesOf(Map.of("min-spend", new BigDecimal("50")));
        assertThat(settings.parameters(RuleCatalog.CPA_ABOVE_TARGET, "a-1", "c-1")).isEmpty();
    }

    private static RuleOverride override(RuleOverride.Level level, String id, List<String> advertisers,
            Map<String, String> roas) {
        Map<String, BigDecimal> values = new java.util.HashMap<>();
        roas.forEach((k, v) -> values.put(k, new BigDecimal(v)));
        return new RuleOverride(level, id, advertisers, Map.of(ROAS, values));
    }
}
