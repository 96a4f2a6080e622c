package io.adpulse.alerting.config;

import java.util.List;

/**
 * One inhibit rule ({@code adpulse.alerting.inhibit-rules[i]}), shaped like Alertmanager's {@code inhibit_rules}.
 *
 * @param sourceMatchers what an inhibiting (firing) alert must meet, e.g. {@code alertname="connection-needs-reauth"}
 * @param targetMatchers what an inhibited alert must meet, e.g. {@code alertname=~"sync-stale|api-error-rate"}
 * @param equal labels whose values must be the same in source and target, e.g. {@code connection_id}
 */
public record InhibitRuleSettings(List<String> sourceMatchers, List<String> targetMatchers, List<String> equal) {

    public InhibitRuleSettings {
        sourceMatchers = sourceMatchers == null ? List.of() : List.copyOf(sourceMatchers);
        targetMatchers = targetMatchers == null ? List.of() : List.copyOf(targetMatchers);
        equal = equal == null ? List.of() : List.copyOf(equal);
    }
}
