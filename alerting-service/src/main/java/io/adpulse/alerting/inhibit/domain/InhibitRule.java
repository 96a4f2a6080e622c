package io.adpulse.alerting.inhibit.domain;

import io.adpulse.alerting.alert.domain.LabelMatcher;
import java.util.List;
import java.util.Map;

/**
 * One inhibit rule, shaped like Alertmanager's {@code inhibit_rules} entry: a firing alert that meets every
 * {@code source} matcher inhibits every alert that meets every {@code target} matcher and has the same value (a
 * missing label counts as empty) of each {@code equal} label. An alert never inhibits itself. Matchers see the same
 * labels as routes: the alert's own plus {@code alertname}, {@code rule} and {@code severity}.
 */
public record InhibitRule(List<LabelMatcher> source, List<LabelMatcher> target, List<String> equal) {

    public InhibitRule {
        source = List.copyOf(source);
        target = List.copyOf(target);
        equal = List.copyOf(equal);
        if (source.isEmpty() || target.isEmpty()) {
            throw new IllegalArgumentException("needs at least one source matcher and one target matcher");
        }
    }

    public boolean isTarget(Map<String, String> labels) {
        return target.stream().allMatch(m -> m.matches(labels));
    }

    public boolean isSource(Map<String, String> labels) {
        return source.stream().allMatch(m -> m.matches(labels));
    }

    /** Whether an alert with {@code sourceLabels} inhibits one with {@code targetLabels} by this rule. */
    public boolean inhibits(Map<String, String> sourceLabels, Map<String, String> targetLabels) {
        return isSource(sourceLabels) && isTarget(targetLabels) && equal.stream()
                .allMatch(name -> sourceLabels.getOrDefault(name, "").equals(targetLabels.getOrDefault(name, "")));
    }
}
