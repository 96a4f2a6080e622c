package io.adpulse.alerting.alert.domain;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * What one rule found for one scope at one moment. The scope is the set of labels that names what the
 * rule looked at (for pacing: one advertiser's campaign); every alert of the rule whose labels contain
 * the scope is judged by this evaluation. Alerts in {@code active} hold now; firing alerts of the scope
 * that are not in {@code active} have cleared and are resolved with the summary that {@code resolution}
 * gives for their labels (for example "the local day ended").
 */
public record Evaluation(String rule, Map<String, String> scope, List<AlertCandidate> active,
        Function<Map<String, String>, String> resolution) {

    public Evaluation {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(resolution, "resolution");
        scope = Map.copyOf(scope);
        active = List.copyOf(active);
        for (AlertCandidate candidate : active) {
            if (!candidate.rule().equals(rule) || !candidate.labels().entrySet().containsAll(scope.entrySet())) {
                throw new IllegalArgumentException("alert " + candidate.fingerprint() + " is outside the scope "
                        + scope + " of rule " + rule);
            }
        }
    }
}
